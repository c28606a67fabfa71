// Artificial physiology (SCIENCE.md §3): feed a stimulus (or its A and B images), read the mean output
// colour over each test mask, and compare the test regions that have equal inputs: the shift per
// channel, in an opponent space and as a hue angle, and whether it goes the way humans see it (§1).
//
// Definitions (ours): for a two-test stimulus, Δout = Out(1) − Out(2) and the human prediction is
// Δhuman = direction(1) − direction(2); the network goes the human way when the cosine between them (in
// the opponent space) is positive. Illusion strength = ‖opp(Out(1)) − opp(Out(2))‖ / input contrast,
// input contrast = ‖opp(ind1) − opp(ind2)‖ for stimuli with two inducers, ‖opp(from) − opp(to)‖ for
// ramps, else the opponent distance between the darkest and the lightest pixel of the first image.
import type { Rgb, RgbImage } from '../image.ts';
import { meanOverLabel } from '../image.ts';
import type { Stimulus } from '../stimuli/types.ts';
import { predictImages, type ImageNetwork } from './net-io.ts';

export type ToOpponent = (rgb: Rgb) => Rgb;

export interface TestReadout {
  label: number;
  input: Rgb;
  output: Rgb;
  /** output − input, per RGB channel */
  shift: Rgb;
  inputOpponent: Rgb;
  outputOpponent: Rgb;
}

export interface PhysiologyResult {
  stimulus: string;
  family: string;
  variant: string;
  tests: TestReadout[];
  /** Out(1) − Out(2), RGB and opponent (two-test stimuli only) */
  difference?: { rgb: Rgb; opponent: Rgb; hueAngleDeg: number };
  /** cosine between the network's and the human difference directions in the opponent space */
  humanCosine?: number;
  humanWay?: boolean;
  strength?: number;
  inputContrast?: number;
  /** Chevreul-type stimuli: steps whose edge profile (left − right) goes the human way, out of those predicted */
  scallops?: { humanWay: number; predicted: number; perStep: { label: number; leftMinusRight: number; predicted: number }[] };
  outputs: RgbImage[];
}

const sub = (a: Rgb, b: Rgb): Rgb => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Rgb, b: Rgb) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const len = (a: Rgb) => Math.sqrt(dot(a, a));

/** Hue angle of an opponent vector (achromatic, red–green, yellow–blue): atan2(YB, RG) in degrees. */
export function hueAngle(opp: Rgb): number {
  return (Math.atan2(opp[2], opp[1]) * 180) / Math.PI;
}

export async function measurePhysiology(net: ImageNetwork, stim: Stimulus, toOpponent: ToOpponent): Promise<PhysiologyResult> {
  const outputs = await predictImages(net, stim.images, stim.images.length);
  const tests: TestReadout[] = [];
  stim.masks.forEach((mask, i) => {
    const labels = [...new Set(mask.data)].filter((l) => l !== 0).sort((a, b) => a - b);
    for (const label of labels) {
      const input = meanOverLabel(stim.images[i], mask, label);
      const output = meanOverLabel(outputs[i], mask, label);
      tests.push({ label, input, output, shift: sub(output, input), inputOpponent: toOpponent(input), outputOpponent: toOpponent(output) });
    }
  });
  const result: PhysiologyResult = { stimulus: stim.name, family: stim.family, variant: stim.variant, tests, outputs };
  const t1 = tests.find((t) => t.label === 1), t2 = tests.find((t) => t.label === 2);
  if (t1 && t2 && !stim.human?.edges) {
    const rgb = sub(t1.output, t2.output);
    const opponent = sub(t1.outputOpponent, t2.outputOpponent);
    result.difference = { rgb, opponent, hueAngleDeg: hueAngle(opponent) };
    const p = stim.params as { ind1?: Rgb; ind2?: Rgb; from?: Rgb | number; to?: Rgb | number };
    const asRgb = (v: Rgb | number): Rgb => (typeof v === 'number' ? [v, v, v] : v);
    const contrast = p.ind1 && p.ind2 ? len(sub(toOpponent(p.ind1), toOpponent(p.ind2)))
      : p.from !== undefined && p.to !== undefined ? len(sub(toOpponent(asRgb(p.from)), toOpponent(asRgb(p.to))))
      : extremesContrast(stim.images[0], toOpponent);
    result.inputContrast = contrast;
    result.strength = contrast > 0 ? len(opponent) / contrast : undefined;
    const d1 = stim.human?.direction[1], d2 = stim.human?.direction[2];
    if (d1 && d2) {
      // Directions are small-signal RGB vectors: map them through the opponent transform about the test colour.
      const h = sub(sub(toOpponent(addScaled(t1.input, d1, 0.01)), t1.inputOpponent), sub(toOpponent(addScaled(t2.input, d2, 0.01)), t2.inputOpponent));
      const denom = len(h) * len(opponent);
      result.humanCosine = denom > 0 ? dot(h, opponent) / denom : 0;
      result.humanWay = result.humanCosine > 0;
    }
  }
  if (stim.human?.edges) result.scallops = scallops(stim, outputs);
  return result;
}

function addScaled(a: Rgb, d: Rgb, s: number): Rgb {
  return [a[0] + s * d[0], a[1] + s * d[1], a[2] + s * d[2]];
}

function extremesContrast(img: RgbImage, toOpponent: ToOpponent): number {
  let lo = Infinity, hi = -Infinity, iLo = 0, iHi = 0;
  for (let p = 0; p < img.height * img.width; p++) {
    const l = img.data[p * 3] + img.data[p * 3 + 1] + img.data[p * 3 + 2];
    if (l < lo) { lo = l; iLo = p; }
    if (l > hi) { hi = l; iHi = p; }
  }
  const px = (p: number): Rgb => [img.data[p * 3], img.data[p * 3 + 1], img.data[p * 3 + 2]];
  return len(sub(toOpponent(px(iHi)), toOpponent(px(iLo))));
}

/**
 * Edge profile of each labelled step (Chevreul): mean output luminance-like sum over the step's leftmost
 * quarter of columns minus its rightmost quarter, against the predicted sign from the human edges.
 */
function scallops(stim: Stimulus, outputs: RgbImage[]): PhysiologyResult['scallops'] {
  const perStep: { label: number; leftMinusRight: number; predicted: number }[] = [];
  stim.masks.forEach((mask, i) => {
    const out = outputs[i];
    for (const [labelStr, edge] of Object.entries(stim.human!.edges!)) {
      const label = Number(labelStr);
      if (!edge) continue;
      let xmin = Infinity, xmax = -Infinity;
      for (let p = 0; p < mask.data.length; p++) if (mask.data[p] === label) { const x = p % mask.width; xmin = Math.min(xmin, x); xmax = Math.max(xmax, x); }
      if (!Number.isFinite(xmin)) continue;
      const q = Math.max(1, Math.floor((xmax - xmin + 1) / 4));
      let left = 0, nl = 0, right = 0, nr = 0;
      for (let p = 0; p < mask.data.length; p++) {
        if (mask.data[p] !== label) continue;
        const x = p % mask.width;
        const v = out.data[p * 3] + out.data[p * 3 + 1] + out.data[p * 3 + 2];
        if (x < xmin + q) { left += v; nl++; } else if (x > xmax - q) { right += v; nr++; }
      }
      const predicted = Math.sign((edge.left[0] + edge.left[1] + edge.left[2]) - (edge.right[0] + edge.right[1] + edge.right[2]));
      perStep.push({ label, leftMinusRight: left / nl - right / nr, predicted });
    }
  });
  const predictedSteps = perStep.filter((s) => s.predicted !== 0);
  return { humanWay: predictedSteps.filter((s) => Math.sign(s.leftMinusRight) === s.predicted).length, predicted: predictedSteps.length, perStep };
}
