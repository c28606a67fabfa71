// Singular value decomposition, pseudo-inverse and least squares. Matrices are row-major f64.
//   svd(A): A (m×n) = U diag(s) Vᵀ, thin: k = min(m, n); u m×k, s descending ≥ 0, vt k×n.
//   pinv(A, { rtol }): A⁺ (n×m); singular values ≤ rtol·σ_max count as zero (default rtol = max(m, n)·ε,
//     as numpy.linalg.matrix_rank / scipy.linalg.pinv); returns the rank kept and all singular values.
//   lstsq(A, B, { rtol }): minimum-norm X (n×p) minimising ‖A X − B‖_F (numpy.linalg.lstsq semantics).
import { CoreError, callCore } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { checkInputBytes, checkMatrixLike, checkOptionalNumber, checkOptions, readOutputs } from './outputs.ts';

export interface SvdResult {
  u: Matrix;
  s: Float64Array;
  vt: Matrix;
}

export function svd(a: Matrix): SvdResult {
  const op = 'svd';
  checkMatrixLike(op, 'A', a);
  const k = Math.min(a.rows, a.cols);
  return callCore(op, (w) =>
    readOutputs(w.svd(a.data, a.rows, a.cols), (o) => ({
      u: { rows: a.rows, cols: k, data: o.take('u') },
      s: o.take('s'),
      vt: { rows: k, cols: a.cols, data: o.take('vt') },
    })),
  );
}

export interface PinvOptions {
  /** relative tolerance on singular values (default max(m, n)·ε) */
  rtol?: number;
}

export interface PinvResult {
  /** n×m */
  pinv: Matrix;
  rank: number;
  s: Float64Array;
}

export function pinv(a: Matrix, options: PinvOptions = {}): PinvResult {
  checkOptions('pinv', options, ['rtol']);
  const op = 'pinv';
  checkMatrixLike(op, 'A', a);
  const rtol = checkOptionalNumber(op, 'rtol', options.rtol);
  return callCore(op, (w) =>
    readOutputs(w.pinv(a.data, a.rows, a.cols, rtol), (o) => ({
      pinv: { rows: a.cols, cols: a.rows, data: o.take('pinv') },
      rank: o.scalar('rank'),
      s: o.take('s'),
    })),
  );
}

export interface LstsqResult {
  /** n×p */
  x: Matrix;
  rank: number;
  s: Float64Array;
}

export function lstsq(a: Matrix, b: Matrix, options: PinvOptions = {}): LstsqResult {
  checkOptions('lstsq', options, ['rtol']);
  const op = 'lstsq';
  checkMatrixLike(op, 'A', a);
  checkMatrixLike(op, 'B', b);
  checkInputBytes(op, { 'A.data': a.data, 'B.data': b.data });
  if (a.rows !== b.rows) throw new CoreError(`A and B need the same number of rows: A is ${a.rows}×${a.cols}, B is ${b.rows}×${b.cols}`, op);
  const rtol = checkOptionalNumber(op, 'rtol', options.rtol);
  return callCore(op, (w) =>
    readOutputs(w.lstsq(a.data, b.data, a.rows, a.cols, b.cols, rtol), (o) => ({
      x: { rows: a.cols, cols: b.cols, data: o.take('x') },
      rank: o.scalar('rank'),
      s: o.take('s'),
    })),
  );
}
