// `illusion-lab run`: the whole study of SCIENCE.md on real trained networks — physiology, psychophysics,
// linearisation, eigen-analysis, artificial CSFs — then the report. Each step's numbers are cached under
// <out>/cache so an interrupted run resumes where it stopped.
import { join } from 'node:path';
import type { Rgb } from '../image.ts';
import { asNetwork, type ImageNetwork } from '../experiments/net-io.ts';
import { studyStimuli, type Stimulus } from '../stimuli/index.ts';
import { ProgressBar, formatDuration } from '../util/progress.ts';
import { writeJsonAtomic } from '../util/atomic.ts';
import { StepCache, hashOf } from './cache.ts';
import { modelName, type ModelRef, type StudyConfig } from './config.ts';
import { physiologyStep, sweepPlan, sweepStep, type PhysiologyRecord, type SweepRecord } from './steps/physiology.ts';
import { matchable, matchingStep, type MatchRecord } from './steps/matching.ts';
import { jacobianAt, linearisationStep, type LinearisationRecord } from './steps/linearisation.ts';
import { methodsStep, type MethodsRecord } from './steps/methods.ts';
import { eigenStep, type EigenRecord } from './steps/eigen.ts';
import { naturalTestBlocks } from './natural-blocks.ts';
import { openStudyCore, type StudyCore } from './core-adapter.ts';
import { acquireModels, NaturalImageSource, type AcquiredModel } from './inputs.ts';
import { humanReferences, type HumanReferences } from './human.ts';
import { provenance, type Provenance } from './provenance.ts';
import { defaultDegradation } from '../data/degrade.ts';

export interface ModelResults {
  name: string;
  ref: ModelRef;
  card: AcquiredModel['cardSummary'];
  physiology: PhysiologyRecord[];
  sweeps: SweepRecord[];
  matching: MatchRecord[];
  linearisation: LinearisationRecord;
  eigen: EigenRecord;
}

export interface StudyResults {
  format: 'illusion-lab-results/1';
  config: StudyConfig;
  provenance: Provenance;
  models: ModelResults[];
  methods: (MethodsRecord & { model: string }) | null;
  large: { model: string; linearisation: LinearisationRecord; eigen: EigenRecord } | null;
  human: HumanReferences;
  cache: { loaded: string[]; computed: string[] };
  seconds: number;
}

export interface RunOptions {
  outDir: string;
  resume: boolean;
  log: (line: string) => void;
}

export async function runStudy(config: StudyConfig, opts: RunOptions): Promise<{ results: StudyResults; core: StudyCore; nets: Map<string, ImageNetwork>; stimuli: Stimulus[] }> {
  const start = performance.now();
  const { log } = opts;
  const core = await openStudyCore(log, config.csf.opponent);
  const cache = new StepCache(join(opts.outDir, 'cache'), opts.resume);
  if (opts.resume && cache.available() > 0) log(`resuming: ${cache.available()} cached step files in ${join(opts.outDir, 'cache')} (those of this configuration are reused; --fresh recomputes)`);
  try {
    const models = await acquireModels(config, log);
    const stimuli = studyStimuli({ variant: 'both' }).filter((s) => config.stimuli.variants.includes(s.variant));
    const naturalSource = new NaturalImageSource(config, log);
    const naturalUsed: Record<string, { source: string; files: string[]; hash: string }> = {};
    const nets = new Map<string, ImageNetwork>(models.map((m) => [m.name, asNetwork(m.model)]));
    const op = config.jacobian.operatingPoint as Rgb;

    const sweepNames = config.stimuli.sweeps ? stimuli.map((s) => s.name) : [];
    const plan = sweepPlan(sweepNames);
    const archIn = (list: string[], arch: string) => list.length === 0 || list.includes(arch);
    // Progress in rough tenths of a second of a 2-core CPU (measured on the default run), so the ETA
    // is meaningful: a forward pass of a 128² stimulus costs ~1 unit for shallow, 10 deep, 30 DnCNN.
    const fwd = (arch: string) => (arch === 'shallow' ? 1 : arch === 'deep' ? 10 : 30);
    const nMatch = stimuli.filter(matchable).length;
    const plannedUnits = (m: (typeof models)[number]) => ({
      physiology: stimuli.length * fwd(m.ref.arch),
      sweeps: archIn(config.stimuli.sweepArchs, m.ref.arch) ? plan.length * fwd(m.ref.arch) : 0,
      matching: archIn(config.matching.archs, m.ref.arch) ? nMatch * 8 * fwd(m.ref.arch) : 0,
      linearisation: 5 + 2 * fwd(m.ref.arch),
      eigen: Math.max(2, Math.round(20 * (3 * config.jacobian.block ** 2 / 768) ** 3)),
    });
    const largeEig = config.jacobian.large ? Math.max(2, Math.round(20 * (3 * config.jacobian.large.block ** 2 / 768) ** 3 / 2)) : 0;
    const units = models.reduce((s, m) => s + Object.values(plannedUnits(m)).reduce((a, b) => a + b, 0), 0) +
      (config.jacobian.regression ? 80 : 0) + (config.jacobian.large ? 30 + largeEig : 0);
    const bar = new ProgressBar({ label: 'study', total: units });
    /** A cached step with its share of the bar: sub-item ticks while computing, topped up when done or loaded. */
    const track = async <T>(name: string, deps: unknown, share: number, status: string, compute: (tick: (u: number) => void) => Promise<T>): Promise<T> => {
      let done = 0;
      const r = await cache.step(name, deps, () => compute((u) => { done += u; bar.tick(u, status); }));
      if (share > done) bar.tick(share - done, status);
      return r;
    };

    const perModel: ModelResults[] = [];
    for (const m of models) {
      const net = nets.get(m.name)!;
      const u = plannedUnits(m);
      const deps = { model: m.hash, config: hashOf({ ...config, models: undefined }) };
      const physiology = await track(`physiology-${m.name}`, { deps, stimuli: stimuli.map((s) => [s.name, s.params]) }, u.physiology, `${m.name}: physiology`,
        (t) => physiologyStep(net, stimuli, core.toOpponent, () => t(fwd(m.ref.arch))));
      const sweeps = u.sweeps > 0
        ? await track(`sweeps-${m.name}`, { deps, plan }, u.sweeps, `${m.name}: sweeps`, (t) => sweepStep(net, plan, core.toOpponent, () => t(fwd(m.ref.arch))))
        : [];
      const matching = u.matching > 0
        ? await track(`matching-${m.name}`, { deps, iters: config.matching.maxIterations }, u.matching, `${m.name}: matching`,
          (t) => matchingStep(net, stimuli, config.matching.maxIterations, () => t(8 * fwd(m.ref.arch))))
        : [];
      const jac = await jacobianAt(net, config.jacobian.block, config.jacobian.canvas, op);
      const natural = naturalSource.forModel(m);
      naturalUsed[m.name] = { source: natural.source, files: natural.files, hash: natural.hash };
      const blocks = naturalTestBlocks(natural.images, config.jacobian.block, defaultDegradation(m.ref.task), config.linearity.blocks, config.linearity.seed);
      const linearisation = await track(`linearisation-${m.name}`, { deps, natural: natural.hash }, u.linearisation, `${m.name}: linearisation`,
        () => linearisationStep(net, jac, blocks));
      const eigen = await track(`eigen-${m.name}`, { deps }, u.eigen, `${m.name}: eigen-analysis`, () => eigenStep(jac, core.eigen));
      perModel.push({ name: m.name, ref: m.ref, card: m.cardSummary, physiology, sweeps, matching, linearisation, eigen });
    }

    let methods: StudyResults['methods'] = null;
    const reg = config.jacobian.regression;
    if (reg) {
      const m = models.find((x) => x.name === reg.model);
      if (!m) throw new Error(`jacobian.regression.model "${reg.model}" is not among the study's models`);
      const rec = await track(`methods-${m.name}`, { model: m.hash, reg, j: config.jacobian }, 80, `${m.name}: Jacobian methods compared`,
        (t) => methodsStep(nets.get(m.name)!, { block: config.jacobian.block, canvas: config.jacobian.canvas, operatingPoint: op, ...reg },
          (_what, d, total) => { if (d === total) t(25); }));
      methods = { model: m.name, ...rec };
    }

    let large: StudyResults['large'] = null;
    const lg = config.jacobian.large;
    if (lg) {
      const m = models.find((x) => x.name === lg.model);
      if (!m) throw new Error(`jacobian.large.model "${lg.model}" is not among the study's models`);
      const net = nets.get(m.name)!;
      const jac = await jacobianAt(net, lg.block, lg.canvas, op);
      const natural = naturalSource.forModel(m);
      const blocks = naturalTestBlocks(natural.images, lg.block, defaultDegradation(m.ref.task), Math.max(8, Math.round(config.linearity.blocks / 4)), config.linearity.seed);
      const linearisation = await track(`linearisation-large-${m.name}`, { model: m.hash, lg, natural: natural.hash, op }, 30,
        `${m.name}: ${lg.block}×${lg.block}×3 Jacobian`, () => linearisationStep(net, jac, blocks));
      const eigen = await track(`eigen-large-${m.name}`, { model: m.hash, lg, op }, largeEig,
        `${m.name}: ${3 * lg.block * lg.block}-dimensional eigen-analysis (the longest step)`, () => eigenStep(jac, core.eigen));
      large = { model: m.name, linearisation, eigen };
    }
    bar.finish('done');

    const human = humanReferences(config, core, log);
    const results: StudyResults = {
      format: 'illusion-lab-results/1', config,
      provenance: provenance(core, models, naturalUsed),
      models: perModel, methods, large, human,
      cache: { loaded: cache.loaded, computed: cache.computed },
      seconds: (performance.now() - start) / 1000,
    };
    writeJsonAtomic(join(opts.outDir, 'results.json'), results);
    log(`study computed in ${formatDuration(results.seconds)} (${cache.loaded.length} steps loaded from the cache, ${cache.computed.length} computed)`);
    return { results, core, nets, stimuli };
  } catch (e) {
    await core.close();
    throw e;
  }
}
