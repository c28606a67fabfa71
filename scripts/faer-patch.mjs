// A WebAssembly-only fast path for faer's Euclidean norm, applied at build time to a copy of faer's crate
// source (the repository's Cargo.toml and Cargo.lock are never modified; see scripts/build-wasm.mjs).
//
// Why (measured, README "Numerical core → Speed"): faer's norm_l2 keeps three scaled accumulators per
// element (to avoid overflow and underflow) and recurses pairwise; in WASM that was 11 % of symmetric eig
// 256 (the divide-and-conquer normalises every eigenvector of each merge) and ≈ 6 % of eig 256 (Householder
// reflectors). The fast path sums x² once with two-lane SIMD and returns √s whenever s is finite and
// ≥ 1e-280 — then no term overflowed and the terms lost to underflow are below 1e-40 of s, so √s equals the
// robust norm to rounding; otherwise (overflow, tiny vectors, NaN) faer's own path runs unchanged. Gains:
// symmetric eig 256 −13 %, eig 256 −9 %, eigenvalues only −14 %.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FAER_VERSION = '0.24.4';

const edits = [
  {
    file: 'src/linalg/reductions/norm_l2.rs',
    sha256: '50293da9ed595b3d1e6aa1945b2e2c7a13a9f09036ee413bfade97827ec14e59',
    find: `pub fn norm_l2<T: ComplexField>(mat: MatRef<'_, T>) -> T::Real {
	let [acc_sml, acc_med, acc_big] = norm_l2_x3(mat);`,
    replace: `// illusion-lab (scripts/faer-patch.mjs): WebAssembly fast path for contiguous f64 columns.
#[cfg(target_arch = "wasm32")]
#[inline]
fn sum_squares_f64_wasm(x: &[f64]) -> f64 {
	use core::arch::wasm32::*;
	let mut a0 = f64x2_splat(0.0);
	let mut a1 = f64x2_splat(0.0);
	let chunks = x.chunks_exact(4);
	let tail = chunks.remainder();
	for c in chunks {
		let v0 = f64x2(c[0], c[1]);
		let v1 = f64x2(c[2], c[3]);
		a0 = f64x2_add(a0, f64x2_mul(v0, v0));
		a1 = f64x2_add(a1, f64x2_mul(v1, v1));
	}
	let a = f64x2_add(a0, a1);
	let mut s = f64x2_extract_lane::<0>(a) + f64x2_extract_lane::<1>(a);
	for v in tail {
		s += v * v;
	}
	s
}
pub fn norm_l2<T: ComplexField>(mat: MatRef<'_, T>) -> T::Real {
	#[cfg(target_arch = "wasm32")]
	if const { T::IS_NATIVE_F64 } && mat.ncols() == 1 && mat.row_stride() == 1 {
		let x: &[f64] = unsafe { core::slice::from_raw_parts(mat.as_ptr() as *const f64, mat.nrows()) };
		let s = sum_squares_f64_wasm(x);
		// no term overflowed and what underflow lost is below 1e-40 of s: the plain sum is the robust one
		if s.is_finite() && s >= 1.0e-280 {
			return unsafe { crate::hacks::coerce::<f64, T::Real>(s.sqrt()) };
		}
	}
	let [acc_sml, acc_med, acc_big] = norm_l2_x3(mat);`,
  },
  {
    // A path dependency is linted in full (registry crates are not): faer's 64-bit-only shifts in code
    // this build never reaches are deny-by-default errors on wasm32, and its warnings would flood the build log.
    file: 'src/lib.rs',
    sha256: 'a083697f01e2b01a5468a7eb4c9f4e609e6229ddb6aea55d8d908f99f9557658',
    find: '//! `faer` is a general-purpose linear algebra library',
    replace: '#![allow(warnings, arithmetic_overflow)]\n//! `faer` is a general-purpose linear algebra library',
  },
];

const patchHash = createHash('sha256').update(JSON.stringify(edits)).digest('hex');

/** Copies faer's source from `sourceDir` to `destDir` and applies the edits (kept when already done with
 *  this patch). Throws with one line when the source is not the expected faer release. */
export function patchFaer(sourceDir, destDir) {
  const stamp = join(destDir, '.illusion-lab-patch');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === patchHash) return;
  rmSync(destDir, { recursive: true, force: true });
  cpSync(sourceDir, destDir, { recursive: true });
  for (const e of edits) {
    const path = join(destDir, e.file);
    const text = readFileSync(path, 'utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    if (sha !== e.sha256) {
      throw new Error(`faer ${FAER_VERSION}'s ${e.file} is not the file scripts/faer-patch.mjs was written for (sha256 ${sha.slice(0, 12)}…): update the patch for this faer release`);
    }
    writeFileSync(path, text.replace(e.find, e.replace));
  }
  writeFileSync(stamp, patchHash + '\n');
}
