//! Dense row-major matrix product (faer's blocked GEMM, single-threaded).

use crate::error::{check_matrix, check_result, check_workspace, zeros, CoreError};
use faer::linalg::matmul::matmul as gemm;
use faer::{Accum, MatMut, MatRef, Par};

/// C = A·B for row-major A (m×k) and B (k×n); returns C (m×n), row-major.
pub fn matmul(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Result<Vec<f64>, CoreError> {
    check_matrix("matmul: A", a, m, k)?;
    check_matrix("matmul: B", b, k, n)?;
    // the inputs' copies in WebAssembly memory count too
    check_workspace("matmul", (m as u128) * (k as u128) + (k as u128) * (n as u128) + (m as u128) * (n as u128))?;
    let mut c = zeros("matmul: C", m * n)?;
    // A row-major buffer is the column-major buffer of the transpose: Cᵀ = Bᵀ·Aᵀ, all column-major.
    let at = MatRef::from_column_major_slice(a, k, m);
    let bt = MatRef::from_column_major_slice(b, n, k);
    let ct = MatMut::from_column_major_slice_mut(&mut c, n, m);
    gemm(ct, Accum::Replace, bt, at, 1.0, Par::Seq);
    check_result("matmul", &c)?;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_product() {
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]; // 2×3
        let b = [7.0, 8.0, 9.0, 10.0, 11.0, 12.0]; // 3×2
        assert_eq!(matmul(&a, &b, 2, 3, 2).unwrap(), vec![58.0, 64.0, 139.0, 154.0]);
    }

    #[test]
    fn matches_naive_product_on_odd_sizes() {
        let (m, k, n) = (37, 53, 29);
        let a: Vec<f64> = (0..m * k).map(|i| ((i * 7919) % 101) as f64 / 50.0 - 1.0).collect();
        let b: Vec<f64> = (0..k * n).map(|i| ((i * 104729) % 97) as f64 / 48.0 - 1.0).collect();
        let c = matmul(&a, &b, m, k, n).unwrap();
        for i in 0..m {
            for j in 0..n {
                let want: f64 = (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum();
                assert!((c[i * n + j] - want).abs() < 1e-12 * (1.0 + want.abs()));
            }
        }
    }

    #[test]
    fn rejects_bad_shapes_and_nan() {
        assert!(matches!(matmul(&[1.0; 5], &[1.0; 6], 2, 3, 2), Err(CoreError::ShapeMismatch { .. })));
        assert!(matches!(matmul(&[f64::NAN; 6], &[1.0; 6], 2, 3, 2), Err(CoreError::NonFinite { .. })));
        assert!(matches!(matmul(&[], &[], 0, 3, 2), Err(CoreError::InvalidDimension { .. })));
        assert!(matches!(matmul(&[1e300; 4], &[1e300; 4], 2, 2, 2), Err(CoreError::Overflow { .. })));
    }
}
