// Jacobian at a UNIFORM operating point from three receptive fields. A convolutional net is translation
// equivariant, and at a uniform operating point o so is its linearisation: row k of J (the receptive
// field of output k) is the receptive field of the central output of the same channel, shifted. So three
// backward passes (one per output channel, at the canvas centre) give every row, exactly — provided every
// block output's receptive field lies inside the canvas (zero 'same' padding never reached). This is
// checked: the receptive field radius is measured from the central gradients and a canvas too small is
// an error. Non-uniform operating points need jacobianByAutograd (one row per backward pass).
import * as tf from '@tensorflow/tfjs';
import type { Rgb } from '../image.ts';
import { blockGeometry } from './block.ts';
import type { JacobianOptions, JacobianResult } from './jacobian-autograd.ts';
import type { ImageNetwork } from './net-io.ts';

export interface ShiftJacobianResult extends JacobianResult {
  /** measured receptive-field radius in pixels (largest offset with a non-negligible weight) */
  receptiveFieldRadius: number;
  /** receptive fields of the central output, per output channel: (2R+1)²·3 weights, HWC */
  receptiveFields: { radius: number; weights: Float64Array[] };
}

export async function jacobianByShift(net: ImageNetwork, opts: JacobianOptions & { relativeThreshold?: number } = {}): Promise<ShiftJacobianResult> {
  const start = performance.now();
  const g = blockGeometry(opts.canvas ?? 64, opts.block ?? 16);
  const o: Rgb = opts.operatingPoint ?? [0.5, 0.5, 0.5];
  const C = g.canvas;
  const cy = Math.floor(C / 2), cx = cy;
  const size = C * C * 3;
  const x = new Float32Array(3 * size);
  const e = new Float32Array(3 * size);
  for (let c = 0; c < 3; c++) {
    for (let p = 0; p < C * C; p++) { x[c * size + p * 3] = o[0]; x[c * size + p * 3 + 1] = o[1]; x[c * size + p * 3 + 2] = o[2]; }
    e[c * size + (cy * C + cx) * 3 + c] = 1;
  }
  const gradT = tf.tidy(() => {
    const xt = tf.tensor4d(x, [3, C, C, 3]);
    const et = tf.tensor4d(e, [3, C, C, 3]);
    return tf.grad((z: tf.Tensor) => tf.sum(tf.mul(net.apply(z as tf.Tensor4D), et)))(xt);
  });
  const grads = (await gradT.data()) as Float32Array;
  gradT.dispose();
  opts.onProgress?.(1, 1);

  // Receptive-field radius: largest Chebyshev distance from the centre with |weight| above threshold.
  let maxAbs = 0;
  for (const v of grads) maxAbs = Math.max(maxAbs, Math.abs(v));
  const thr = (opts.relativeThreshold ?? 1e-6) * maxAbs;
  let radius = 0;
  let touchesEdge = false;
  for (let c = 0; c < 3; c++) for (let y = 0; y < C; y++) for (let xx = 0; xx < C; xx++) for (let ci = 0; ci < 3; ci++) {
    if (Math.abs(grads[c * size + (y * C + xx) * 3 + ci]) > thr) {
      radius = Math.max(radius, Math.abs(y - cy), Math.abs(xx - cx));
      if (y === 0 || xx === 0 || y === C - 1 || xx === C - 1) touchesEdge = true;
    }
  }
  const need = g.block + 2 * radius;
  if (touchesEdge || g.y0 < radius || C - (g.y0 + g.block) < radius) {
    throw new RangeError(`canvas ${C}×${C} is too small for a ${g.block}×${g.block} block and this net's receptive field ` +
      `(radius ${touchesEdge ? '≥ ' : ''}${radius} px): use a canvas of at least ${touchesEdge ? 'more than ' : ''}${need}`);
  }
  const rf = Array.from({ length: 3 }, () => new Float64Array((2 * radius + 1) ** 2 * 3));
  for (let c = 0; c < 3; c++) for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) for (let ci = 0; ci < 3; ci++) {
    rf[c][((dy + radius) * (2 * radius + 1) + (dx + radius)) * 3 + ci] = grads[c * size + ((cy + dy) * C + (cx + dx)) * 3 + ci];
  }
  // J[(y,x,c), (y',x',c')] = rf_c[y'−y, x'−x, c']
  const B = g.block, d = g.dim, side = 2 * radius + 1;
  const jac = new Float64Array(d * d);
  for (let y = 0; y < B; y++) for (let xx = 0; xx < B; xx++) for (let c = 0; c < 3; c++) {
    const row = ((y * B + xx) * 3 + c) * d;
    for (let y2 = Math.max(0, y - radius); y2 <= Math.min(B - 1, y + radius); y2++) {
      for (let x2 = Math.max(0, xx - radius); x2 <= Math.min(B - 1, xx + radius); x2++) {
        const src = ((y2 - y + radius) * side + (x2 - xx + radius)) * 3;
        const dst = row + (y2 * B + x2) * 3;
        jac[dst] = rf[c][src]; jac[dst + 1] = rf[c][src + 1]; jac[dst + 2] = rf[c][src + 2];
      }
    }
  }
  return {
    rows: d, cols: d, data: jac, geometry: g, operatingPoint: o, method: 'autograd',
    seconds: (performance.now() - start) / 1000, receptiveFieldRadius: radius, receptiveFields: { radius, weights: rf },
  };
}
