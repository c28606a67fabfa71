//! Symmetric eigendecomposition A = Q Λ Qᵀ (faer: tridiagonalisation, divide and conquer).
//! Eigenvalues ascending; column k of `vectors` (row-major n×n) is the unit eigenvector q_k; Q is orthogonal.

use crate::dense::{scale_for, write_row_major};
use crate::error::{check_matrix, check_result, check_workspace, zeros, CoreError};
use faer::linalg::evd::EvdError;
use faer::{Mat, Side};

#[derive(Clone, Debug, Default)]
pub struct EigSymmetric {
    pub n: usize,
    pub values: Vec<f64>,
    /// n×n row-major (column k = eigenvector k); empty when not requested
    pub vectors: Vec<f64>,
}

/// Relative tolerance on max|A − Aᵀ| / max|A| below which a matrix counts as symmetric.
pub const SYMMETRY_TOLERANCE: f64 = 1e-10;

pub fn eig_symmetric(a: &[f64], n: usize, vectors: bool) -> Result<EigSymmetric, CoreError> {
    const WHAT: &str = "eigSymmetric";
    check_matrix(WHAT, a, n, n)?;
    check_workspace(WHAT, 6 * (n as u128) * (n as u128))?;
    let scale = scale_for(a);
    let max = crate::dense::max_abs(a);
    let mut asym = 0.0f64;
    for i in 0..n {
        for j in 0..i {
            asym = asym.max((a[i * n + j] - a[j * n + i]).abs());
        }
    }
    if asym > SYMMETRY_TOLERANCE * max {
        return Err(CoreError::InvalidDimension {
            what: WHAT,
            detail: format!(
                "the matrix is not symmetric (max |A − Aᵀ| = {asym:.3e}, {:.1e} of max |A|); use eigGeneral, or symmetrise (A + Aᵀ)/2",
                asym / max
            ),
        });
    }
    let mat = Mat::from_fn(n, n, |i, j| a[i * n + j] * scale);
    let no_conv = |_: EvdError| CoreError::NoConvergence { what: WHAT, iterations: 30 };
    let mut out = EigSymmetric { n, ..Default::default() };
    if vectors {
        let evd = mat.self_adjoint_eigen(Side::Lower).map_err(no_conv)?;
        out.values = evd.S().column_vector().iter().map(|v| v / scale).collect();
        out.vectors = zeros(WHAT, n * n)?;
        write_row_major(evd.U(), &mut out.vectors);
        check_result(WHAT, &out.vectors)?;
    } else {
        out.values = mat.self_adjoint_eigenvalues(Side::Lower).map_err(no_conv)?.iter().map(|v| v / scale).collect();
    }
    check_result(WHAT, &out.values)?;
    Ok(out)
}
