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
  const core = await openStudyCore(log);
  const cache = new StepCache(join(opts.outDir, 'cache'), opts.resume);
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
    const units = models.reduce((s, m) => s + stimuli.length + 2 +
      (archIn(config.stimuli.sweepArchs, m.ref.arch) ? plan.length : 0) +
      (archIn(config.matching.archs, m.ref.arch) ? stimuli.filter(matchable).length : 0), 0) +
      (config.jacobian.regression ? 4 : 0) + (config.jacobian.large ? 2 : 0);
    const bar = new ProgressBar({ label: 'study', total: units });
    const tick = (status?: string) => bar.tick(1, status);

    const perModel: ModelResults[] = [];
    for (const m of models) {
      const net = nets.get(m.name)!;
      const deps = { model: m.hash, config: hashOf({ ...config, models: undefined }) };
      const physiology = await cache.step(`physiology-${m.name}`, { deps, stimuli: stimuli.map((s) => [s.name, s.params]) },
        () => physiologyStep(net, stimuli, core.toOpponent, () => tick(`${m.name}: physiology`)));
      const sweeps = archIn(config.stimuli.sweepArchs, m.ref.arch)
        ? await cache.step(`sweeps-${m.name}`, { deps, plan }, () => sweepStep(net, plan, core.toOpponent, () => tick(`${m.name}: sweeps`)))
        : [];
      const matching = archIn(config.matching.archs, m.ref.arch)
        ? await cache.step(`matching-${m.name}`, { deps, iters: config.matching.maxIterations },
          () => matchingStep(net, stimuli, config.matching.maxIterations, () => tick(`${m.name}: matching`)))
        : [];
      const jac = await jacobianAt(net, config.jacobian.block, config.jacobian.canvas, op);
      const natural = naturalSource.forModel(m);
      naturalUsed[m.name] = { source: natural.source, files: natural.files, hash: natural.hash };
      const blocks = naturalTestBlocks(natural.images, config.jacobian.block, defaultDegradation(m.ref.task), config.linearity.blocks, config.linearity.seed);
      const linearisation = await cache.step(`linearisation-${m.name}`, { deps, natural: natural.hash },
        async () => { const r = await linearisationStep(net, jac, blocks); return r; });
      tick(`${m.name}: linearisation`);
      const eigen = await cache.step(`eigen-${m.name}`, { deps }, () => eigenStep(jac, core.eigen));
      tick(`${m.name}: eigen-analysis`);
      perModel.push({ name: m.name, ref: m.ref, card: m.cardSummary, physiology, sweeps, matching, linearisation, eigen });
    }

    let methods: StudyResults['methods'] = null;
    const reg = config.jacobian.regression;
    if (reg) {
      const m = models.find((x) => x.name === reg.model);
      if (!m) throw new Error(`jacobian.regression.model "${reg.model}" is not among the study's models`);
      const rec = await cache.step(`methods-${m.name}`, { model: m.hash, reg, j: config.jacobian },
        () => methodsStep(nets.get(m.name)!, { block: config.jacobian.block, canvas: config.jacobian.canvas, operatingPoint: op, ...reg },
          (what, d, t) => { if (d === t) tick(`${m.name}: ${what}`); }));
      methods = { model: m.name, ...rec };
      tick(`${m.name}: methods compared`);
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
      const linearisation = await cache.step(`linearisation-large-${m.name}`, { model: m.hash, lg, natural: natural.hash, op },
        () => linearisationStep(net, jac, blocks));
      tick(`${m.name}: ${lg.block}×${lg.block}×3 Jacobian`);
      const eigen = await cache.step(`eigen-large-${m.name}`, { model: m.hash, lg, op }, () => eigenStep(jac, core.eigen));
      tick(`${m.name}: ${3 * lg.block * lg.block}-dimensional eigen-analysis`);
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
