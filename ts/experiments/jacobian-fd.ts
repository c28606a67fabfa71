// Jacobian by central finite differences: column j = (m(o + ε e_j) − m(o − ε e_j)) / 2ε over the central
// block. In float32 this is accurate to about 1e-3 relative: a check on the other two methods, not an engine.
import type { Rgb } from '../image.ts';
import { blockGeometry, canvasIndex, embedBlock, extractBlock } from './block.ts';
import type { JacobianOptions, JacobianResult } from './jacobian-autograd.ts';
import { predictImages, type ImageNetwork } from './net-io.ts';

export interface FiniteDifferenceOptions extends JacobianOptions {
  /** step ε on the [0,1] scale; default 1e-2 */
  step?: number;
}

export async function jacobianByFiniteDifferences(net: ImageNetwork, opts: FiniteDifferenceOptions = {}): Promise<JacobianResult> {
  const start = performance.now();
  const g = blockGeometry(opts.canvas ?? 64, opts.block ?? 16);
  const o: Rgb = opts.operatingPoint ?? [0.5, 0.5, 0.5];
  const eps = opts.step ?? 1e-2;
  if (!(eps > 0)) throw new RangeError(`finite-difference step must be positive, got ${eps}`);
  const chunk = Math.max(1, Math.floor((opts.chunk ?? 64) / 2));
  const base = embedBlock(g, o);
  const jac = new Float64Array(g.dim * g.dim);
  for (let j0 = 0; j0 < g.dim; j0 += chunk) {
    const m = Math.min(chunk, g.dim - j0);
    const batch = [];
    for (let i = 0; i < m; i++) {
      const idx = canvasIndex(g, j0 + i);
      for (const sign of [1, -1]) {
        const img = { height: base.height, width: base.width, data: new Float32Array(base.data) };
        img.data[idx] += sign * eps;
        batch.push(img);
      }
    }
    const out = await predictImages(net, batch, batch.length);
    for (let i = 0; i < m; i++) {
      const plus = extractBlock(g, out[2 * i]);
      const minus = extractBlock(g, out[2 * i + 1]);
      const j = j0 + i;
      for (let k = 0; k < g.dim; k++) jac[k * g.dim + j] = (plus[k] - minus[k]) / (2 * eps);
    }
    opts.onProgress?.(j0 + m, g.dim);
  }
  return { rows: g.dim, cols: g.dim, data: jac, geometry: g, operatingPoint: o, method: 'finite-differences', seconds: (performance.now() - start) / 1000 };
}
