// Artificial psychophysics: asymmetric colour matching (Ware & Cowan 1982; SCIENCE.md §4). The response
// to the test in A is kept; the input colour t of the test in B is changed until B's mean response over
// its test mask equals A's: minimise ‖r_B(t) − r_A‖² over the 3 values of t by damped Gauss–Newton with
// the 3×3 Jacobian ∂r_B/∂t taken by automatic differentiation through the net. t stays in [0,1]
// (displayable colours); a match pinned at a bound is reported as such.
import * as tf from '@tensorflow/tfjs';
import type { LabelImage, Rgb, RgbImage } from '../image.ts';
import { meanOverLabel } from '../image.ts';
import { imagesToTensor, predictImage, type ImageNetwork } from './net-io.ts';

export interface MatchSide {
  image: RgbImage;
  mask: LabelImage;
  label: number;
}

export interface MatchResult {
  /** A's mean response over its test (the target) */
  target: Rgb;
  /** B's physical test colour before matching (t₀) */
  start: Rgb;
  /** matched input colour t* */
  matched: Rgb;
  /** t* − t₀: the input change that cancels the illusion */
  shift: Rgb;
  /** B's response at t* */
  response: Rgb;
  /** ‖r_B(t*) − r_A‖ */
  residual: number;
  iterations: number;
  /** channels whose match sits at 0 or 1 */
  atBound: boolean[];
}

export interface MatchOptions {
  maxIterations?: number;
  tolerance?: number;
}

function solve3(a: number[][], b: number[]): number[] {
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const d = det(a);
  return [0, 1, 2].map((c) => det(a.map((row, i) => row.map((v, j) => (j === c ? b[i] : v)))) / d);
}

export async function asymmetricMatch(net: ImageNetwork, a: MatchSide, b: MatchSide, opts: MatchOptions = {}): Promise<MatchResult> {
  const maxIterations = opts.maxIterations ?? 40;
  const tolerance = opts.tolerance ?? 1e-5;
  const target = meanOverLabel(await predictImage(net, a.image), a.mask, a.label);
  const t0 = meanOverLabel(b.image, b.mask, b.label);
  const maskData = new Float32Array(b.mask.data.length);
  let count = 0;
  b.mask.data.forEach((v, i) => { if (v === b.label) { maskData[i] = 1; count++; } });

  const base = imagesToTensor([b.image]);
  const mask = tf.tensor4d(maskData, [1, b.image.height, b.image.width, 1]);
  const t0t = tf.tensor1d(t0 as unknown as number[]);
  // r_B(t): mean response over B's test mask when the test's input colour is t.
  const response = (t: tf.Tensor1D) => {
    const x = tf.add(base, tf.mul(mask, tf.sub(t, t0t).reshape([1, 1, 1, 3]))) as tf.Tensor4D;
    return tf.div(tf.sum(tf.mul(net.apply(x), mask), [0, 1, 2]), count) as tf.Tensor1D;
  };
  const channelGrads = [0, 1, 2].map((c) => tf.grad((t: tf.Tensor) => response(t as tf.Tensor1D).gather([c]).sum()));

  let t = [...t0] as number[];
  let r: number[] = [];
  let iterations = 0;
  let lambda = 1e-6;
  try {
    const evalAt = (tv: number[]) => tf.tidy(() => Array.from(response(tf.tensor1d(tv)).dataSync()));
    r = evalAt(t);
    let err = Math.hypot(r[0] - target[0], r[1] - target[1], r[2] - target[2]);
    for (; iterations < maxIterations && err > tolerance; iterations++) {
      const jac = channelGrads.map((gf) => tf.tidy(() => Array.from(gf(tf.tensor1d(t)).dataSync())));
      const e = [0, 1, 2].map((c) => r[c] - target[c]);
      // (JᵀJ + λI) δ = −Jᵀe
      const jtj = [0, 1, 2].map((i) => [0, 1, 2].map((j) => jac[0][i] * jac[0][j] + jac[1][i] * jac[1][j] + jac[2][i] * jac[2][j] + (i === j ? lambda : 0)));
      const jte = [0, 1, 2].map((i) => -(jac[0][i] * e[0] + jac[1][i] * e[1] + jac[2][i] * e[2]));
      let improved = false;
      for (let tries = 0; tries < 12 && !improved; tries++) {
        const step = solve3(jtj.map((row, i) => row.map((v, j) => v + (i === j ? lambda : 0))), jte);
        const cand = t.map((v, c) => Math.min(1, Math.max(0, v + (Number.isFinite(step[c]) ? step[c] : 0))));
        const rc = evalAt(cand);
        const ec = Math.hypot(rc[0] - target[0], rc[1] - target[1], rc[2] - target[2]);
        if (ec < err) { t = cand; r = rc; err = ec; improved = true; lambda = Math.max(lambda / 10, 1e-9); }
        else lambda = lambda * 10 + 1e-6;
      }
      if (!improved) break;
    }
  } finally {
    base.dispose(); mask.dispose(); t0t.dispose();
  }
  const residual = Math.hypot(r[0] - target[0], r[1] - target[1], r[2] - target[2]);
  const matched = [t[0], t[1], t[2]] as const;
  return {
    target, start: t0, matched, shift: [matched[0] - t0[0], matched[1] - t0[1], matched[2] - t0[2]],
    response: [r[0], r[1], r[2]], residual, iterations,
    atBound: matched.map((v) => v <= 1e-6 || v >= 1 - 1e-6),
  };
}
