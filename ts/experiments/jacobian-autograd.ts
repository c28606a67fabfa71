// Jacobian of a network's central output block with respect to its central input block, by reverse-mode
// automatic differentiation, batched: the operating point is replicated once per output row and the
// gradient of Σ f(X) ⊙ E is taken with one-hot E, so one backward pass gives `chunk` rows at once.
import * as tf from '@tensorflow/tfjs';
import type { Rgb } from '../image.ts';
import { blockGeometry, canvasIndex, embedBlock, type BlockGeometry } from './block.ts';
import type { ImageNetwork } from './net-io.ts';
import type { DenseMatrix } from './dense.ts';

export interface JacobianOptions {
  /** canvas side (input size); default 64 */
  canvas?: number;
  /** block side; default 16 (768 = 16·16·3 rows and columns) */
  block?: number;
  /** operating point colour, default mid-grey (0.5, 0.5, 0.5) */
  operatingPoint?: Rgb;
  /** rows per backward pass; default 64 */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface JacobianResult extends DenseMatrix {
  geometry: BlockGeometry;
  operatingPoint: Rgb;
  method: 'autograd' | 'regression' | 'finite-differences';
  /** seconds of wall time */
  seconds: number;
}

export async function jacobianByAutograd(net: ImageNetwork, opts: JacobianOptions = {}): Promise<JacobianResult> {
  const start = performance.now();
  const g = blockGeometry(opts.canvas ?? 64, opts.block ?? 16);
  const o: Rgb = opts.operatingPoint ?? [0.5, 0.5, 0.5];
  const chunk = Math.max(1, Math.min(opts.chunk ?? 64, g.dim));
  const base = embedBlock(g, o);
  const size = g.canvas * g.canvas * 3;
  const jac = new Float64Array(g.dim * g.dim);
  const blockIdx = Int32Array.from({ length: g.dim }, (_, k) => canvasIndex(g, k));
  for (let k0 = 0; k0 < g.dim; k0 += chunk) {
    const m = Math.min(chunk, g.dim - k0);
    const xData = new Float32Array(m * size);
    const eData = new Float32Array(m * size);
    for (let i = 0; i < m; i++) {
      xData.set(base.data, i * size);
      eData[i * size + blockIdx[k0 + i]] = 1;
    }
    const rows = tf.tidy(() => {
      const x = tf.tensor4d(xData, [m, g.canvas, g.canvas, 3]);
      const e = tf.tensor4d(eData, [m, g.canvas, g.canvas, 3]);
      return tf.grad((z: tf.Tensor) => tf.sum(tf.mul(net.apply(z as tf.Tensor4D), e)))(x);
    });
    const gData = (await rows.data()) as Float32Array;
    rows.dispose();
    for (let i = 0; i < m; i++) {
      const row = (k0 + i) * g.dim;
      for (let j = 0; j < g.dim; j++) jac[row + j] = gData[i * size + blockIdx[j]];
    }
    opts.onProgress?.(k0 + m, g.dim);
  }
  return { rows: g.dim, cols: g.dim, data: jac, geometry: g, operatingPoint: o, method: 'autograd', seconds: (performance.now() - start) / 1000 };
}
