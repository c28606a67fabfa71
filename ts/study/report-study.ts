// Builds the study report (index.html, results tables as CSV, figures) from the computed results, and the
// terminal summary. Every number shown comes from StudyResults of this run (or its cache, which the
// report names).
import { interpolateLog, logShapeCorrelation } from '../experiments/artificial-csf.ts';
import { OPPONENT_CHANNELS, cieWavelengths, type OpponentChannel } from '../experiments/colour-direction.ts';
import type { ImageNetwork } from '../experiments/net-io.ts';
import { contactSheet } from '../io/contact-sheet.ts';
import { encodePng } from '../io/png.ts';
import { ReportBuilder } from '../report/report.ts';
import { toText, type Cell, type Table } from '../report/table.ts';
import type { Stimulus } from '../stimuli/index.ts';
import { linePlotSvg, mosaicPng, outputsSheet, profilePlot, blockImage, type Series } from './report-figures.ts';
import type { ModelResults, StudyResults } from './run-study.ts';
import { PUBLISHED, fmtPct, fmtStat, groups, stat } from './summary.ts';

const PARAM_LABEL: Record<string, string> = {
  f: 'f: bar / grid / ring frequency (fraction of the canvas width)',
  r: 'r: disc radius (px)',
  h: 'h: staircase side (fraction of the canvas)',
};

const r3 = (v: readonly number[]) => `(${v.map((x) => x.toFixed(3)).join(', ')})`;

export interface CsfComparison {
  model: string;
  ppd: number;
  channel: OpponentChannel;
  humanModel: string;
  rModel: number;
  nModel: number;
  rMeasured: number | null;
  nMeasured: number;
  peakCpd: number;
  lowPass: boolean;
  /** the channel's maximum relative to the achromatic maximum */
  level: number;
}

/** Compare every network's artificial CSFs with the human models and measured data at each ppd. */
export function compareCsfs(res: StudyResults): CsfComparison[] {
  const out: CsfComparison[] = [];
  const hm = res.human;
  const modelCurve: Record<OpponentChannel, { name: string; y: number[] }> = {
    achromatic: { name: 'SSO', y: hm.models.sso },
    'red-green': { name: 'Mullen-fit RG', y: hm.models.mullenRg },
    'yellow-blue': { name: 'Mullen-fit YB', y: hm.models.mullenYb },
  };
  const measuredName: Record<OpponentChannel, string> = { achromatic: 'achromatic', 'red-green': 'red-green', 'yellow-blue': 'yellow-violet' };
  const entries: { name: string; eigen: ModelResults['eigen'] }[] = res.models.map((m) => ({ name: m.name, eigen: m.eigen }));
  if (res.large) entries.push({ name: `${res.large.model} (${res.large.eigen.block}×${res.large.eigen.block} block)`, eigen: res.large.eigen });
  for (const { name, eigen } of entries) {
    for (const ppd of res.config.csf.ppdSweep) {
      const cpd = eigen.csf.cyclesPerPixel.map((f) => f * ppd);
      for (const ch of OPPONENT_CHANNELS) {
        const y = eigen.csf.shape[ch];
        const human = interpolateLog(hm.frequency, modelCurve[ch].y, cpd);
        const ok = human.map((v, i) => Number.isFinite(v) && y[i] > 0);
        const rModel = logShapeCorrelation(y.filter((_, i) => ok[i]), human.filter((_, i) => ok[i]));
        let rMeasured: number | null = null, nMeasured = 0;
        const meas = hm.measured?.find((d) => d.channel === measuredName[ch]);
        if (meas) {
          const art = interpolateLog(cpd, y, meas.frequency);
          const keep = art.map((v) => Number.isFinite(v) && v > 0);
          nMeasured = keep.filter(Boolean).length;
          rMeasured = logShapeCorrelation(art.filter((_, i) => keep[i]), meas.sensitivity.filter((_, i) => keep[i]));
        }
        const peak = y.indexOf(Math.max(...y));
        out.push({ model: name, ppd, channel: ch, humanModel: modelCurve[ch].name, rModel, nModel: ok.filter(Boolean).length, rMeasured, nMeasured, peakCpd: cpd[peak], lowPass: peak === 0, level: Math.max(...eigen.csf.relative[ch]) });
      }
    }
  }
  return out;
}

export function physiologyTable(res: StudyResults): Table {
  const rows: Cell[][] = [];
  for (const m of res.models) for (const p of m.physiology) {
    const t1 = p.tests.find((t) => t.label === 1), t2 = p.tests.find((t) => t.label === 2);
    rows.push([m.name, p.stimulus, t1 ? r3(t1.input) : null, t1 ? r3(t1.output) : null, t2 ? r3(t2.output) : null,
      p.difference ? r3(p.difference.opponent) : null, p.difference && p.variant === 'colour' ? +p.difference.hueAngleDeg.toFixed(1) : null,
      p.humanWay ?? (p.scallops ? `${p.scallops.humanWay}/${p.scallops.predicted} steps` : null), p.strength ?? null]);
  }
  return {
    name: 'physiology', title: 'Artificial physiology: mean output over each test region',
    columns: ['network', 'stimulus', 'input test (RGB)', 'Out-L / test 1 (RGB)', 'Out-R / test 2 (RGB)', 'Δ opponent (A, RG, YB)', 'hue angle of Δ (°)', 'human way', 'strength'],
    rows,
    notes: 'Out-L/Out-R: mean output RGB over test 1 (A / left) and test 2 (B / right), whose inputs are equal. Δ = Out(1) − Out(2) in the opponent space (definition: ours, see results.json config.csf.opponent). Human way: cosine between Δ and the human prediction > 0 (Chevreul: steps whose edge profile is scalloped the human way). Strength = ‖Δ‖ / ‖opp(ind1) − opp(ind2)‖ (definition: ours). Hue angle = atan2(YB, RG) of Δ, given for colour stimuli only.',
  };
}

export function summaryPhysiologyTable(res: StudyResults): Table {
  const g = groups(res.models);
  const stimuli = res.models[0]?.physiology.map((p) => p.stimulus) ?? [];
  const rows: Cell[][] = stimuli.map((s) => [s, ...[...g.values()].map((ms) => {
    const ps = ms.map((m) => m.physiology.find((p) => p.stimulus === s)!);
    if (ps[0]?.scallops) {
      const hw = ps.reduce((a, p) => a + p.scallops!.humanWay, 0), n = ps.reduce((a, p) => a + p.scallops!.predicted, 0);
      return `${hw}/${n} steps`;
    }
    const hw = ps.filter((p) => p.humanWay).length;
    return `${hw}/${ps.length} · ${fmtStat(stat(ps.map((p) => p.strength ?? NaN)), 3)}`;
  })]);
  return {
    name: 'physiology-summary', title: 'Illusions seen by each network: human-way seeds / seeds · strength (mean ± sd over seeds)',
    columns: ['stimulus', ...g.keys()], rows,
    notes: 'k/n: networks (seeds) whose shift goes the human way. Strength as defined under the physiology table.',
  };
}

export function matchingTable(res: StudyResults): Table {
  const rows: Cell[][] = [];
  for (const m of res.models) for (const r of m.matching) {
    rows.push([m.name, r.stimulus, r.residual < 1e-3 ? 'yes' : 'NO', r3(r.target), r3(r.start), r3(r.matched), r3(r.shift), r.residual, r.iterations, r.atBound.some(Boolean) ? ['R', 'G', 'B'].filter((_, i) => r.atBound[i]).join(' ') : 'none']);
  }
  return {
    name: 'matching', title: 'Artificial psychophysics: asymmetric colour matching (Ware & Cowan 1982)',
    columns: ['network', 'stimulus', 'matched', 'target r_A (RGB)', 'B test t₀', 'matched t*', 'shift t* − t₀', 'residual ‖r_B(t*) − r_A‖', 'iterations', 'channels at the [0,1] bound'],
    rows,
    notes: 'The test of B is changed until the mean response over B\'s test equals that over A\'s (damped Gauss–Newton, Jacobian ∂r_B/∂t by autograd, t kept displayable in [0,1]). Matched = residual below 1e-3; NO means no displayable input colour cancels the illusion for this network (typically a channel at its bound): read its shift as a lower bound.',
  };
}

export function linearisationTable(res: StudyResults): Table {
  const g = groups(res.models);
  const rows: Cell[][] = [...g.entries()].map(([key, ms]) => {
    const pub = PUBLISHED[key];
    const two = ms.flatMap((m) => m.physiology.filter((p) => p.strength !== undefined && p.strength !== null).map((p) => p.strength!));
    return [key, ms.length,
      fmtPct(stat(ms.map((m) => m.linearisation.fractionLinear))), fmtStat(stat(ms.map((m) => m.linearisation.linearShare))),
      fmtPct(stat(ms.map((m) => m.linearisation.errorNonlinear))), fmtPct(stat(ms.map((m) => m.linearisation.errorLinear))),
      fmtStat(stat(two)), ms[0].card.validationPsnr,
      pub ? `${(pub.fractionLinear * 100).toFixed(0)}% / ${(pub.errorNonlinear * 100).toFixed(1)}% / ${(pub.errorLinear * 100).toFixed(1)}% / ${pub.strength}` : '—'];
  });
  return {
    name: 'linearisation', title: `Linearisation at grey (Tables 3/4 of the study): ${res.config.jacobian.block}×${res.config.jacobian.block}×3 block, ${res.config.linearity.blocks} natural test blocks per network`,
    columns: ['network', 'seeds', 'fraction linear', '‖J·i‖/‖Δ‖', 'error nonlinear', 'error linear', 'illusion strength (mean over stimuli)', 'validation PSNR (dB, seed 1)', 'published: linear / err nonlin / err lin / strength'],
    rows,
    notes: 'Definitions (ours, SCIENCE.md §5): i = degraded natural block − o; Δ = m(o+i) − m(o) over the central block; fraction linear = 1 − ‖Δ − J·i‖/‖Δ‖ over all blocks; error nonlinear = ‖m(o+i) − x‖/‖x‖; error linear = ‖m(o) + J·i − x‖/‖x‖ (x the clean block); ‖J·i‖/‖Δ‖ compares the size of the linear prediction with the actual response (above 1: the net saturates, responding less than its linearisation). Ours is a norm ratio over natural blocks embedded in grey with their full contrast, so it is stricter than the published fraction (definition: ours): compare orderings across networks rather than absolute values. Published: Gomez-Villa et al. 2020 (deblurring DnCNN row: Tao et al.\'s net in the paper).',
  };
}

export function methodsTable(res: StudyResults): Table | null {
  const m = res.methods;
  if (!m) return null;
  return {
    name: 'jacobian-methods', title: `Jacobian methods compared on ${m.model} (${m.block}×${m.block}×3 block in a ${m.canvas}×${m.canvas} canvas)`,
    columns: ['method', 'seconds', 'relative Frobenius difference', 'against', 'details'],
    rows: [
      ['autograd, shift assembly (3 backward passes)', m.shift.seconds, 0, '—', 'used by the study at uniform operating points'],
      ['autograd, row by row (batched one-hot)', m.autogradRows.seconds, m.autogradRows.relDiffVsShift, 'shift assembly', 'exact reference'],
      ['regression J = R·I⁺', m.regression.seconds, m.regression.relDiffVsAutograd, 'autograd rows', `N = ${m.regression.probes} Gaussian probes, σ = ${m.regression.amplitude}, seed ${m.regression.seed}; fit residual ${m.regression.fitResidual.toExponential(2)}`],
      ['central finite differences', m.finiteDifferences.seconds, m.finiteDifferences.relDiffVsAutograd, 'autograd rows', `step ε = ${m.finiteDifferences.step} (float32 forward passes)`],
    ],
    notes: 'Relative difference = ‖J_method − J_ref‖_F / ‖J_ref‖_F.',
  };
}

export function eigenTable(res: StudyResults): Table {
  const rows: Cell[][] = [];
  const add = (name: string, m: { eigen: ModelResults['eigen'] }) => {
    const e = m.eigen;
    const mech = (ch: OpponentChannel) => e.mechanisms.find((x) => x.channel === ch)?.correlation ?? null;
    rows.push([name, e.eigenvalues.re.length, e.seconds, Math.hypot(e.eigenvalues.re[0], e.eigenvalues.im[0]), e.complexPairs, e.vectorsCondition,
      e.weightByChannel.achromatic, e.weightByChannel['red-green'], e.weightByChannel['yellow-blue'], mech('achromatic'), mech('red-green'), mech('yellow-blue')]);
  };
  for (const m of res.models) add(m.name, m);
  if (res.large) add(`${res.large.model} (${res.large.eigen.block}×${res.large.eigen.block})`, res.large);
  return {
    name: 'eigen', title: 'Eigen-analysis of the Jacobians (J = VΛV⁻¹)',
    columns: ['network', 'n', 'eig seconds', '|λ|max', 'complex pairs', 'cond(V)', 'Σ|λ| share: achromatic', 'red–green', 'yellow–blue', 'spectral r: achromatic', 'red–green', 'yellow–blue'],
    rows,
    notes: 'Each eigenvector\'s colour direction (rank-1 fit of its pixels×RGB matrix) is assigned to the opponent channel it loads on most. Spectral r: Pearson correlation, over 360–830 nm, between the spectral sensitivity of the strongest mechanism of that channel (its analysis function, a row of V⁻¹, mapped through the sRGB primaries and the CIE 1931 CMFs) and the human opponent curve (the same channel of the opponent space, from Stockman–Sharpe cone fundamentals).',
  };
}

export function csfTable(res: StudyResults, cmp: CsfComparison[]): Table {
  return {
    name: 'csf-comparison', title: 'Artificial CSFs against human CSFs: shape agreement (Pearson r of log sensitivities)',
    columns: ['network', 'ppd', 'channel', 'human model', 'r vs model', 'points', 'r vs measured', 'points', 'peak (cpd)', 'low-pass', 'level (max / achromatic max)'],
    rows: cmp.map((c) => [c.model, c.ppd, c.channel, c.humanModel, c.rModel, c.nModel, c.rMeasured, c.nMeasured, c.peakCpd, c.lowPass, c.level]),
    notes: `Artificial CSF: Σ_k |λ_k|·radial mean of |FFT2|² of eigenvector k in each opponent channel, DC excluded, each channel normalised to its maximum; cycles/pixel × ppd = cycles/degree. Measured: ${res.human.measuredSource ? 'castleCSF hdr_csf (20 cd/m²), compared where the frequency ranges overlap' : 'not available in this run (castleCSF folder absent)'}. A correlation over fewer than 3 points is not computed (—). Low-pass: the highest sensitivity is at the lowest non-zero frequency the block resolves (a 16-pixel block resolves 1/16 cycle/pixel = 4 cpd at 64 px/deg: use the 32×32 case for band-pass shape). Level: the channel's maximum relative to the achromatic maximum (humans: RG above YB).`,
  };
}

export async function writeStudyReport(res: StudyResults, outDir: string, nets: Map<string, ImageNetwork>, stimuli: Stimulus[]): Promise<{ index: string; tables: Table[] }> {
  const rep = new ReportBuilder('illusion-lab: do CNNs trained on natural images see colour illusions?', outDir);
  const cmp = compareCsfs(res);
  const tables: Table[] = [];
  const p = res.provenance;

  rep.section('summary', 'Run');
  rep.text(`Study of Gomez-Villa et al. (Vision Research 2020) reproduced on ${res.models.length} networks; this run took ${res.seconds.toFixed(0)} s${res.cache.loaded.length > 0 ? ` (${res.cache.loaded.length} steps loaded from the cache)` : ''} on ${p.cores} cores (${p.cpu}), TensorFlow.js ${p.tfjs} backend "${p.backend}", illusion-lab ${p.package}, core ${p.core}, Node ${p.node}${p.gitCommit ? `, commit ${p.gitCommit.slice(0, 10)}` : ''}.`);
  rep.text(res.cache.loaded.length > 0 ? `Loaded from the cache of an earlier run of the same configuration (not recomputed): ${res.cache.loaded.join(', ')}.` : 'Every number was computed in this run (no cache entries were reused).');
  rep.text('Definitions marked "ours" follow docs/SCIENCE.md of illusion-lab where the paper\'s exact formula is not available. Every number below is also in results.json (with the resolved configuration) and in the CSV tables.');

  rep.section('networks', 'Networks');
  const netTable: Table = {
    name: 'networks', title: 'Networks analysed',
    columns: ['network', 'architecture', 'task', 'seed', 'validation PSNR (dB)', 'degraded input PSNR (dB)', 'gain (dB)', 'validation SSIM', 'training steps', 'training seconds', 'backend', 'model'],
    rows: res.models.map((m) => [m.name, m.ref.arch, m.ref.task, m.ref.seed, m.card.validationPsnr, m.card.degradedPsnr, gain(m), m.card.validationSsim, m.card.steps, m.card.seconds, m.card.backend, m.card.trained]),
    notes: 'Reproduce a network with the command in its card.json (models/<name>/card.json).',
  };
  rep.table(netTable);
  tables.push(netTable);
  const weak = res.models.filter((m) => { const g = gain(m); return g !== null && g < 0.5; });
  if (weak.length > 0) {
    rep.html(`<p><strong>Caution:</strong> ${weak.map((m) => escapeText(m.name)).join(', ')} restore${weak.length === 1 ? 's' : ''} less than 0.5 dB over (or worse than) ${weak.length === 1 ? 'its' : 'their'} degraded input on the validation photos: trained within the 2-CPU-core budget, ${weak.length === 1 ? 'it has' : 'they have'} not yet learned the task. Read ${weak.length === 1 ? 'its' : 'their'} rows as those of an unfinished network (retrain with a larger <code>--steps</code>, e.g. on a GPU), not as evidence about the architecture.</p>`);
  }

  rep.section('stimuli', 'Stimuli');
  rep.figure('stimuli.png', encodePng(contactSheet(stimuli.flatMap((s) => s.images), { columns: 8, cell: 128, gap: 4 })), 'The study\'s stimuli (SCIENCE.md §1), grey and colour; A and B of a pair side by side.');

  rep.section('physiology', 'Artificial physiology');
  const sumT = summaryPhysiologyTable(res);
  rep.table(sumT);
  tables.push(sumT);
  const physT = physiologyTable(res);
  rep.table(physT);
  const firstOfGroup = [...groups(res.models).values()].map((ms) => ms[0]);
  const shown = firstOfGroup.map((m) => ({ name: m.name, net: nets.get(m.name)! }));
  for (const s of stimuli) {
    const { png, outputs } = await outputsSheet(s, shown);
    rep.figure(`outputs-${s.name}.png`, png, `${s.name}: input(s), then the outputs of ${shown.map((x) => x.name).join(', ')}.`);
    if (s.name === 'whites-grey' || s.name === 'chevreul-grey' || s.name === 'gradient-grey') {
      const row = s.name === 'whites-grey' ? 64 : undefined;
      rep.figure(`profile-${s.name}.svg`, profilePlot(s, outputs, row), `${s.name}: luminance profile of input and outputs.`);
    }
  }
  const sweepModels = res.models.filter((m) => m.sweeps.length > 0);
  const sweepStimuli = [...new Set(sweepModels.flatMap((m) => m.sweeps.map((s) => s.stimulus)))];
  for (const s of sweepStimuli) {
    const series: Series[] = sweepModels.map((m) => {
      const pts = m.sweeps.filter((x) => x.stimulus === s);
      return { name: m.name, x: pts.map((x) => x.value), y: pts.map((x) => x.strength ?? x.scallopFraction ?? NaN), markers: true };
    });
    const pts = sweepModels[0].sweeps.filter((x) => x.stimulus === s);
    const chev = pts[0]?.strength === null;
    const param = pts[0]?.param ?? '';
    const xlabel = PARAM_LABEL[param] ?? param;
    rep.figure(`sweep-${s}.svg`, linePlotSvg(series, { title: `${s}: ${chev ? 'fraction of steps scalloped the human way' : 'illusion strength'} vs ${param}`, xlabel, ylabel: chev ? 'fraction of steps' : 'strength ‖Δ‖ / input contrast', zeroLine: true }),
      `${s}: ${chev ? 'fraction of the staircase steps whose edge profile goes the human way' : 'illusion strength (‖opp(Out-L) − opp(Out-R)‖ / input contrast, definition: ours)'} as ${xlabel} varies.`);
  }

  rep.section('psychophysics', 'Artificial psychophysics');
  const mt = matchingTable(res);
  rep.table(mt);

  rep.section('linearisation', 'Linearisation');
  const lt = linearisationTable(res);
  rep.table(lt);
  tables.push(lt);
  const meth = methodsTable(res);
  if (meth) { rep.table(meth); tables.push(meth); }
  const rfs = firstOfGroup;
  rep.figure('receptive-fields.png', encodePng(contactSheet(rfs.flatMap((m) => m.linearisation.receptiveFields.weights.map((w) => blockImage(w, 2 * m.linearisation.receptiveFields.radius + 1))), { columns: 9, cell: 96, gap: 4, background: [1, 1, 1] })),
    `Receptive fields (rows of J for the central output, R, G, B output channels left to right) of ${rfs.map((m) => m.name).join(', ')}; grey = 0.`);

  rep.section('eigen', 'Eigen-analysis');
  const et = eigenTable(res);
  rep.table(et);
  tables.push(et);
  rep.figure('eigenvalues.svg', linePlotSvg(firstOfGroup.map((m) => ({ name: m.name, x: m.eigen.eigenvalues.re.map((_, i) => i + 1), y: m.eigen.eigenvalues.re.map((r, i) => Math.hypot(r, m.eigen.eigenvalues.im[i])) })),
    { title: 'Eigenvalue magnitudes |λ| of the Jacobians, sorted', xlabel: 'rank k', ylabel: '|λ_k|', xlog: true, ylog: true }), 'Spectra of the Jacobians.');
  for (const m of firstOfGroup) {
    rep.figure(`eigenvectors-${m.name}.png`, mosaicPng(m.eigen.leadingVectors, m.eigen.block), `${m.name}: the ${m.eigen.leadingVectors.length} leading eigenvectors (real parts), |λ| descending left to right, top to bottom; grey = 0.`);
  }
  if (res.large) rep.figure(`eigenvectors-${res.large.model}-large.png`, mosaicPng(res.large.eigen.leadingVectors, res.large.eigen.block), `${res.large.model}: leading eigenvectors of the ${res.large.eigen.block}×${res.large.eigen.block}×3 Jacobian.`);
  const m0 = firstOfGroup[0];
  for (const mech of m0.eigen.mechanisms) {
    rep.figure(`spectral-${m0.name}-${mech.channel}.svg`, linePlotSvg([
      { name: `${m0.name} mechanism #${mech.index + 1}`, x: cieWavelengths, y: normMax(mech.spectral) },
      { name: `human ${mech.channel}`, x: cieWavelengths, y: normMax(mech.human), dashed: true },
    ], { title: `Spectral sensitivity, ${mech.channel} (r = ${mech.correlation.toFixed(3)})`, xlabel: 'wavelength (nm)', ylabel: 'sensitivity (max |·| = 1)', zeroLine: true }), `${m0.name}: strongest ${mech.channel} mechanism vs the human opponent curve.`);
  }

  rep.section('csf', 'Artificial contrast sensitivity functions');
  const ct = csfTable(res, cmp);
  rep.table(ct);
  tables.push({ ...ct, rows: ct.rows.filter((r) => r[1] === res.config.csf.ppd) });
  const ppd = res.config.csf.ppd;
  const hm = res.human;
  const csfEntries = [...firstOfGroup.map((m) => ({ name: m.name, eigen: m.eigen })), ...(res.large ? [{ name: `${res.large.model}-large`, eigen: res.large.eigen }] : [])];
  for (const { name, eigen } of csfEntries) {
    const cpd = eigen.csf.cyclesPerPixel.map((f) => f * ppd);
    const series: Series[] = [
      { name: 'net achromatic', x: cpd, y: eigen.csf.relative.achromatic, colour: '#222', markers: true },
      { name: 'net red–green', x: cpd, y: eigen.csf.relative['red-green'], colour: '#d62728', markers: true },
      { name: 'net yellow–blue', x: cpd, y: eigen.csf.relative['yellow-blue'], colour: '#1f77b4', markers: true },
      { name: 'SSO', x: hm.frequency, y: normMax(hm.models.sso), colour: '#222', dashed: true },
      { name: 'Mullen-fit RG', x: hm.frequency, y: hm.models.mullenRg.map((v) => v / Math.max(...hm.models.sso)), colour: '#d62728', dashed: true },
      { name: 'Mullen-fit YB', x: hm.frequency, y: hm.models.mullenYb.map((v) => v / Math.max(...hm.models.sso)), colour: '#1f77b4', dashed: true },
    ];
    for (const d of hm.measured ?? []) {
      const peak = Math.max(...(hm.measured!.find((x) => x.channel === 'achromatic')?.sensitivity ?? d.sensitivity));
      series.push({ name: `measured ${d.channel}`, x: d.frequency, y: d.sensitivity.map((v) => v / peak), colour: d.channel === 'achromatic' ? '#555' : d.channel === 'red-green' ? '#ff9896' : '#aec7e8', markers: true, line: false });
    }
    rep.figure(`csf-${name}.svg`, linePlotSvg(series, { title: `${name}: artificial CSFs at ${ppd} px/deg vs human`, xlabel: 'spatial frequency (cycles/degree)', ylabel: 'sensitivity (achromatic max = 1)', xlog: true, ylog: true, width: 640 }),
      `${name}: artificial CSFs (solid, markers) relative to the achromatic maximum; human models (dashed) and measured data (dots) relative to their achromatic peak.`);
  }
  rep.text(hm.note);

  rep.section('provenance', 'Provenance and configuration');
  rep.html(`<pre>${escapeJson({ provenance: res.provenance, config: res.config })}</pre>`);
  const index = rep.write();
  return { index, tables };
}

/** Validation PSNR gain over the degraded input (dB), when the card has both. */
function gain(m: ModelResults): number | null {
  return m.card.validationPsnr !== null && m.card.degradedPsnr !== null ? m.card.validationPsnr - m.card.degradedPsnr : null;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function normMax(y: readonly number[]): number[] {
  const m = Math.max(...y.map(Math.abs));
  return y.map((v) => (m > 0 ? v / m : v));
}

function escapeJson(v: unknown): string {
  return JSON.stringify(v, null, 2).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

export function printTables(tables: Table[], write: (s: string) => void): void {
  for (const t of tables) write('\n' + toText(t));
}
