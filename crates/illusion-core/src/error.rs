//! The one error type of the core: every public function validates its input and returns it.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum CoreError {
    /// A slice's length does not match the shape that was given.
    ShapeMismatch { what: &'static str, expected: usize, got: usize },
    /// A dimension is zero, or otherwise invalid for the operation.
    InvalidDimension { what: &'static str, detail: String },
    /// An input holds NaN or ±Inf.
    NonFinite { what: &'static str, index: usize },
    /// The request would need more memory than the core allows.
    TooLarge { what: &'static str, bytes: u128, limit: u128 },
    /// An allocation within the limit failed: WebAssembly memory (4 GiB at most) is taken by other data.
    OutOfMemory { what: &'static str, bytes: u128 },
    /// An iterative algorithm did not converge.
    NoConvergence { what: &'static str, iterations: usize },
    /// An option has a value outside its domain.
    InvalidOption { what: &'static str, detail: String },
    /// The result overflowed (input entries too large or too badly scaled for f64).
    Overflow { what: &'static str },
    /// Eigenvectors of a (nearly) defective matrix overflowed in back-substitution.
    EigenvectorOverflow { what: &'static str },
    /// A result failed an internal consistency check (a bug to report, never a silent wrong answer).
    Internal { what: &'static str, detail: String },
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreError::ShapeMismatch { what, expected, got } => {
                write!(f, "{what}: expected {expected} values, got {got}")
            }
            CoreError::InvalidDimension { what, detail } => write!(f, "{what}: {detail}"),
            CoreError::NonFinite { what, index } => {
                write!(f, "{what}: value at index {index} is NaN or infinite")
            }
            CoreError::TooLarge { what, bytes, limit } => {
                let (b, l) = (*bytes as f64 / 1048576.0, *limit as f64 / 1048576.0);
                if format!("{b:.1}") == format!("{l:.1}") {
                    write!(f, "{what}: would need {bytes} bytes of working memory, more than the limit of {limit} bytes")
                } else {
                    write!(f, "{what}: would need {b:.1} MiB of working memory, more than the limit of {l:.1} MiB")
                }
            }
            CoreError::OutOfMemory { what, bytes } => write!(
                f,
                "{what}: could not allocate {:.1} MiB (WebAssembly memory, 4 GiB at most, is taken by other data: \
                 free results you no longer need, or use a fresh worker)",
                *bytes as f64 / 1048576.0
            ),
            CoreError::NoConvergence { what, iterations } => {
                write!(f, "{what}: did not converge after {iterations} iterations")
            }
            CoreError::InvalidOption { what, detail } => write!(f, "{what}: {detail}"),
            CoreError::Overflow { what } => {
                write!(f, "{what}: the result is not finite (entries too large or too badly scaled for f64)")
            }
            CoreError::Internal { what, detail } => write!(f, "{what}: internal error, please report it: {detail}"),
            CoreError::EigenvectorOverflow { what } => write!(
                f,
                "{what}: the eigenvectors overflow f64: the matrix is defective or nearly so (a Jordan-like block, \
                 where back-substitution grows by about 1/ε per step); the eigenvalues alone \
                 ({{ vectors: false, inverse: false }}) can be computed"
            ),
        }
    }
}

impl std::error::Error for CoreError {}

/// Largest single allocation the core will attempt (bytes). wasm32 memory is at most 4 GiB.
pub const MAX_BYTES: u128 = 2 * 1024 * 1024 * 1024;

/// Check that `len == rows * cols`, both nonzero, all values finite, and the size is allocatable.
pub fn check_matrix(what: &'static str, a: &[f64], rows: usize, cols: usize) -> Result<(), CoreError> {
    if rows == 0 || cols == 0 {
        return Err(CoreError::InvalidDimension { what, detail: format!("size {rows}×{cols} has a zero dimension") });
    }
    let n = (rows as u128) * (cols as u128);
    if n * 8 > MAX_BYTES {
        return Err(CoreError::TooLarge { what, bytes: n * 8, limit: MAX_BYTES });
    }
    if a.len() as u128 != n {
        return Err(CoreError::ShapeMismatch { what, expected: n as usize, got: a.len() });
    }
    check_finite(what, a)
}

/// Check that an operation's working memory, `f64s` doubles in all, stays within [`MAX_BYTES`].
pub fn check_workspace(what: &'static str, f64s: u128) -> Result<(), CoreError> {
    let bytes = f64s.saturating_mul(8);
    if bytes > MAX_BYTES {
        return Err(CoreError::TooLarge { what, bytes, limit: MAX_BYTES });
    }
    Ok(())
}

/// A zeroed vector of `len` doubles, or TooLarge instead of an allocation abort.
pub fn zeros(what: &'static str, len: usize) -> Result<Vec<f64>, CoreError> {
    let mut v = Vec::new();
    v.try_reserve_exact(len).map_err(|_| CoreError::OutOfMemory { what, bytes: len as u128 * 8 })?;
    v.resize(len, 0.0);
    Ok(v)
}

/// Overflow error if any value of a result is NaN or infinite.
pub fn check_result(what: &'static str, a: &[f64]) -> Result<(), CoreError> {
    if a.iter().all(|v| v.is_finite()) { Ok(()) } else { Err(CoreError::Overflow { what }) }
}

/// The largest |value|, in the same pass that checks every value is finite (NonFinite at the first that is not).
pub fn finite_max_abs(what: &'static str, a: &[f64]) -> Result<f64, CoreError> {
    let mut max = 0.0f64;
    for (index, v) in a.iter().enumerate() {
        let x = v.abs();
        if !(x <= f64::MAX) {
            return Err(CoreError::NonFinite { what, index });
        }
        if x > max {
            max = x;
        }
    }
    Ok(max)
}

pub fn check_finite(what: &'static str, a: &[f64]) -> Result<(), CoreError> {
    match a.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(CoreError::NonFinite { what, index }),
        None => Ok(()),
    }
}
