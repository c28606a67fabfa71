//! wasm-bindgen bindings of illusion-core. Every export validates through the core and returns a
//! JS `Error` with the core's message on bad input, never a trap. Operations with several outputs
//! return an [`Outputs`]: named f64 arrays (copied out by JS through `address` and `length`) and named scalars.

use illusion_core::colour::{self, Space};
use illusion_core::csf::{self, CsfModel};
use illusion_core::eig::{eig_general as core_eig, EigOptions};
use illusion_core::fft::{self, Stack};
use illusion_core::radial::{self, RadialOptions};
use illusion_core::{eigh, svd as core_svd, CoreError};
use wasm_bindgen::prelude::*;

fn js_err(e: CoreError) -> JsError {
    JsError::new(&e.to_string())
}

/// Named outputs of one core call.
#[wasm_bindgen]
#[derive(Default)]
pub struct Outputs {
    arrays: Vec<(&'static str, Vec<f64>)>,
    scalars: Vec<(&'static str, f64)>,
}

impl Outputs {
    /// A single array, named "data".
    fn one(data: Vec<f64>) -> Outputs {
        Outputs { arrays: vec![("data", data)], scalars: vec![] }
    }
}

#[wasm_bindgen]
impl Outputs {
    /// Address in WebAssembly memory of the array called `name` (0 if absent), for a copy made by JS
    /// (ts/core/outputs.ts): `new Float64Array(n).set(view)` is several times faster in V8 than the
    /// `slice()` wasm-bindgen uses to return a `Vec<f64>`.
    pub fn address(&self, name: &str) -> usize {
        self.arrays.iter().find(|(n, _)| *n == name).map_or(0, |(_, v)| v.as_ptr() as usize)
    }

    /// Length of the array called `name` (0 if absent).
    pub fn length(&self, name: &str) -> usize {
        self.arrays.iter().find(|(n, _)| *n == name).map_or(0, |(_, v)| v.len())
    }

    /// The scalar called `name` (NaN if absent).
    pub fn scalar(&self, name: &str) -> f64 {
        self.scalars.iter().find(|(n, _)| *n == name).map_or(f64::NAN, |(_, v)| *v)
    }
}

/// Version of the core crate, to check that JS and WASM agree.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// C = A·B, row-major; A is m×k, B is k×n.
#[wasm_bindgen]
pub fn matmul(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Result<Outputs, JsError> {
    illusion_core::matrix::matmul(a, b, m, k, n).map(Outputs::one).map_err(js_err)
}

/// General eigendecomposition (see illusion_core::eig): valuesRe/Im, vectorsRe/Im, inverseRe/Im, vectorsCondition.
#[wasm_bindgen(js_name = eigGeneral)]
pub fn eig_general(a: &[f64], n: usize, vectors: bool, inverse: bool) -> Result<Outputs, JsError> {
    let e = core_eig(a, n, EigOptions { vectors, inverse }).map_err(js_err)?;
    Ok(Outputs {
        arrays: vec![
            ("valuesRe", e.values_re),
            ("valuesIm", e.values_im),
            ("vectorsRe", e.vectors_re),
            ("vectorsIm", e.vectors_im),
            ("inverseRe", e.inverse_re),
            ("inverseIm", e.inverse_im),
        ],
        scalars: vec![("vectorsCondition", e.vectors_condition)],
    })
}

/// Symmetric eigendecomposition: values (ascending), vectors (columns).
#[wasm_bindgen(js_name = eigSymmetric)]
pub fn eig_symmetric(a: &[f64], n: usize, vectors: bool) -> Result<Outputs, JsError> {
    let e = eigh::eig_symmetric(a, n, vectors).map_err(js_err)?;
    Ok(Outputs { arrays: vec![("values", e.values), ("vectors", e.vectors)], scalars: vec![] })
}

/// Thin SVD: u (m×k), s (k), vt (k×n).
#[wasm_bindgen]
pub fn svd(a: &[f64], m: usize, n: usize) -> Result<Outputs, JsError> {
    let s = core_svd::svd(a, m, n).map_err(js_err)?;
    Ok(Outputs { arrays: vec![("u", s.u), ("s", s.s), ("vt", s.vt)], scalars: vec![] })
}

/// Pseudo-inverse (n×m) with relative tolerance rtol (default max(m, n)·ε): pinv, s, rank.
#[wasm_bindgen]
pub fn pinv(a: &[f64], m: usize, n: usize, rtol: Option<f64>) -> Result<Outputs, JsError> {
    let p = core_svd::pinv(a, m, n, rtol).map_err(js_err)?;
    Ok(Outputs { arrays: vec![("pinv", p.pinv), ("s", p.s)], scalars: vec![("rank", p.rank as f64)] })
}

/// Minimum-norm least squares X (n×p) of A X ≈ B: x, s, rank.
#[wasm_bindgen]
pub fn lstsq(a: &[f64], b: &[f64], m: usize, n: usize, p: usize, rtol: Option<f64>) -> Result<Outputs, JsError> {
    let x = core_svd::lstsq(a, b, m, n, p, rtol).map_err(js_err)?;
    Ok(Outputs { arrays: vec![("x", x.x), ("s", x.s)], scalars: vec![("rank", x.rank as f64)] })
}

fn stack(batch: usize, height: usize, width: usize, channels: usize) -> Stack {
    Stack { batch, height, width, channels }
}

/// 2D FFT (or inverse) of a stack of HWC images: re, im.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn fft2(
    re: &[f64],
    im: Option<Vec<f64>>,
    batch: usize,
    height: usize,
    width: usize,
    channels: usize,
    inverse: bool,
) -> Result<Outputs, JsError> {
    let (r, i) = fft::fft2(re, im.as_deref(), stack(batch, height, width, channels), inverse).map_err(js_err)?;
    Ok(Outputs { arrays: vec![("re", r), ("im", i)], scalars: vec![] })
}

/// |FFT2|² of a stack of real HWC images.
#[wasm_bindgen]
pub fn power2(data: &[f64], batch: usize, height: usize, width: usize, channels: usize) -> Result<Outputs, JsError> {
    fft::power2(data, stack(batch, height, width, channels)).map(Outputs::one).map_err(js_err)
}

/// fftshift (or ifftshift) over the spatial axes of a stack of HWC arrays.
#[wasm_bindgen]
pub fn fftshift(data: &[f64], batch: usize, height: usize, width: usize, channels: usize, inverse: bool) -> Result<Outputs, JsError> {
    fft::fftshift(data, stack(batch, height, width, channels), inverse).map(Outputs::one).map_err(js_err)
}

/// Radial average of unshifted power spectra: frequency, count, mean; bins.
#[wasm_bindgen(js_name = radialAverage)]
#[allow(clippy::too_many_arguments)]
pub fn radial_average(
    power: &[f64],
    batch: usize,
    height: usize,
    width: usize,
    channels: usize,
    bin_width: Option<f64>,
    max_frequency: Option<f64>,
) -> Result<Outputs, JsError> {
    let r = radial::radial_average(power, stack(batch, height, width, channels), RadialOptions { bin_width, max_frequency })
        .map_err(js_err)?;
    Ok(Outputs {
        arrays: vec![("frequency", r.frequency), ("count", r.count), ("mean", r.mean)],
        scalars: vec![("bins", r.bins as f64)],
    })
}

/// Convert a flat list of 3-vectors between colour spaces (names: see illusion_core::colour).
#[wasm_bindgen(js_name = convertColour)]
pub fn convert_colour(data: &[f64], from: &str, to: &str) -> Result<Vec<f64>, JsError> {
    let f = Space::parse(from).map_err(js_err)?;
    let t = Space::parse(to).map_err(js_err)?;
    colour::convert_colour(data, f, t).map_err(js_err)
}

/// The 3×3 matrix (row-major) between two colour spaces that are linear in linear RGB.
#[wasm_bindgen(js_name = colourMatrix)]
pub fn colour_matrix(from: &str, to: &str) -> Result<Vec<f64>, JsError> {
    let f = Space::parse(from).map_err(js_err)?;
    let t = Space::parse(to).map_err(js_err)?;
    let m = colour::colour_matrix(f, t).map_err(js_err)?;
    Ok(m.iter().flatten().copied().collect())
}

/// A radial human CSF model at frequencies f (cycles/degree).
#[wasm_bindgen]
pub fn csf(model: &str, f: &[f64]) -> Result<Vec<f64>, JsError> {
    let m = CsfModel::parse(model).map_err(js_err)?;
    csf::csf(m, f).map_err(js_err)
}

/// The SSO with its oblique factor at 2D frequencies (cycles/degree).
#[wasm_bindgen(js_name = csfSso2d)]
pub fn csf_sso_2d(fx: &[f64], fy: &[f64]) -> Result<Vec<f64>, JsError> {
    csf::csf_sso_2d(fx, fy).map_err(js_err)
}
