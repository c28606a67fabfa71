// Running the trials of a matching session: B's test region is shown shifted by (t − t₀) — the same change
// of input the network's match makes (ts/experiments/matching.ts) — and the observer moves t with the keys
// (lightness and two opponent axes) or the R, G, B sliders until B's test looks like A's, then accepts.
import type { LabelImage, Rgb, RgbImage } from '../../../image.ts';
import { byId, fmt } from '../dom.ts';
import { figure, mirrorImage } from '../render.ts';
import { clampRgb, stepOpponent } from './opponent.ts';
import { displayValue, type MatchingProtocol, type Trial } from './protocol.ts';
import type { TrialRecord } from './records.ts';

export interface MatchSideData { image: RgbImage; mask: LabelImage; label: number }

export interface SessionStimulus {
  name: string;
  /** two images (A/B pair) or one image holding both tests */
  pair: boolean;
  a: MatchSideData;
  b: MatchSideData;
  /** mean colour of A's test and of B's test */
  reference: Rgb;
  physicalB: Rgb;
  grey: boolean;
}

/** B's image with its test region shifted by t − t₀ (clipped to [0, 1]). */
export function withTestColour(b: MatchSideData, physical: Rgb, t: Rgb): RgbImage {
  const data = new Float32Array(b.image.data);
  for (let p = 0; p < b.mask.data.length; p++) {
    if (b.mask.data[p] !== b.label) continue;
    for (let c = 0; c < 3; c++) data[p * 3 + c] = Math.min(1, Math.max(0, data[p * 3 + c] + t[c] - physical[c]));
  }
  return { height: b.image.height, width: b.image.width, data };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runTrial(trial: Trial, total: number, s: SessionStimulus, p: MatchingProtocol): Promise<TrialRecord> {
  const box = byId('trial');
  const view = byId('trial-view');
  const sliders = ['t-r', 't-g', 't-b'].map((id) => byId<HTMLInputElement>(id));
  const map = (v: number) => displayValue(v, p.gamma);
  let t: Rgb = trial.start;
  let keyPresses = 0;

  // a short blank at the mean grey between trials
  view.replaceChildren();
  box.hidden = false;
  await sleep(200);

  const render = () => {
    const b = withTestColour(s.b, s.physicalB, t);
    const shown: { img: RgbImage; caption: string }[] = s.pair
      ? [{ img: s.a.image, caption: 'A: reference' }, { img: b, caption: 'B: adjust its test' }]
      : [{ img: b, caption: `adjust the test on the ${trial.mirrored ? 'left' : 'right'} to look like the one on the ${trial.mirrored ? 'right' : 'left'}` }];
    if (trial.mirrored) { if (s.pair) shown.reverse(); else shown[0].img = mirrorImage(shown[0].img); }
    view.replaceChildren(...shown.map(({ img, caption }) => figure(caption, img, p.zoom, map).fig));
    sliders.forEach((el, c) => { el.value = String(t[c]); });
    byId('t-value').textContent = `B test RGB ${t.map((v) => fmt(v)).join(' ')}`;
  };
  byId('trial-info').textContent = `trial ${trial.index + 1} of ${total} · ${s.name}${trial.mirrored ? ' · mirrored' : ''}`;
  render();
  box.focus({ preventScroll: true });
  box.scrollIntoView({ block: 'start' });
  const started = performance.now();

  return new Promise((resolve) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const finish = (timedOut: boolean) => {
      document.removeEventListener('keydown', onKey, true);
      sliders.forEach((el) => el.removeEventListener('input', onSlider));
      byId('t-accept').removeEventListener('click', onAccept);
      if (timer) clearInterval(timer);
      byId('trial-timer').textContent = '';
      const responseMs = Math.round(performance.now() - started);
      resolve({
        trial: trial.index, stimulus: s.name, repeat: trial.repeat, mirrored: trial.mirrored,
        reference: s.reference, physical: s.physicalB, start: trial.start, match: t,
        shift: [t[0] - s.physicalB[0], t[1] - s.physicalB[1], t[2] - s.physicalB[2]],
        responseMs, timedOut, keyPresses,
      });
    };
    const onKey = (e: KeyboardEvent) => {
      const step = e.shiftKey ? p.keyStep / 5 : p.keyStep;
      const moves: Record<string, [0 | 1 | 2, number]> = {
        ArrowUp: [0, step], ArrowDown: [0, -step], ArrowRight: [1, step], ArrowLeft: [1, -step],
        y: [2, step], Y: [2, step], b: [2, -step], B: [2, -step],
      };
      if (e.key === 'Enter') { e.preventDefault(); finish(false); return; }
      const m = moves[e.key];
      if (!m) return;
      e.preventDefault();
      keyPresses++;
      t = stepOpponent(t, m[0], m[1]);
      render();
    };
    const onSlider = () => { t = clampRgb(sliders.map((el) => Number(el.value)) as unknown as Rgb); render(); };
    const onAccept = () => finish(false);
    document.addEventListener('keydown', onKey, true);
    sliders.forEach((el) => el.addEventListener('input', onSlider));
    byId('t-accept').addEventListener('click', onAccept);
    if (p.trialTimeLimitS > 0) {
      const end = started + p.trialTimeLimitS * 1000;
      const tick = () => {
        const left = end - performance.now();
        if (left <= 0) finish(true);
        else byId('trial-timer').textContent = `${Math.ceil(left / 1000)} s left`;
      };
      tick();
      timer = setInterval(tick, 250);
    }
  });
}

