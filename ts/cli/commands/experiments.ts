// The study's experiments as subcommands on one given model (and stimulus set):
//   physiology, match, jacobian, eigen — the same code `illusion-lab run` uses, printed as tables and
//   optionally written as JSON.
import type { Command } from '../command.ts';
import { checkOutputFile, choiceOption, numberOption, parseCommandArgs } from '../command.ts';
import { UserError } from '../../util/errors.ts';
import { writeJsonAtomic } from '../../util/atomic.ts';
import { initBackend } from '../../tf/backend.ts';
import { loadModel } from '../../models/model-io.ts';
import { asNetwork, type ImageNetwork } from '../../experiments/net-io.ts';
import { makeStimulus, stimulusNames, studyStimuli, type Stimulus } from '../../stimuli/index.ts';
import { physiologyStep } from '../../study/steps/physiology.ts';
import { matchable, matchingStep } from '../../study/steps/matching.ts';
import { jacobianByAutograd } from '../../experiments/jacobian-autograd.ts';
import { jacobianByShift } from '../../experiments/jacobian-shift.ts';
import { jacobianByRegression } from '../../experiments/jacobian-regression.ts';
import { jacobianByFiniteDifferences } from '../../experiments/jacobian-fd.ts';
import { eigenStep } from '../../study/steps/eigen.ts';
import { openStudyCore } from '../../study/core-adapter.ts';
import { ProgressBar } from '../../util/progress.ts';
import { toText, type Cell } from '../../report/table.ts';
import { OPPONENT_CHANNELS } from '../../experiments/colour-direction.ts';
import type { Rgb } from '../../image.ts';

const log = (l: string) => process.stderr.write(l + '\n');
const out = (s: string) => process.stdout.write(s);
const r3 = (v: readonly number[]) => `(${v.map((x) => x.toFixed(3)).join(', ')})`;

async function modelNet(dir: string | undefined, command: string): Promise<{ net: ImageNetwork; name: string }> {
  if (!dir) throw new UserError(`${command}: --model DIR is required`);
  await initBackend();
  const { model, card } = await loadModel(dir);
  return { net: asNetwork(model), name: card.name };
}

function stimuliFrom(only: string | undefined): Stimulus[] {
  if (only === undefined) return studyStimuli();
  const names = only.split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw new UserError('--stimuli: no stimulus names given');
  return names.map((n) => makeStimulus(n));
}

const modelHelp = '  --model DIR    model folder (model.json, weights.bin, card.json), required';

const stimulusHelp = `  --stimuli A,B  catalogue names, comma-separated (default: the study's set). Known:\n${wrap(stimulusNames.join(', '), 17)}`;

function wrap(text: string, indent: number, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + word.length + 1 > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

export const physiologyCommand: Command = {
  name: 'physiology',
  summary: 'artificial physiology of one model: mean output over each test region',
  usage: `illusion-lab physiology --model DIR [--stimuli A,B] [--json FILE]\n\nFeeds each stimulus to the network and prints the mean output RGB over each test region (Out-L, Out-R),\ntheir difference in the opponent space, whether it goes the way humans see the illusion, and its strength.\n\n${modelHelp}\n${stimulusHelp}\n  --json FILE    also write the read-outs as JSON`,
  async run(argv) {
    const { values } = parseCommandArgs('physiology', { options: { model: { type: 'string' }, stimuli: { type: 'string' }, json: { type: 'string' } } }, argv);
    const stimuli = stimuliFrom(values.stimuli);
    if (values.json) checkOutputFile('json', values.json);
    const { net, name } = await modelNet(values.model, 'physiology');
    const core = await openStudyCore(log);
    try {
      const bar = new ProgressBar({ label: 'physiology', total: stimuli.length });
      const recs = await physiologyStep(net, stimuli, core.toOpponent, () => bar.tick());
      bar.finish();
      const rows: Cell[][] = recs.map((p) => {
        const t1 = p.tests.find((t) => t.label === 1), t2 = p.tests.find((t) => t.label === 2);
        return [p.stimulus, t1 ? r3(t1.output) : null, t2 ? r3(t2.output) : null, p.difference ? r3(p.difference.opponent) : null,
          p.humanWay ?? (p.scallops ? `${p.scallops.humanWay}/${p.scallops.predicted} steps` : null), p.strength ?? null];
      });
      out(toText({ name: 'physiology', title: `${name}: artificial physiology`, columns: ['stimulus', 'Out-L / test 1', 'Out-R / test 2', 'Δ opponent', 'human way', 'strength'], rows }));
      if (values.json) writeJsonAtomic(values.json, { model: values.model, physiology: recs });
    } finally { await core.close(); }
  },
};

export const matchCommand: Command = {
  name: 'match',
  summary: 'asymmetric colour matching by one model on two-test stimuli',
  usage: `illusion-lab match --model DIR [--stimuli A,B] [--iterations N] [--json FILE]\n\nAsymmetric matching: keeps A's response to its test and changes the input colour of B's test until B's\nresponse equals it (damped Gauss–Newton, tolerance 1e-5); prints the matched colour, the shift that cancels\nthe illusion, the residual, and which channels stopped at the [0, 1] bound.\n\n${modelHelp}\n${stimulusHelp}\n  --iterations N maximum Gauss–Newton iterations per match (default 40)\n  --json FILE    also write the matches as JSON`,
  async run(argv) {
    const { values } = parseCommandArgs('match', { options: { model: { type: 'string' }, stimuli: { type: 'string' }, iterations: { type: 'string' }, json: { type: 'string' } } }, argv);
    const stimuli = stimuliFrom(values.stimuli);
    const bad = stimuli.filter((s) => !matchable(s));
    if (values.stimuli && bad.length > 0) throw new UserError(`match: ${bad.map((s) => s.name).join(', ')} ha${bad.length > 1 ? 've' : 's'} no pair of test regions labelled 1 and 2 to match`);
    const iterations = numberOption('iterations', values.iterations, 40, { min: 1, max: 1000, integer: true });
    if (values.json) checkOutputFile('json', values.json);
    const { net, name } = await modelNet(values.model, 'match');
    const todo = stimuli.filter(matchable);
    const bar = new ProgressBar({ label: 'matching', total: todo.length });
    const recs = await matchingStep(net, todo, iterations, () => bar.tick());
    bar.finish();
    out(toText({ name: 'match', title: `${name}: asymmetric matching (B's test changed until its response equals A's)`,
      columns: ['stimulus', 'start t₀', 'matched t*', 'shift', 'residual', 'iterations', 'channels at the [0,1] bound'],
      rows: recs.map((r) => [r.stimulus, r3(r.start), r3(r.matched), r3(r.shift), r.residual, r.iterations,
        r.atBound.some(Boolean) ? ['R', 'G', 'B'].filter((_, i) => r.atBound[i]).join(' ') : 'none']) }));
    const unconverged = recs.filter((r) => r.residual > 1e-5);
    if (unconverged.length > 0) {
      out(`note: ${unconverged.length} of ${recs.length} matches did not reach the tolerance (${unconverged.map((r) => r.stimulus).join(', ')}): ` +
        'B cannot be made to respond like A within the iterations or the [0, 1] range, so their shift is the best attempt, not a match\n');
    }
    if (values.json) writeJsonAtomic(values.json, { model: values.model, matching: recs });
  },
};

const geometryHelp = `  --block N      side of the central block (default 16: a 768×768 Jacobian)
  --canvas N     side of the input canvas holding the block (default 64)
  --grey V       uniform operating point V in [0,1] (default 0.5)`;

function geometry(values: { block?: string; canvas?: string; grey?: string }) {
  const block = numberOption('block', values.block, 16, { min: 2, max: 48, integer: true });
  const canvas = numberOption('canvas', values.canvas, 64, { min: 2, max: 512, integer: true });
  if (canvas < block) throw new UserError(`--canvas ${canvas} must be at least --block ${block}`);
  const g = numberOption('grey', values.grey, 0.5, { min: 0, max: 1 });
  return { block, canvas, operatingPoint: [g, g, g] as Rgb };
}

export const jacobianCommand: Command = {
  name: 'jacobian',
  summary: 'Jacobian of one model at a grey operating point (autograd, shift, regression, finite differences)',
  usage: `illusion-lab jacobian --model DIR [--method shift|autograd|regression|fd] [--block N] [--canvas N] [--grey V]
                      [--probes N] [--amplitude S] [--seed N] [--step E] [--out FILE.json]

Linearises the network around a uniform grey input: the Jacobian of the central block's output with respect
to its input (rows and columns flattened (y·W + x)·3 + c, RGB), by the chosen method.

${modelHelp}
  --method M     shift (default; 3 backward passes, exact at a uniform operating point), autograd (one row per
                 backward pass), regression (J = R·I⁺, N probes of std S), fd (central differences, step E)
  --probes N     regression probes (default 2·d, at least d = 3·block²)   --amplitude S  their std (default 0.01)
  --seed N       seed of the regression probes (default 1)                 --step E       fd step (default 0.01)
${geometryHelp}
  --out FILE     write {rows, cols, data (row-major), method, seconds, …} as JSON`,
  async run(argv) {
    const { values } = parseCommandArgs('jacobian', { options: {
      model: { type: 'string' }, method: { type: 'string' }, block: { type: 'string' }, canvas: { type: 'string' }, grey: { type: 'string' },
      probes: { type: 'string' }, amplitude: { type: 'string' }, seed: { type: 'string' }, step: { type: 'string' }, out: { type: 'string' },
    } }, argv);
    const method = choiceOption('method', values.method, ['shift', 'autograd', 'regression', 'fd'] as const, 'shift');
    const g = geometry(values);
    const d = 3 * g.block * g.block;
    const probes = numberOption('probes', values.probes, 2 * d, { min: d, integer: true });
    const amplitude = numberOption('amplitude', values.amplitude, 0.01, { min: 1e-6, max: 0.5 });
    const seed = numberOption('seed', values.seed, 1, { min: 0, integer: true });
    const step = numberOption('step', values.step, 1e-2, { min: 1e-6, max: 0.5 });
    if (values.out) checkOutputFile('out', values.out);
    const { net, name } = await modelNet(values.model, 'jacobian');
    const bar = new ProgressBar({ label: `jacobian (${method})`, total: method === 'regression' ? probes : d });
    const onProgress = (done: number) => bar.update(done);
    let j;
    try {
      j = method === 'shift' ? await jacobianByShift(net, g)
        : method === 'autograd' ? await jacobianByAutograd(net, { ...g, onProgress })
        : method === 'regression' ? await jacobianByRegression(net, { ...g, probes, amplitude, seed, onProgress })
        : await jacobianByFiniteDifferences(net, { ...g, step, onProgress });
    } catch (e) {
      if (e instanceof RangeError) throw new UserError(`jacobian: ${e.message}`);
      throw e;
    }
    bar.finish();
    let fro = 0;
    for (const v of j.data) fro += v * v;
    out(`${name}: ${j.rows}×${j.cols} Jacobian by ${method} in ${j.seconds.toFixed(2)} s; ‖J‖_F = ${Math.sqrt(fro).toFixed(4)}` +
      ('receptiveFieldRadius' in j ? `; receptive-field radius ${j.receptiveFieldRadius} px` : '') +
      ('fitResidual' in j ? `; fit residual ${(j.fitResidual as number).toExponential(2)}` : '') + '\n');
    if (values.out) writeJsonAtomic(values.out, { model: values.model, ...j, data: Array.from(j.data) });
  },
};

export const eigenCommand: Command = {
  name: 'eigen',
  summary: 'eigen-analysis and artificial CSFs of one model\'s Jacobian',
  usage: `illusion-lab eigen --model DIR [--block N] [--canvas N] [--grey V] [--ppd P] [--json FILE]

Eigen-decomposes the network's Jacobian (by the exact shift method) with the WebAssembly core, assigns the
eigenvectors to opponent channels, and prints the artificial contrast sensitivity functions per channel.

${modelHelp}
${geometryHelp}
  --ppd P        pixels per degree for the CSF frequencies (default 64)
  --json FILE    write the eigenvalues, channel assignment, mechanisms and CSFs as JSON`,
  async run(argv) {
    const { values } = parseCommandArgs('eigen', { options: {
      model: { type: 'string' }, block: { type: 'string' }, canvas: { type: 'string' }, grey: { type: 'string' }, ppd: { type: 'string' }, json: { type: 'string' },
    } }, argv);
    const g = geometry(values);
    const ppd = numberOption('ppd', values.ppd, 64, { min: 1e-3 });
    if (values.json) checkOutputFile('json', values.json);
    const { net, name } = await modelNet(values.model, 'eigen');
    const core = await openStudyCore(log);
    try {
      let j;
      try { j = await jacobianByShift(net, g); } catch (e) {
        if (e instanceof RangeError) throw new UserError(`eigen: ${e.message}`);
        throw e;
      }
      log(`eigen-decomposition of the ${j.rows}×${j.rows} Jacobian…`);
      const e = await eigenStep(j, core.eigen);
      out(`${name}: ${j.rows} eigenvalues in ${e.seconds.toFixed(1)} s, |λ|max ${Math.hypot(e.eigenvalues.re[0], e.eigenvalues.im[0]).toFixed(4)}, ${e.complexPairs} complex pairs, cond(V) ${e.vectorsCondition.toExponential(2)}\n`);
      out(`Σ|λ| share by opponent channel: ${OPPONENT_CHANNELS.map((c) => `${c} ${(100 * e.weightByChannel[c]).toFixed(1)}%`).join(', ')}\n`);
      out(toText({ name: 'csf', title: `artificial CSFs (each channel normalised to its maximum) at ${ppd} px/deg`,
        columns: ['cycles/degree', ...OPPONENT_CHANNELS],
        rows: e.csf.cyclesPerPixel.map((f, i) => [f * ppd, ...OPPONENT_CHANNELS.map((c) => e.csf.shape[c][i])]) }));
      if (values.json) writeJsonAtomic(values.json, { model: values.model, ppd, ...e });
    } finally { await core.close(); }
  },
};
