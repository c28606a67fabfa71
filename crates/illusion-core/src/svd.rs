//! Thin singular value decomposition A = U Σ Vᵀ (faer: bidiagonalisation, divide and conquer), the
//! Moore–Penrose pseudo-inverse and minimum-norm least squares built on it.
//! For A m×n and k = min(m, n): `u` m×k, `s` (k, descending, ≥ 0), `vt` k×n; all row-major.

use crate::dense::{scale_for, to_faer, write_row_major};
use crate::error::{check_matrix, check_result, check_workspace, zeros, CoreError};
use faer::linalg::matmul::matmul as gemm;
use faer::{Accum, Mat, MatMut, MatRef, Par};

#[derive(Clone, Debug, Default)]
pub struct Svd {
    pub rows: usize,
    pub cols: usize,
    pub u: Vec<f64>,
    pub s: Vec<f64>,
    pub vt: Vec<f64>,
}

/// faer's thin SVD of the exactly rescaled matrix: (U m×k, σ, V n×k, scale).
fn thin(what: &'static str, a: &[f64], m: usize, n: usize) -> Result<(Mat<f64>, Vec<f64>, Mat<f64>, f64), CoreError> {
    let k = m.min(n) as u128;
    check_workspace(what, 3 * (m as u128) * (n as u128) + 2 * k * ((m + n) as u128) + k * k)?;
    let scale = scale_for(a);
    let mut mat = to_faer(a, m, n);
    if scale != 1.0 {
        for j in 0..n {
            for v in mat.col_mut(j).iter_mut() {
                *v *= scale;
            }
        }
    }
    let svd = mat.thin_svd().map_err(|_| CoreError::NoConvergence { what, iterations: 30 })?;
    let s: Vec<f64> = svd.S().column_vector().iter().map(|v| v / scale).collect();
    check_result(what, &s)?;
    Ok((svd.U().to_owned(), s, svd.V().to_owned(), scale))
}

pub fn svd(a: &[f64], m: usize, n: usize) -> Result<Svd, CoreError> {
    const WHAT: &str = "svd";
    check_matrix(WHAT, a, m, n)?;
    let (u, s, v, _) = thin(WHAT, a, m, n)?;
    let k = m.min(n);
    let mut out = Svd { rows: m, cols: n, u: zeros(WHAT, m * k)?, s, vt: zeros(WHAT, k * n)? };
    write_row_major(u.as_ref(), &mut out.u);
    write_row_major(v.as_ref().transpose(), &mut out.vt);
    check_result(WHAT, &out.u)?;
    check_result(WHAT, &out.vt)?;
    Ok(out)
}

/// Default relative tolerance of [`pinv`]: max(m, n)·ε (as numpy.linalg.matrix_rank and scipy.linalg.pinv).
pub fn default_rtol(m: usize, n: usize) -> f64 {
    m.max(n) as f64 * f64::EPSILON
}

#[derive(Clone, Debug, Default)]
pub struct Pinv {
    /// n×m row-major
    pub pinv: Vec<f64>,
    /// singular values kept (σ > rtol·σ_max)
    pub rank: usize,
    pub s: Vec<f64>,
}

fn check_rtol(what: &'static str, rtol: f64) -> Result<(), CoreError> {
    if !(rtol.is_finite() && rtol >= 0.0) {
        return Err(CoreError::InvalidOption { what, detail: format!("rtol must be a finite number ≥ 0, got {rtol}") });
    }
    Ok(())
}

/// Σ⁺ applied to the columns of V (n×k), keeping σ_i > rtol·σ_max: returns (V_r Σ_r⁻¹, r).
fn scaled_v(v: &Mat<f64>, s: &[f64], rtol: f64) -> (Mat<f64>, usize) {
    let smax = s.first().copied().unwrap_or(0.0);
    let r = s.iter().take_while(|&&x| x > rtol * smax && x > 0.0).count();
    let mut vr = v.as_ref().subcols(0, r).to_owned();
    for (j, sj) in s.iter().take(r).enumerate() {
        for x in vr.col_mut(j).iter_mut() {
            *x /= sj;
        }
    }
    (vr, r)
}

/// Moore–Penrose pseudo-inverse A⁺ (n×m) of A (m×n): singular values σ ≤ rtol·σ_max count as zero.
pub fn pinv(a: &[f64], m: usize, n: usize, rtol: Option<f64>) -> Result<Pinv, CoreError> {
    const WHAT: &str = "pinv";
    check_matrix(WHAT, a, m, n)?;
    let rtol = rtol.unwrap_or_else(|| default_rtol(m, n));
    check_rtol(WHAT, rtol)?;
    let (u, s, v, _) = thin(WHAT, a, m, n)?;
    let (vr, r) = scaled_v(&v, &s, rtol);
    let mut out = Pinv { pinv: zeros(WHAT, n * m)?, rank: r, s };
    // A⁺ (n×m, row-major) = its transpose (m×n) column-major: (A⁺)ᵀ = U_r (V_r Σ_r⁻¹)ᵀ.
    let dst = MatMut::from_column_major_slice_mut(&mut out.pinv, m, n);
    gemm(dst, Accum::Replace, u.as_ref().subcols(0, r), vr.as_ref().transpose(), 1.0, Par::Seq);
    check_result(WHAT, &out.pinv)?;
    Ok(out)
}

#[derive(Clone, Debug, Default)]
pub struct Lstsq {
    /// n×p row-major minimum-norm solution of min ‖A X − B‖_F
    pub x: Vec<f64>,
    pub rank: usize,
    pub s: Vec<f64>,
}

/// Minimum-norm least-squares solution X (n×p) of A X ≈ B, A m×n, B m×p (as numpy.linalg.lstsq, with
/// singular values ≤ rtol·σ_max treated as zero).
pub fn lstsq(a: &[f64], b: &[f64], m: usize, n: usize, p: usize, rtol: Option<f64>) -> Result<Lstsq, CoreError> {
    const WHAT: &str = "lstsq";
    check_matrix("lstsq: A", a, m, n)?;
    check_matrix("lstsq: B", b, m, p)?;
    let rtol = rtol.unwrap_or_else(|| default_rtol(m, n));
    check_rtol(WHAT, rtol)?;
    let (u, s, v, _) = thin(WHAT, a, m, n)?;
    let (vr, r) = scaled_v(&v, &s, rtol);
    // X = V_r Σ_r⁻¹ (U_rᵀ B); B row-major m×p is Bᵀ column-major p×m; compute Xᵀ = (Bᵀ U_r)(V_r Σ_r⁻¹)ᵀ.
    let bt = MatRef::from_column_major_slice(b, p, m);
    let mut t = Mat::<f64>::zeros(p, r);
    gemm(t.as_mut(), Accum::Replace, bt, u.as_ref().subcols(0, r), 1.0, Par::Seq);
    let mut out = Lstsq { x: zeros(WHAT, n * p)?, rank: r, s };
    let dst = MatMut::from_column_major_slice_mut(&mut out.x, p, n);
    gemm(dst, Accum::Replace, t.as_ref(), vr.as_ref().transpose(), 1.0, Par::Seq);
    check_result(WHAT, &out.x)?;
    Ok(out)
}
