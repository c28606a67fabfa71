// The protocol of a human asymmetric matching session, saved with its data: viewing geometry (distance,
// screen density → pixels per degree), display gamma from the calibration step, seeded random start
// colours, repeats, left/right counterbalancing, time limit per trial. The trial list follows from it.
import { Prng } from '../../../data/prng.ts';
import type { Rgb } from '../../../image.ts';
import { clampRgb, opponentToRgb, rgbToOpponent } from './opponent.ts';

export const protocolFormat = 'illusion-lab-human-matching/1';

export interface GammaCalibration {
  /** grey level (0..1 in the display's input values) the observer matched to a 0/1 checkerboard; null = not calibrated */
  matchedGrey: number | null;
  /** display gamma: luminance ∝ value^γ, so γ = log(0.5) / log(matchedGrey); null = not calibrated */
  measured: number | null;
  /** the encoding the stimuli's values are taken to be in (the networks' training photos: sRGB, ≈ 2.2) */
  target: number;
  /** whether displayed values were corrected: shown = value^(target / measured) */
  corrected: boolean;
}

export interface MatchingProtocol {
  format: typeof protocolFormat;
  observer: string;
  viewingDistanceCm: number;
  /** CSS pixels per centimetre of the screen (measured by the observer) */
  screenPixelsPerCm: number;
  /** stimulus pixels shown per CSS pixel side (nearest-neighbour zoom) */
  zoom: number;
  /** CSS pixels per degree of visual angle at the viewing distance: pxPerCm · 2d·tan(0.5°) */
  screenPixelsPerDegree: number;
  /** stimulus pixels per degree = screenPixelsPerDegree / zoom */
  stimulusPixelsPerDegree: number;
  devicePixelRatio: number;
  gamma: GammaCalibration;
  seed: number;
  /** the start colour of B's test is its physical colour moved by a uniform offset in [−s, s] on each opponent axis (L only for grey stimuli) */
  startOffset: number;
  repeats: number;
  /** mirror the stimulus left–right on half the trials (so the adjusted side B appears on either side) */
  counterbalance: boolean;
  /** seconds per trial; 0 = no limit. A trial that runs out keeps the colour shown at that moment, marked timedOut */
  trialTimeLimitS: number;
  /** keyboard step on each opponent axis (Shift: a fifth of it) */
  keyStep: number;
  task: string;
  keys: Record<string, string>;
  stimuli: { name: string; params: Record<string, unknown>; variant: string }[];
  startedAt: string;
  userAgent: string;
}

export interface Trial {
  index: number;
  stimulus: string;
  repeat: number;
  /** shown mirrored left–right */
  mirrored: boolean;
  /** B's test colour when the trial starts */
  start: Rgb;
}

export function pixelsPerDegree(viewingDistanceCm: number, pixelsPerCm: number): number {
  return pixelsPerCm * 2 * viewingDistanceCm * Math.tan((0.5 * Math.PI) / 180);
}

export function gammaFromMatchedGrey(grey: number): number {
  if (!(grey > 0 && grey < 1)) throw new RangeError(`matched grey must be strictly between 0 and 1, got ${grey}`);
  return Math.log(0.5) / Math.log(grey);
}

/** Value to put on the display so that it shows stimulus value v as a display of the target gamma would. */
export function displayValue(v: number, gamma: GammaCalibration): number {
  if (!gamma.corrected || gamma.measured === null) return v;
  return Math.pow(Math.min(1, Math.max(0, v)), gamma.target / gamma.measured);
}

/** The session's trials: every stimulus × repeat (× mirrored when counterbalanced), shuffled, with seeded start colours. */
export function makeTrials(p: Pick<MatchingProtocol, 'seed' | 'repeats' | 'counterbalance' | 'startOffset'>,
  stimuli: readonly { name: string; physicalB: Rgb; grey: boolean }[]): Trial[] {
  const prng = new Prng(p.seed);
  const trials: Omit<Trial, 'index' | 'start'>[] = [];
  for (const s of stimuli) {
    for (let r = 0; r < p.repeats; r++) {
      for (const mirrored of p.counterbalance ? [false, true] : [false]) trials.push({ stimulus: s.name, repeat: r, mirrored });
    }
  }
  prng.shuffle(trials);
  return trials.map((t, index) => {
    const s = stimuli.find((x) => x.name === t.stimulus)!;
    const o = rgbToOpponent(s.physicalB);
    const off = (axis: number) => (s.grey && axis > 0 ? 0 : (2 * prng.uniform() - 1) * p.startOffset);
    const start = clampRgb(opponentToRgb([o[0] + off(0), o[1] + off(1), o[2] + off(2)]));
    return { ...t, index, start };
  });
}
