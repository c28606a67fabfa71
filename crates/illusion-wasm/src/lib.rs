//! wasm-bindgen bindings of illusion-core. Every export validates through the core and returns a
//! JS `Error` with the core's message on bad input, never a trap.

use illusion_core::CoreError;
use wasm_bindgen::prelude::*;

fn js_err(e: CoreError) -> JsError {
    JsError::new(&e.to_string())
}

/// Version of the core crate, to check that JS and WASM agree.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// C = A·B, row-major; A is m×k, B is k×n.
#[wasm_bindgen]
pub fn matmul(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Result<Vec<f64>, JsError> {
    illusion_core::matrix::matmul(a, b, m, k, n).map_err(js_err)
}
