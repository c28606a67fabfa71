// Jacobian by regression, J = R·I⁺ (SCIENCE.md §5b): N random small perturbations i_n of the central input
// block around the operating point o, responses Δ_n = block(m(o + i_n)) − block(m(o)); with I = [i_1 … i_N]
// and R = [Δ_1 … Δ_N] (d×N), the least-squares linear map is R·I⁺. The pseudo-inverse and the product
// run in the WASM core. Inexact for a nonlinear net by construction: the residual of the fit is reported.
import type { Rgb } from '../image.ts';
import { loadCore, matrix } from '../core/index.ts';
import { blockGeometry, embedBlock, extractBlock } from './block.ts';
import type { JacobianOptions, JacobianResult } from './jacobian-autograd.ts';
import { predictImages, type ImageNetwork } from './net-io.ts';
import { Prng } from '../data/prng.ts';

export interface RegressionOptions extends JacobianOptions {
  /** number of probes N; default 2·d (SCIENCE.md: N ≥ 2d) */
  probes?: number;
  /** standard deviation of the Gaussian probes on the [0,1] scale; default 0.01 */
  amplitude?: number;
  seed?: number;
}

export interface RegressionResult extends JacobianResult {
  probes: number;
  amplitude: number;
  /** ‖R − J·I‖_F / ‖R‖_F: the part of the responses the linear map does not explain */
  fitResidual: number;
}

export async function jacobianByRegression(net: ImageNetwork, opts: RegressionOptions = {}): Promise<RegressionResult> {
  const start = performance.now();
  const g = blockGeometry(opts.canvas ?? 64, opts.block ?? 16);
  const o: Rgb = opts.operatingPoint ?? [0.5, 0.5, 0.5];
  const d = g.dim;
  const n = opts.probes ?? 2 * d;
  const amplitude = opts.amplitude ?? 0.01;
  if (!Number.isInteger(n) || n < d) throw new RangeError(`regression needs at least d = ${d} probes (got ${n}); use ≥ 2d`);
  if (!(amplitude > 0)) throw new RangeError(`probe amplitude must be positive, got ${amplitude}`);
  const rng = new Prng(opts.seed ?? 1);
  const core = await loadCore();

  const [baseOut] = await predictImages(net, [embedBlock(g, o)], 1);
  const base = extractBlock(g, baseOut);
  // I and R are d×N, column n = probe n; filled column by column.
  const inputs = new Float64Array(d * n);
  const responses = new Float64Array(d * n);
  const chunk = opts.chunk ?? 64;
  for (let n0 = 0; n0 < n; n0 += chunk) {
    const m = Math.min(chunk, n - n0);
    const probes: Float64Array[] = [];
    const batch = [];
    for (let i = 0; i < m; i++) {
      const p = new Float64Array(d);
      for (let k = 0; k < d; k++) p[k] = amplitude * rng.normal();
      probes.push(p);
      batch.push(embedBlock(g, o, p));
    }
    const out = await predictImages(net, batch, m);
    for (let i = 0; i < m; i++) {
      const col = n0 + i;
      // The input actually seen by the net is float32: regress on what it saw.
      const seen = extractBlock(g, batch[i]);
      const r = extractBlock(g, out[i]);
      for (let k = 0; k < d; k++) {
        inputs[k * n + col] = seen[k] - (o[k % 3] as number);
        responses[k * n + col] = r[k] - base[k];
      }
    }
    opts.onProgress?.(n0 + m, n);
  }
  const { pinv: iPinv, rank } = core.pinv(matrix(d, n, inputs));
  if (rank < d) throw new RangeError(`regression probes span only rank ${rank} < ${d}: use more probes`);
  const jac = core.matmul(matrix(d, n, responses), iPinv);
  const fitted = core.matmul(jac, matrix(d, n, inputs));
  let num = 0, den = 0;
  for (let i = 0; i < responses.length; i++) {
    const e = responses[i] - fitted.data[i];
    num += e * e;
    den += responses[i] * responses[i];
  }
  return {
    rows: d, cols: d, data: jac.data, geometry: g, operatingPoint: o, method: 'regression',
    seconds: (performance.now() - start) / 1000, probes: n, amplitude, fitResidual: Math.sqrt(num / (den || 1)),
  };
}
