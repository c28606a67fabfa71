//! Conversions between the core's row-major `f64` slices and faer's column-major matrices.

use faer::{Mat, MatRef};

/// Copy a row-major `rows×cols` slice into a (column-major) faer matrix.
pub fn to_faer(a: &[f64], rows: usize, cols: usize) -> Mat<f64> {
    Mat::from_fn(rows, cols, |i, j| a[i * cols + j])
}

/// Copy a faer matrix into `out` in row-major order (`out.len() == rows * cols`), in cache-friendly tiles.
pub fn write_row_major(a: MatRef<'_, f64>, out: &mut [f64]) {
    let (rows, cols) = (a.nrows(), a.ncols());
    debug_assert_eq!(out.len(), rows * cols);
    const TILE: usize = 64;
    for j0 in (0..cols).step_by(TILE) {
        let j1 = (j0 + TILE).min(cols);
        for i0 in (0..rows).step_by(TILE) {
            let i1 = (i0 + TILE).min(rows);
            for j in j0..j1 {
                let col = a.col(j);
                for i in i0..i1 {
                    out[i * cols + j] = col[i];
                }
            }
        }
    }
}

/// A faer matrix as a new row-major vector.
pub fn from_faer(a: MatRef<'_, f64>) -> Vec<f64> {
    let mut out = vec![0.0; a.nrows() * a.ncols()];
    write_row_major(a, &mut out);
    out
}

/// Largest absolute entry (0 for an empty slice).
pub fn max_abs(a: &[f64]) -> f64 {
    a.iter().fold(0.0f64, |m, v| m.max(v.abs()))
}

/// The power of two nearest to 1/max|a| (exact scaling that brings the largest entry near 1), or 1 for zero.
pub fn scale_for(a: &[f64]) -> f64 {
    scale_for_max(max_abs(a))
}

/// [`scale_for`] given the largest magnitude m of the data.
pub fn scale_for_max(m: f64) -> f64 {
    if m == 0.0 {
        return 1.0;
    }
    // clamped so that the scale itself is a normal power of two (2^±1024 would be ∞ or 0): entries near
    // f64::MAX still end up ≈ 16, subnormal ones ≥ 2⁻⁵⁴
    2f64.powi(-(m.log2().round() as i32).clamp(-1020, 1020))
}
