//! General real eigendecomposition A = V Λ V⁻¹ (faer: Hessenberg reduction, multishift QR to real Schur
//! form, back-substitution for eigenvectors), plus the rows of V⁻¹ — the *analysis* functions.
//!
//! Conventions of the result (all row-major):
//! - eigenvalues λ_k = `values_re[k] + i·values_im[k]`, sorted by |λ| descending; a complex-conjugate pair
//!   occupies two adjacent slots, the one with positive imaginary part first;
//! - eigenvectors: column k of `vectors_re + i·vectors_im` (n×n) is v_k, scaled to unit Euclidean norm;
//! - analysis functions: row k of `inverse_re + i·inverse_im` (n×n) is row k of V⁻¹, so that
//!   A = Σ_k λ_k v_k (V⁻¹)_k and V⁻¹V = I.
//! The matrix is first balanced (exact power-of-two diagonal similarity, `balance.rs`, as LAPACK dgeev), then
//! scaled by an exact power of two so that its largest entry is near 1.

use crate::balance::{balance, exponents, unbalance_factors, BalanceParams};
use crate::dense::scale_for_max;
use crate::error::{check_matrix, check_result, check_workspace, zeros, CoreError};
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{evd_real, evd_scratch, ComputeEigenvectors, EvdError};
use faer::linalg::solvers::DenseSolveCore;
use faer::diag::Diag;
use faer::linalg::evd::evd_cplx;
use faer::{c64, Mat, Par};

/// What to compute besides the eigenvalues.
#[derive(Clone, Copy, Debug)]
pub struct EigOptions {
    /// right eigenvectors V
    pub vectors: bool,
    /// rows of V⁻¹ (implies computing V)
    pub inverse: bool,
}

impl Default for EigOptions {
    fn default() -> Self {
        EigOptions { vectors: true, inverse: true }
    }
}

#[derive(Clone, Debug, Default)]
pub struct EigGeneral {
    pub n: usize,
    pub values_re: Vec<f64>,
    pub values_im: Vec<f64>,
    /// n×n row-major, empty unless requested
    pub vectors_re: Vec<f64>,
    pub vectors_im: Vec<f64>,
    /// n×n row-major, empty unless requested or when V is exactly singular (then `vectors_condition` is ∞)
    pub inverse_re: Vec<f64>,
    pub inverse_im: Vec<f64>,
    /// 1-norm condition number ‖W‖₁‖W⁻¹‖₁ of the real eigenvector basis W (columns Re v, Im v): large for
    /// (nearly) defective matrices, where V⁻¹ is ill-determined; ∞ (and no inverse) when W is singular or
    /// cond·ε > ½, where V⁻¹ would have no correct digit. NaN when the inverse was not requested.
    pub vectors_condition: f64,
}

/// One real eigenvalue (one column) or a complex-conjugate pair (two columns: Re v, Im v).
#[derive(Clone, Copy)]
struct Block {
    col: usize,
    pair: bool,
    magnitude: f64,
}

pub fn eig_general(a: &[f64], n: usize, opts: EigOptions) -> Result<EigGeneral, CoreError> {
    const WHAT: &str = "eigGeneral";
    check_matrix(WHAT, a, n, n)?;
    let want_vectors = opts.vectors || opts.inverse;
    let nn = (n as u128) * (n as u128);
    // scaled copy + Hessenberg/Schur workspace (~3n²) + real basis + outputs + LU inverse
    let per = 1 + 3 + u128::from(want_vectors) + 2 * u128::from(opts.vectors) + 5 * u128::from(opts.inverse);
    check_workspace(WHAT, per * nn)?;

    // balanced as LAPACK dgeev does (NumPy's eig): exact power-of-two diagonal similarity D⁻¹AD, before the
    // scaling to a largest entry ≈ 1, so that entries spanning more than f64's range around 1 are kept
    let mut mat = Mat::from_fn(n, n, |i, j| a[i * n + j]);
    let k = exponents(&balance(&mut mat, BalanceParams::default()));
    let scale = scale_for_max(mat.col_iter().flat_map(|c| c.iter().map(|v| v.abs())).fold(0.0, f64::max));
    mat.col_iter_mut().for_each(|c| c.iter_mut().for_each(|v| *v *= scale));
    let mut s_re = Diag::<f64>::zeros(n);
    let mut s_im = Diag::<f64>::zeros(n);
    let mut basis = if want_vectors { Some(Mat::<f64>::zeros(n, n)) } else { None };
    let compute = if want_vectors { ComputeEigenvectors::Yes } else { ComputeEigenvectors::No };
    let req = evd_scratch::<f64>(n, ComputeEigenvectors::No, compute, Par::Seq, Default::default());
    let mut mem = MemBuffer::try_new(req).map_err(|_| CoreError::OutOfMemory { what: WHAT, bytes: req.size_bytes() as u128 })?;
    evd_real(
        mat.as_ref(),
        s_re.as_mut(),
        s_im.as_mut(),
        None,
        basis.as_mut().map(|b| b.as_mut()),
        Par::Seq,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(|e| match e {
        EvdError::NoConvergence => CoreError::NoConvergence { what: WHAT, iterations: 30 * n.max(10) },
    })?;
    drop(mem);

    let re: Vec<f64> = s_re.column_vector().iter().map(|v| v / scale).collect();
    let im: Vec<f64> = s_im.column_vector().iter().map(|v| v / scale).collect();
    check_result(WHAT, &re)?;
    check_result(WHAT, &im)?;

    // faer does not report a Schur iteration that ran out of sweeps; the trace is a cheap a-posteriori check
    // (the sum of eigenvalues is well conditioned even when single eigenvalues are not).
    let trace: f64 = (0..n).map(|i| a[i * n + i] * scale).sum();
    let sum: f64 = re.iter().map(|v| v * scale).sum();
    let fro = a.iter().map(|v| (v * scale) * (v * scale)).sum::<f64>().sqrt();
    if (sum - trace).abs() > 1e-10 * (n as f64) * fro.max(f64::MIN_POSITIVE) {
        return Err(CoreError::NoConvergence { what: WHAT, iterations: 30 * n.max(10) });
    }
    if want_vectors && pair_solve_is_fragile(&re, &im, &mat, scale) {
        return eig_via_complex_schur(&mat, n, scale, &k, opts);
    }
    drop(mat);

    // Group into blocks; make the first of each pair the one with positive imaginary part.
    let mut blocks = Vec::with_capacity(n);
    let mut j = 0;
    while j < n {
        let pair = im[j] != 0.0 && j + 1 < n;
        blocks.push(Block { col: j, pair, magnitude: re[j].hypot(im[j]) });
        j += if pair { 2 } else { 1 };
    }
    // Stable sort, largest |λ| first.
    blocks.sort_by(|x, y| y.magnitude.total_cmp(&x.magnitude));

    let mut out = EigGeneral { n, vectors_condition: f64::NAN, ..Default::default() };
    out.values_re = zeros(WHAT, n)?;
    out.values_im = zeros(WHAT, n)?;
    let mut p = 0;
    for b in &blocks {
        let flip = b.pair && im[b.col] < 0.0;
        out.values_re[p] = re[b.col];
        out.values_im[p] = if flip { -im[b.col] } else { im[b.col] };
        if b.pair {
            out.values_re[p + 1] = re[b.col];
            out.values_im[p + 1] = -out.values_im[p];
            p += 2;
        } else {
            p += 1;
        }
    }
    let Some(mut basis) = basis else { return Ok(out) };

    // Real basis W in sorted order, each block normalised to unit norm (pair: ‖Re v‖² + ‖Im v‖² = 1).
    let mut w = Mat::<f64>::zeros(n, n);
    let mut p = 0;
    for b in &blocks {
        let flip = b.pair && im[b.col] < 0.0;
        let cols = if b.pair { 2 } else { 1 };
        // eigenvectors of D⁻¹AD → of A: v ← D·v
        let entries = (0..cols).flat_map(|c| basis.col(b.col + c).iter().map(|v| v.abs()).enumerate().collect::<Vec<_>>());
        if let Some(f) = unbalance_factors(&k, entries) {
            for c in 0..cols {
                basis.col_mut(b.col + c).iter_mut().zip(&f).for_each(|(v, f)| *v *= f);
            }
        }
        // divided by its largest entry first, so that the sum of squares cannot overflow: a vector of a
        // (nearly) defective matrix can have entries near the top of the f64 range, and 1/√∞ = 0 would
        // silently turn it into a zero column
        let big = (0..cols).flat_map(|c| basis.col(b.col + c).iter().map(|v| v.abs())).fold(0.0, f64::max);
        let big = if big > 0.0 && big.is_finite() { big } else { 1.0 };
        let mut norm2 = 0.0;
        for c in 0..cols {
            norm2 += basis.col(b.col + c).iter().map(|v| (v / big) * (v / big)).sum::<f64>();
        }
        if !(norm2 > 0.0) {
            // an eigenvector is never zero: a degenerate Schur block (see the lahqr_schur22 patch) must not
            // pass silently
            return Err(CoreError::Internal { what: WHAT, detail: format!("eigenvector {p} came out zero (degenerate 2×2 Schur block)") });
        }
        let norm = norm2.sqrt();
        for c in 0..cols {
            let sign = if flip && c == 1 { -1.0 } else { 1.0 };
            let src = basis.col(b.col + c);
            let mut dst = w.col_mut(p + c);
            for i in 0..n {
                dst[i] = sign * ((src[i] / big) / norm);
            }
        }
        p += cols;
    }
    drop(basis);
    if !w.col_iter().all(|c| c.iter().all(|v| v.is_finite())) {
        // the eigenvalues were finite (checked above): the back-substitution overflowed
        return Err(CoreError::EigenvectorOverflow { what: WHAT });
    }

    let pairs: Vec<(usize, bool)> = {
        let mut v = Vec::with_capacity(blocks.len());
        let mut p = 0;
        for b in &blocks {
            v.push((p, b.pair));
            p += if b.pair { 2 } else { 1 };
        }
        v
    };

    if opts.vectors {
        out.vectors_re = zeros(WHAT, n * n)?;
        out.vectors_im = zeros(WHAT, n * n)?;
        for &(p, pair) in &pairs {
            let a_col = w.col(p);
            if pair {
                let b_col = w.col(p + 1);
                for i in 0..n {
                    out.vectors_re[i * n + p] = a_col[i];
                    out.vectors_re[i * n + p + 1] = a_col[i];
                    out.vectors_im[i * n + p] = b_col[i];
                    out.vectors_im[i * n + p + 1] = -b_col[i];
                }
            } else {
                for i in 0..n {
                    out.vectors_re[i * n + p] = a_col[i];
                }
            }
        }
    }

    if opts.inverse {
        // inverted through the LU of Wᵀ: an LU inverse has a small residual on the side of its factorisation,
        // so (Wᵀ)⁻¹ transposed gives a small ‖W⁻¹W − I‖ — the identity V⁻¹V = I this function promises — where
        // W's own LU left it ~cond²·ε for nearly defective matrices (1e2 at cond 1e11)
        let winv = w.transpose().to_owned().partial_piv_lu().inverse().transpose().to_owned();
        let norm1 = |m: &Mat<f64>| m.col_iter().map(|c| c.iter().map(|v| v.abs()).sum::<f64>()).fold(0.0, f64::max);
        let cond = norm1(&w) * norm1(&winv);
        let finite = winv.col_iter().all(|c| c.iter().all(|v| v.is_finite()));
        // beyond cond·ε > ½ the inverse carries no correct digit (exactly defective A: V singular in theory)
        if !finite || !cond.is_finite() || cond * f64::EPSILON > 0.5 {
            out.vectors_condition = f64::INFINITY;
            return Ok(out);
        }
        out.vectors_condition = cond;
        drop(w);
        out.inverse_re = zeros(WHAT, n * n)?;
        out.inverse_im = zeros(WHAT, n * n)?;
        // V = W·T with T = [[1, 1], [i, −i]] per pair, so V⁻¹ = T⁻¹W⁻¹, T⁻¹ = ½[[1, −i], [1, i]].
        crate::dense::write_row_major(winv.as_ref(), &mut out.inverse_re);
        for &(p, pair) in &pairs {
            if !pair {
                continue;
            }
            for j in 0..n {
                let wk = out.inverse_re[p * n + j];
                let wk1 = out.inverse_re[(p + 1) * n + j];
                out.inverse_re[p * n + j] = 0.5 * wk;
                out.inverse_re[(p + 1) * n + j] = 0.5 * wk;
                out.inverse_im[p * n + j] = -0.5 * wk1;
                out.inverse_im[(p + 1) * n + j] = 0.5 * wk1;
            }
        }
    }
    Ok(out)
}

/// faer's real-Schur eigenvector solver (0.24) perturbs a 2×2-block pivot when its *determinant*
/// (μ − λ)(μ̄ − λ) falls below ε·‖T‖, a threshold meant for a single pivot: two complex pairs closer
/// than ≈ √(ε‖T‖) then get wrong eigenvectors (residual ~ their distance; found by our clustered-eigenvalue
/// test, where LAPACK is exact). This detects the case from the eigenvalues alone, with an upper bound
/// of ‖T‖₁,₁ (Cauchy–Schwarz over the quasi-triangular support), so the caller can use the complex
/// Schur route, which solves 1×1 pivots only.
fn pair_solve_is_fragile(re: &[f64], im: &[f64], balanced: &Mat<f64>, scale: f64) -> bool {
    let n = balanced.nrows();
    // the Schur form is that of the balanced matrix: its norm sets the threshold
    let fro = balanced.norm_l2();
    let support = (n * (n + 1) / 2 + n.saturating_sub(1)) as f64;
    let threshold = 16.0 * f64::EPSILON * support.sqrt() * fro;
    let pairs: Vec<(f64, f64)> =
        (0..n).filter(|&k| im[k] > 0.0).map(|k| (re[k] * scale, im[k] * scale)).collect();
    for (i, &(lr, li)) in pairs.iter().enumerate() {
        for &(mr, mi) in &pairs[i + 1..] {
            let d1 = (lr - mr).hypot(li - mi);
            let d2 = (lr - mr).hypot(li + mi);
            if d1 * d2 < threshold {
                return true;
            }
        }
    }
    false
}

/// Eigendecomposition through faer's complex Schur route (1×1 pivots): slower (complex arithmetic) but
/// exact for clustered complex pairs. Same output conventions as [`eig_general`].
fn eig_via_complex_schur(balanced: &Mat<f64>, n: usize, scale: f64, k: &[i32], opts: EigOptions) -> Result<EigGeneral, CoreError> {
    const WHAT: &str = "eigGeneral";
    check_workspace(WHAT, 16 * (n as u128) * (n as u128))?;
    // the real route's balanced and scaled matrix (k: log₂ of its balancing factors)
    let mat = Mat::<c64>::from_fn(n, n, |i, j| c64::new(balanced[(i, j)], 0.0));
    let mut s = Diag::<c64>::zeros(n);
    let mut u = Mat::<c64>::zeros(n, n);
    let req = evd_scratch::<c64>(n, ComputeEigenvectors::No, ComputeEigenvectors::Yes, Par::Seq, Default::default());
    let mut mem = MemBuffer::try_new(req).map_err(|_| CoreError::OutOfMemory { what: WHAT, bytes: req.size_bytes() as u128 })?;
    evd_cplx(mat.as_ref(), s.as_mut(), None, Some(u.as_mut()), Par::Seq, MemStack::new(&mut mem), Default::default())
        .map_err(|_| CoreError::NoConvergence { what: WHAT, iterations: 30 * n.max(10) })?;
    drop(mem);
    drop(mat);
    // The complex route does not know A is real: restore the real-matrix contract. Eigenvalues with
    // |Im λ| ≤ tol are real (Im set to 0, vector rotated to be real); each λ with Im λ > tol is paired with
    // λ̄, whose vector is taken as the conjugate (A v̄ = λ̄ v̄ for real A), and the pair sits in adjacent
    // slots, +Im first. Should the upper and lower halves not match, the order is left as computed.
    let fro = balanced.norm_l2();
    let tol = 64.0 * f64::EPSILON * fro.max(f64::MIN_POSITIVE) * (n as f64).sqrt();
    let scaled: Vec<c64> = s.column_vector().iter().copied().collect();
    let upper: Vec<usize> = (0..n).filter(|&k| scaled[k].im > tol).collect();
    let lower = (0..n).filter(|&k| scaled[k].im < -tol).count();
    // (eigenvalue index, conjugate of its vector?)
    let mut slots: Vec<(usize, bool)> = Vec::with_capacity(n);
    let realify = upper.len() == lower;
    if realify {
        let mut blocks: Vec<usize> = (0..n).filter(|&k| scaled[k].im.abs() <= tol || scaled[k].im > tol).collect();
        blocks.sort_by(|&x, &y| scaled[y].norm().total_cmp(&scaled[x].norm()));
        for k in blocks {
            slots.push((k, false));
            if scaled[k].im > tol {
                slots.push((k, true));
            }
        }
    } else {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&x, &y| scaled[y].norm().total_cmp(&scaled[x].norm()).then(scaled[y].im.total_cmp(&scaled[x].im)));
        slots.extend(order.into_iter().map(|k| (k, false)));
    }
    let mut out = EigGeneral { n, vectors_condition: f64::NAN, ..Default::default() };
    for &(k, conj) in &slots {
        let z = scaled[k];
        let real = realify && z.im.abs() <= tol;
        out.values_re.push(z.re / scale);
        out.values_im.push(if real { 0.0 } else if conj { -z.im / scale } else { z.im / scale });
    }
    check_result(WHAT, &out.values_re)?;
    check_result(WHAT, &out.values_im)?;
    let mut v = Mat::<c64>::zeros(n, n);
    for (p, &(idx, conj)) in slots.iter().enumerate() {
        let src = u.col(idx);
        let mut col: Vec<c64> = src.iter().map(|z| if conj { z.conj() } else { *z }).collect();
        if let Some(f) = unbalance_factors(k, col.iter().map(|z| z.re.abs().max(z.im.abs())).enumerate()) {
            col.iter_mut().zip(&f).for_each(|(z, f)| *z *= *f);
        }
        if realify && scaled[idx].im.abs() <= tol {
            // rotate so the largest component is real and positive, then keep the real part (or the
            // imaginary part, should the real one vanish: for a repeated real λ any real combination is fine)
            let big = col.iter().copied().max_by(|x, y| x.norm().total_cmp(&y.norm())).unwrap_or(c64::new(1.0, 0.0));
            let phase = if big.norm() > 0.0 { big.conj() * (1.0 / big.norm()) } else { c64::new(1.0, 0.0) };
            let rotated: Vec<c64> = col.iter().map(|z| *z * phase).collect();
            let re_norm = rotated.iter().map(|z| z.re * z.re).sum::<f64>();
            let im_norm = rotated.iter().map(|z| z.im * z.im).sum::<f64>();
            col = rotated.iter().map(|z| c64::new(if re_norm >= im_norm { z.re } else { z.im }, 0.0)).collect();
        }
        // divided by the largest modulus first, so that the sum of squares cannot overflow (as in eig_general)
        let big = col.iter().map(|z| z.norm()).fold(0.0, f64::max);
        let big = if big > 0.0 && big.is_finite() { big } else { 1.0 };
        let norm = col.iter().map(|z| (*z / big).norm_sqr()).sum::<f64>().sqrt();
        if !(norm > 0.0) {
            return Err(CoreError::Internal { what: WHAT, detail: format!("eigenvector {p} came out zero") });
        }
        let mut dst = v.col_mut(p);
        for i in 0..n {
            dst[i] = (col[i] / big) / norm;
        }
    }
    drop(u);
    if !v.col_iter().all(|c| c.iter().all(|z| z.re.is_finite() && z.im.is_finite())) {
        return Err(CoreError::EigenvectorOverflow { what: WHAT });
    }
    let split = |m: &Mat<c64>, re: &mut Vec<f64>, im: &mut Vec<f64>| -> Result<(), CoreError> {
        *re = zeros(WHAT, n * n)?;
        *im = zeros(WHAT, n * n)?;
        for j in 0..n {
            let col = m.col(j);
            for i in 0..n {
                re[i * n + j] = col[i].re;
                im[i * n + j] = col[i].im;
            }
        }
        Ok(())
    };
    if opts.vectors {
        split(&v, &mut out.vectors_re, &mut out.vectors_im)?;
    }
    if opts.inverse {
        // through the LU of Vᵀ, for a small ‖V⁻¹V − I‖ (as in eig_general)
        let vinv = v.transpose().to_owned().partial_piv_lu().inverse().transpose().to_owned();
        let norm1 = |m: &Mat<c64>| m.col_iter().map(|c| c.iter().map(|z| z.norm()).sum::<f64>()).fold(0.0, f64::max);
        let cond = norm1(&v) * norm1(&vinv);
        let finite = vinv.col_iter().all(|c| c.iter().all(|z| z.re.is_finite() && z.im.is_finite()));
        // beyond cond·ε > ½ the inverse carries no correct digit (exactly defective A: V singular in theory)
        if !finite || !cond.is_finite() || cond * f64::EPSILON > 0.5 {
            out.vectors_condition = f64::INFINITY;
            return Ok(out);
        }
        out.vectors_condition = cond;
        split(&vinv, &mut out.inverse_re, &mut out.inverse_im)?;
    }
    Ok(out)
}
