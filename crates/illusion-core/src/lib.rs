//! Numerical core of illusion-lab.
//!
//! Conventions: matrices are dense, row-major `f64` slices (`a[i * cols + j]`); images are RGB,
//! interleaved HWC, flat index `(y * W + x) * 3 + c`, values in [0, 1].
//! Every fallible function returns [`CoreError`] instead of panicking, so a caller across the WASM
//! boundary gets a message rather than a trap.

pub mod error;
pub mod matrix;

pub use error::CoreError;
