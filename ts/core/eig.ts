// Eigendecompositions. Matrices are row-major f64 (see matrix.ts).
//
// eigGeneral: A = V Λ V⁻¹ for a real square A (complex pairs included).
//   - valuesRe[k] + i·valuesIm[k] = λ_k, sorted by |λ| descending; a conjugate pair occupies adjacent
//     slots, the one with positive imaginary part first. Exception: clustered complex pairs go through a
//     complex Schur form, and should its spectrum not split into a conjugate-symmetric set (a defective
//     eigenvalue of a rotated Jordan block, computed as a cluster of complex values ε^(1/m) apart), the
//     values are returned as computed, sorted by |λ|, unpaired (residuals stay at ε·‖A‖);
//   - A is balanced first (LAPACK dgebal's scaling, as NumPy's eig): eigenvalues are accurate for badly
//     scaled matrices, and the residual ‖AV − VΛ‖ is small relative to the balanced matrix (NumPy gives
//     the same 1.4e-12·‖A‖√n on J₂₅₆(0) with 1e-10 in its corner);
//   - vectorsRe + i·vectorsIm: column k is the right eigenvector v_k, unit Euclidean norm;
//   - inverseRe + i·inverseIm: row k of V⁻¹ — the analysis function of mechanism k (SCIENCE.md §6), with
//     A = Σ_k λ_k v_k (V⁻¹)_k and V⁻¹V = I;
//   - vectorsCondition: 1-norm condition number of the eigenvector basis. Large (≳ 1e8) for nearly
//     defective matrices, where V⁻¹ is ill-determined; Infinity (and no inverse) when V is singular.
// eigSymmetric: A = Q Λ Qᵀ, eigenvalues ascending, Q orthogonal (columns); A must be symmetric to 1e-10
//   relative (symmetrise (A + Aᵀ)/2 first otherwise).
import { callCore } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { checkMatrixLike, checkOptionalBoolean, checkOptions, notSquare, readOutputs } from './outputs.ts';

export interface EigGeneralOptions {
  /** compute the right eigenvectors (default true) */
  vectors?: boolean;
  /** compute the rows of V⁻¹ (default true; implies computing V internally) */
  inverse?: boolean;
}

export interface EigGeneralResult {
  n: number;
  valuesRe: Float64Array;
  valuesIm: Float64Array;
  /** n×n, column k = Re v_k (absent when vectors: false) */
  vectorsRe?: Matrix;
  vectorsIm?: Matrix;
  /** n×n, row k = Re (V⁻¹)_k (absent when inverse: false or V is singular) */
  inverseRe?: Matrix;
  inverseIm?: Matrix;
  /** ‖W‖₁‖W⁻¹‖₁ of the eigenvector basis; NaN when the inverse was not requested */
  vectorsCondition: number;
}

export function eigGeneral(a: Matrix, options: EigGeneralOptions = {}): EigGeneralResult {
  checkOptions('eigGeneral', options, ['vectors', 'inverse']);
  const op = 'eigGeneral';
  checkMatrixLike(op, 'A', a);
  if (a.rows !== a.cols) throw notSquare(op, a);
  const n = a.rows;
  const vectors = checkOptionalBoolean(op, 'options.vectors', options.vectors) ?? true;
  const inverse = checkOptionalBoolean(op, 'options.inverse', options.inverse) ?? true;
  return callCore(op, (w) =>
    readOutputs(w.eigGeneral(a.data, n, vectors, inverse), (o) => {
      const sq = (data: Float64Array): Matrix | undefined => (data.length === n * n ? { rows: n, cols: n, data } : undefined);
      const r: EigGeneralResult = {
        n,
        valuesRe: o.take('valuesRe'),
        valuesIm: o.take('valuesIm'),
        vectorsCondition: o.scalar('vectorsCondition'),
      };
      const vr = sq(o.take('vectorsRe'));
      const vi = sq(o.take('vectorsIm'));
      if (vr && vi) { r.vectorsRe = vr; r.vectorsIm = vi; }
      const ir = sq(o.take('inverseRe'));
      const ii = sq(o.take('inverseIm'));
      if (ir && ii) { r.inverseRe = ir; r.inverseIm = ii; }
      return r;
    }),
  );
}

export interface EigSymmetricResult {
  n: number;
  /** ascending */
  values: Float64Array;
  /** n×n, column k = unit eigenvector k (absent when vectors: false) */
  vectors?: Matrix;
}

export function eigSymmetric(a: Matrix, options: { vectors?: boolean } = {}): EigSymmetricResult {
  checkOptions('eigSymmetric', options, ['vectors']);
  const op = 'eigSymmetric';
  checkMatrixLike(op, 'A', a);
  if (a.rows !== a.cols) throw notSquare(op, a);
  const n = a.rows;
  const vectors = checkOptionalBoolean(op, 'options.vectors', options.vectors) ?? true;
  return callCore(op, (w) =>
    readOutputs(w.eigSymmetric(a.data, n, vectors), (o) => {
      const r: EigSymmetricResult = { n, values: o.take('values') };
      const v = o.take('vectors');
      if (v.length === n * n) r.vectors = { rows: n, cols: n, data: v };
      return r;
    }),
  );
}
