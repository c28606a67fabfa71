// How linear is a network around its operating point, and how good is its linearisation at the task?
// Definitions (ours, SCIENCE.md §5; the report states them): for natural test blocks x (clean) and their
// degraded versions y, embedded in a canvas at the operating point o: i = y − o,
// Δ = block(m(o + i)) − block(m(o)).
//   fraction linear     = 1 − ‖Δ − J·i‖ / ‖Δ‖                (over all blocks together)
//   linear share        = ‖J·i‖ / ‖Δ‖
//   error nonlinear     = ‖block(m(o + i)) − x‖ / ‖x‖         (relative RMSE of the net's restoration)
//   error linear        = ‖block(m(o)) + J·i − x‖ / ‖x‖       (the same for its linearisation)
import type { Rgb } from '../image.ts';
import { embedBlock, extractBlock, type BlockGeometry } from './block.ts';
import { matVec, type DenseMatrix } from './dense.ts';
import { predictImages, type ImageNetwork } from './net-io.ts';

export interface TestBlock {
  /** clean natural block, length dim, values in [0,1] */
  clean: Float64Array;
  /** its degraded version (the network's input), length dim */
  degraded: Float64Array;
}

export interface LinearityResult {
  blocks: number;
  fractionLinear: number;
  linearShare: number;
  errorNonlinear: number;
  errorLinear: number;
  /** the same four per block, for spreads */
  perBlock: { fractionLinear: number; linearShare: number; errorNonlinear: number; errorLinear: number }[];
}

export async function measureLinearity(net: ImageNetwork, jacobian: DenseMatrix & { geometry: BlockGeometry; operatingPoint: Rgb },
  blocks: readonly TestBlock[]): Promise<LinearityResult> {
  const g = jacobian.geometry, o = jacobian.operatingPoint;
  if (blocks.length === 0) throw new RangeError('no test blocks given');
  const offsets = blocks.map((b) => {
    if (b.degraded.length !== g.dim || b.clean.length !== g.dim) throw new RangeError(`test blocks must have ${g.dim} values`);
    return Float64Array.from(b.degraded, (v, k) => v - o[k % 3]);
  });
  const inputs = [embedBlock(g, o), ...offsets.map((i) => embedBlock(g, o, i))];
  const outs = await predictImages(net, inputs, 16);
  const base = extractBlock(g, outs[0]);
  let sDiff = 0, sDelta = 0, sLin = 0, sErrN = 0, sErrL = 0, sClean = 0;
  const perBlock = blocks.map((b, n) => {
    const i = offsets[n];
    const out = extractBlock(g, outs[n + 1]);
    const ji = matVec(jacobian, i);
    let diff = 0, delta = 0, lin = 0, errN = 0, errL = 0, clean = 0;
    for (let k = 0; k < g.dim; k++) {
      const d = out[k] - base[k];
      diff += (d - ji[k]) ** 2;
      delta += d * d;
      lin += ji[k] ** 2;
      errN += (out[k] - b.clean[k]) ** 2;
      errL += (base[k] + ji[k] - b.clean[k]) ** 2;
      clean += b.clean[k] ** 2;
    }
    sDiff += diff; sDelta += delta; sLin += lin; sErrN += errN; sErrL += errL; sClean += clean;
    return {
      fractionLinear: 1 - Math.sqrt(diff / (delta || 1)), linearShare: Math.sqrt(lin / (delta || 1)),
      errorNonlinear: Math.sqrt(errN / (clean || 1)), errorLinear: Math.sqrt(errL / (clean || 1)),
    };
  });
  return {
    blocks: blocks.length,
    fractionLinear: 1 - Math.sqrt(sDiff / (sDelta || 1)),
    linearShare: Math.sqrt(sLin / (sDelta || 1)),
    errorNonlinear: Math.sqrt(sErrN / (sClean || 1)),
    errorLinear: Math.sqrt(sErrL / (sClean || 1)),
    perBlock,
  };
}
