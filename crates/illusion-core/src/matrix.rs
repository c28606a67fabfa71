//! Dense row-major matrix product.

use crate::error::{check_matrix, CoreError};

/// C = A·B for row-major A (m×k) and B (k×n); returns C (m×n).
pub fn matmul(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Result<Vec<f64>, CoreError> {
    check_matrix("matmul: A", a, m, k)?;
    check_matrix("matmul: B", b, k, n)?;
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        let ci = &mut c[i * n..(i + 1) * n];
        for p in 0..k {
            let aip = a[i * k + p];
            let bp = &b[p * n..(p + 1) * n];
            for (cij, bpj) in ci.iter_mut().zip(bp) {
                *cij += aip * bpj;
            }
        }
    }
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
    fn rejects_bad_shapes_and_nan() {
        assert!(matches!(matmul(&[1.0; 5], &[1.0; 6], 2, 3, 2), Err(CoreError::ShapeMismatch { .. })));
        assert!(matches!(matmul(&[f64::NAN; 6], &[1.0; 6], 2, 3, 2), Err(CoreError::NonFinite { .. })));
        assert!(matches!(matmul(&[], &[], 0, 3, 2), Err(CoreError::InvalidDimension { .. })));
    }
}
