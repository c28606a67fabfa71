// Artificial psychophysics: asymmetric colour matching (Ware & Cowan 1982; SCIENCE.md §4). The response
// to the test in A is kept; the input colour t of the test in B is changed until B's mean response over
// its test mask equals A's: minimise ‖r_B(t) − r_A‖² over the 3 values of t by damped Gauss–Newton with
// the 3×3 Jacobian ∂r_B/∂t taken by automatic differentiation through the net (one batched backward
// pass), kept up to date by Broyden updates between forward passes and retaken when a step fails. t stays in [0,1]
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
  const { height: H, width: W } = b.image;
  const maskData = new Float32Array(H * W);
  let count = 0;
  b.mask.data.forEach((v, i) => { if (v === b.label) { maskData[i] = 1; count++; } });

  const base = imagesToTensor([b.image]);
  const mask = tf.tensor4d(maskData, [1, H, W, 1]);
  const t0t = tf.tensor1d(t0 as unknown as number[]);
  const render = (t: tf.Tensor) => tf.add(base, tf.mul(mask, tf.sub(t, t0t).reshape([-1, 1, 1, 3]))) as tf.Tensor4D;
  // r_B(t): mean response over B's test mask when the test's input colour is t (forward pass only).
  const evalAt = (tv: number[]): number[] => tf.tidy(() => {
    const out = net.apply(render(tf.tensor2d([tv], [1, 3])));
    return Array.from(tf.div(tf.sum(tf.mul(out, mask), [0, 1, 2]), count).dataSync());
  });
  // ∂r_B/∂t (3×3) in one backward pass over a batch of 3 copies: sample c carries the loss r_c, and
  // ∂r_c/∂t_j is the sum over the mask of ∂r_c/∂x in input channel j.
  const sel = tf.tidy(() => tf.tensor4d(Float32Array.from({ length: 9 }, (_, i) => (Math.floor(i / 3) === i % 3 ? 1 / count : 0)), [3, 1, 1, 3]));
  const jacobianAt = (tv: number[]): number[][] => tf.tidy(() => {
    const x = render(tf.tensor2d([tv, tv, tv], [3, 3]));
    const g = tf.grad((z: tf.Tensor) => tf.sum(tf.mul(tf.mul(net.apply(z as tf.Tensor4D), mask), sel)))(x);
    const s = tf.sum(tf.mul(g, mask), [1, 2]).arraySync() as number[][];
    return s; // s[c][j] = ∂r_c/∂t_j
  });

  let t = [...t0] as number[];
  let r: number[] = [];
  let iterations = 0;
  let lambda = 1e-6;
  const errOf = (rv: number[]) => Math.hypot(rv[0] - target[0], rv[1] - target[1], rv[2] - target[2]);
  try {
    r = evalAt(t);
    let err = errOf(r);
    let jac = jacobianAt(t);
    let fresh = true;
    for (; iterations < maxIterations && err > tolerance; iterations++) {
      const e = [0, 1, 2].map((c) => r[c] - target[c]);
      // damped Gauss–Newton: (JᵀJ + λI) δ = −Jᵀe
      const jtj = [0, 1, 2].map((i) => [0, 1, 2].map((j) => jac[0][i] * jac[0][j] + jac[1][i] * jac[1][j] + jac[2][i] * jac[2][j]));
      const jte = [0, 1, 2].map((i) => -(jac[0][i] * e[0] + jac[1][i] * e[1] + jac[2][i] * e[2]));
      const step = solve3(jtj.map((row, i) => row.map((v, j) => v + (i === j ? lambda : 0))), jte);
      const cand = t.map((v, c) => Math.min(1, Math.max(0, v + (Number.isFinite(step[c]) ? step[c] : 0))));
      const rc = evalAt(cand);
      const ec = errOf(rc);
      if (ec < err) {
        // Broyden rank-1 update of the Jacobian with the step actually taken (forward passes only).
        const dt = cand.map((v, c) => v - t[c]);
        const dr = rc.map((v, c) => v - r[c]);
        const dd = dt[0] ** 2 + dt[1] ** 2 + dt[2] ** 2;
        if (dd > 0) {
          for (let c = 0; c < 3; c++) {
            const u = (dr[c] - (jac[c][0] * dt[0] + jac[c][1] * dt[1] + jac[c][2] * dt[2])) / dd;
            for (let j = 0; j < 3; j++) jac[c][j] += u * dt[j];
          }
        }
        t = cand; r = rc; err = ec; fresh = false;
        lambda = Math.max(lambda / 10, 1e-9);
      } else if (!fresh) {
        jac = jacobianAt(t); // the quasi-Newton model went stale: take the exact Jacobian again
        fresh = true;
      } else {
        lambda = lambda * 10 + 1e-6;
        if (lambda > 1e6) break;
      }
    }
  } finally {
    base.dispose(); mask.dispose(); t0t.dispose(); sel.dispose();
  }
  const residual = errOf(r);
  const matched = [t[0], t[1], t[2]] as const;
  return {
    target, start: t0, matched, shift: [matched[0] - t0[0], matched[1] - t0[1], matched[2] - t0[2]],
    response: [r[0], r[1], r[2]], residual, iterations,
    atBound: matched.map((v) => v <= 1e-6 || v >= 1 - 1e-6),
  };
}
