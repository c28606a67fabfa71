//! Numerical core of illusion-lab.
//!
//! Conventions: matrices are dense, row-major `f64` slices (`a[i * cols + j]`); images are RGB,
//! interleaved HWC, flat index `(y * W + x) * 3 + c`, values in [0, 1].
//! Every fallible function returns [`CoreError`] instead of panicking, so a caller across the WASM
//! boundary gets a message rather than a trap.
//!
//! Linear algebra: faer (single-threaded; its SIMD backend `pulp` supports wasm simd128).
//! FFT: rustfft (with its `wasm_simd` feature on wasm32).

pub mod balance;
pub mod colour;
pub mod csf;
pub mod dense;
pub mod eig;
pub mod eigh;
pub mod error;
pub mod fft;
pub mod matrix;
pub mod radial;
pub mod svd;

pub use error::CoreError;
