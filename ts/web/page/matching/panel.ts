// Panel 4: the human asymmetric matching session — protocol form, gamma calibration, trials, and the
// results beside the network's match for the same stimuli (asymmetricMatch of ts/experiments/matching.ts),
// downloadable as JSON and CSV.
import { meanOverLabel } from '../../../image.ts';
import { makeStimulus, stimulusCatalogue, stimulusNames, type Stimulus } from '../../../stimuli/index.ts';
import { byId, download, element, errorText, fmt, numberInput, table } from '../dom.ts';
import { setStatus, type PageState } from '../state.ts';
import { calibrateGamma } from './calibration.ts';
import { makeTrials, pixelsPerDegree, protocolFormat, type GammaCalibration, type MatchingProtocol } from './protocol.ts';
import { sessionToCsv, sessionToJson, summarise, type NetworkMatch, type SessionData, type TrialRecord } from './records.ts';
import { runTrial, type SessionStimulus } from './session.ts';

const GAMMA_TARGET = 2.2;

function side(s: Stimulus, label: number) {
  const i = s.masks.findIndex((m) => m.data.includes(label));
  return i < 0 ? undefined : { image: s.images[i], mask: s.masks[i], label };
}

/** Stimuli with an A test (label 1) and a B test (label 2) and no edge-only prediction (Chevreul). */
export function matchable(s: Stimulus): boolean {
  return !s.human?.edges && side(s, 1) !== undefined && side(s, 2) !== undefined;
}

export function sessionStimulus(s: Stimulus): SessionStimulus {
  const a = side(s, 1)!, b = side(s, 2)!;
  return {
    name: s.name, pair: s.images.length === 2, a, b,
    reference: meanOverLabel(a.image, a.mask, 1), physicalB: meanOverLabel(b.image, b.mask, 2), grey: s.variant === 'grey',
  };
}

/** Screen density from a bank card held against the screen: px per cm = rectangle width / 8.56 cm. */
function setupCardMeasure(onChange: () => void): void {
  const box = byId('card'), slider = byId<HTMLInputElement>('card-slider'), rect = byId('card-rect');
  const draw = () => { rect.style.width = `${slider.value}px`; rect.style.height = `${(Number(slider.value) * 53.98) / 85.6}px`; };
  byId('measure-card').addEventListener('click', () => {
    slider.value = String(Math.round(numberInputOr('p-pxcm', 37.8) * 8.56));
    draw();
    box.hidden = false;
  });
  slider.addEventListener('input', draw);
  byId('card-accept').addEventListener('click', () => {
    byId<HTMLInputElement>('p-pxcm').value = (Number(slider.value) / 8.56).toFixed(2);
    box.hidden = true;
    onChange();
  });
}

function numberInputOr(id: string, fallback: number): number {
  const v = Number(byId<HTMLInputElement>(id).value);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function setupMatchingPanel(state: PageState): { stimulusPpd(): number | undefined } {
  const err = byId('matching-error');
  const select = byId<HTMLSelectElement>('m-stimuli');
  const gamma: GammaCalibration = { matchedGrey: null, measured: null, target: GAMMA_TARGET, corrected: false };
  let last: SessionData | undefined;
  let running = false;

  const candidates = stimulusNames.filter((n) => matchable(stimulusCatalogue[n].make()));
  for (const n of candidates) select.append(element('option', { value: n, textContent: n }));
  const firstOption = [...select.options].find((o) => o.value === 'whites-grey') ?? select.options[0];
  if (firstOption) firstOption.selected = true;

  const geometry = () => {
    const distance = numberInput('p-distance', 'viewing distance', { min: 10, max: 500 });
    const pxcm = numberInput('p-pxcm', 'screen px per cm', { min: 5, max: 200 });
    const zoom = numberInput('p-zoom', 'zoom', { min: 1, max: 16, integer: true });
    const screenPpd = pixelsPerDegree(distance, pxcm);
    return { distance, pxcm, zoom, screenPpd, stimulusPpd: screenPpd / zoom };
  };
  const showPpd = () => {
    try {
      const g = geometry();
      byId('p-ppd').textContent = `${fmt(g.screenPpd, 1)} screen, ${fmt(g.stimulusPpd, 1)} stimulus`;
    } catch { byId('p-ppd').textContent = '—'; }
  };
  for (const id of ['p-distance', 'p-pxcm', 'p-zoom']) byId(id).addEventListener('input', showPpd);
  showPpd();
  setupCardMeasure(showPpd);

  function readProtocol(stimuli: Stimulus[]): MatchingProtocol {
    const g = geometry();
    const correct = byId<HTMLInputElement>('p-correct').checked;
    return {
      format: protocolFormat,
      observer: byId<HTMLInputElement>('p-observer').value.trim() || 'anonymous',
      viewingDistanceCm: g.distance, screenPixelsPerCm: g.pxcm, zoom: g.zoom,
      screenPixelsPerDegree: g.screenPpd, stimulusPixelsPerDegree: g.stimulusPpd,
      devicePixelRatio: window.devicePixelRatio || 1,
      gamma: { ...gamma, corrected: correct && gamma.measured !== null },
      seed: numberInput('p-seed', 'seed', { integer: true }),
      startOffset: numberInput('p-offset', 'start offset', { min: 0, max: 0.5 }),
      repeats: numberInput('p-repeats', 'repeats', { min: 1, max: 50, integer: true }),
      counterbalance: byId<HTMLInputElement>('p-counterbalance').checked,
      trialTimeLimitS: numberInput('p-time', 'time per trial', { min: 0, max: 600 }),
      keyStep: numberInput('p-step', 'key step', { min: 0.001, max: 0.2 }),
      task: 'asymmetric matching: adjust the input colour t of test B (mask label 2; its region is shifted by t − t₀) until it looks like test A (label 1)',
      keys: { ArrowUp: 'lighter', ArrowDown: 'darker', ArrowRight: 'redder (R − G)', ArrowLeft: 'greener', y: 'yellower ((R+G)/2 − B)', b: 'bluer', Shift: 'a fifth of the step', Enter: 'accept' },
      stimuli: stimuli.map((s) => ({ name: s.name, params: s.params, variant: s.variant })),
      startedAt: new Date().toISOString(),
      userAgent: navigator.userAgent,
    };
  }

  async function networkMatches(stimuli: SessionStimulus[]): Promise<NetworkMatch[]> {
    const m = state.model;
    if (!m) return [];
    const out: NetworkMatch[] = [];
    for (const s of stimuli) {
      setStatus(`network ${m.name}: matching ${s.name} (in the network worker)…`);
      const t0 = performance.now();
      const r = await (await state.net).match(s.a, s.b);
      out.push({ model: m.name, stimulus: s.name, matched: r.matched, shift: r.shift, residual: r.residual, iterations: r.iterations,
        atBound: r.atBound, seconds: (performance.now() - t0) / 1000 });
    }
    return out;
  }

  function showResults(data: SessionData): void {
    byId('results').hidden = false;
    const v = (x: readonly number[] | null | undefined) => (x ? x.map((c) => fmt(c)).join(' ') : '—');
    table(byId<HTMLTableElement>('m-summary'),
      ['stimulus', 'trials', 'B physical', 'human match (mean)', 'human shift', 'human sd', 'network match', 'network shift'],
      data.summary.map((s) => [s.stimulus, String(s.trials), v(s.physical), v(s.humanMean), v(s.humanShift), v(s.humanSd),
        v(s.network?.matched) + (s.network?.atBound.some((b) => b) ? ' (at a 0/1 bound)' : ''), v(s.network?.shift)]));
    byId('network-note').textContent = data.summary.some((s) => s.network)
      ? `network: ${data.summary.find((s) => s.network)!.network!.model}, the same procedure (B's test input shifted until its mean output equals A's); ` +
        data.summary.map((s) => `${s.stimulus} ${fmt(s.network?.seconds ?? NaN, 1)} s, residual ${fmt(s.network?.residual ?? NaN, 5)}`).join(', ')
      : 'load a model (panel 2) before the session to see the network\'s match beside yours';
  }

  async function start(): Promise<void> {
    if (running) return;
    err.textContent = '';
    try {
      const names = [...select.selectedOptions].map((o) => o.value);
      if (names.length === 0) throw new Error('choose at least one stimulus to match');
      const stimuli = names.map((n) => (state.stimulus?.name === n ? state.stimulus : makeStimulus(n)));
      const protocol = readProtocol(stimuli);
      const ss = stimuli.map(sessionStimulus);
      const trials = makeTrials(protocol, ss.map((s) => ({ name: s.name, physicalB: s.physicalB, grey: s.grey })));
      running = true;
      byId('results').hidden = true;
      const records: TrialRecord[] = [];
      for (const trial of trials) {
        setStatus(`matching: trial ${trial.index + 1} of ${trials.length}`);
        records.push(await runTrial(trial, trials.length, ss.find((s) => s.name === trial.stimulus)!, protocol));
      }
      byId('trial').hidden = true;
      const network = await networkMatches(ss);
      last = { protocol, trials: records, summary: summarise(records, network), finishedAt: new Date().toISOString() };
      showResults(last);
      setStatus(`matching: session of ${records.length} trials done`);
    } catch (e) {
      err.textContent = errorText(e);
    } finally {
      running = false;
    }
  }

  byId('m-start').addEventListener('click', () => void start());
  byId('calibrate').addEventListener('click', async () => {
    const r = await calibrateGamma();
    gamma.matchedGrey = r.matchedGrey;
    gamma.measured = r.gamma;
    byId('p-gamma').textContent = `γ = ${fmt(r.gamma, 2)} (grey ${fmt(r.matchedGrey)} matched the grating)`;
    setStatus(`display gamma ${fmt(r.gamma, 2)}`);
  });
  const stem = () => `matching-${last!.protocol.observer.replace(/[^\w.-]+/g, '_')}-${last!.protocol.startedAt.replace(/[:.]/g, '-')}`;
  byId('download-json').addEventListener('click', () => { if (last) download(`${stem()}.json`, sessionToJson(last), 'application/json'); });
  byId('download-csv').addEventListener('click', () => { if (last) download(`${stem()}.csv`, sessionToCsv(last), 'text/csv'); });
  return { stimulusPpd: () => { try { return geometry().stimulusPpd; } catch { return undefined; } } };
}
