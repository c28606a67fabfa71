// WebAssembly-only patches, applied at build time to copies of dependencies' crate sources (the
// repository's Cargo.toml and Cargo.lock are never modified; see scripts/build-wasm.mjs, which adds a
// [patch.crates-io] entry per patched crate to its shadow workspace). Native builds use the crates as published.
//
// faer — Euclidean norm. Why (measured, README "Numerical core → Speed"): faer's norm_l2 keeps three scaled
// accumulators per element (to avoid overflow and underflow) and recurses pairwise; in WASM that was 11 % of
// symmetric eig 256 (the divide-and-conquer normalises every eigenvector of each merge) and ≈ 6 % of eig 256
// (Householder reflectors). The fast path sums x² once with two-lane SIMD and returns √s whenever s is finite
// and ≥ 1e-280 — then no term overflowed and the terms lost to underflow are below 1e-40 of s, so √s equals
// the robust norm to rounding; otherwise (overflow, tiny vectors, NaN) faer's own path runs unchanged. Gains:
// symmetric eig 256 −13 %, eig 256 −9 %, eigenvalues only −14 %.
//
// gemm-f64 — f64 products. Why (measured, README "Numerical core → Speed"; same machine, A/B of the two
// builds): gemm's simd128 path ran 17.0 GFLOP/s at 256³, 19.9 at 768³ and 19–20 on the 64–96-deep shapes
// of eig/SVD at n = 256; crates/simd128-gemm (4×4 kernel, Goto packing) 21.8, 25.4 and 21–23; eig 256
// 38.4 → 31.6 ms. gemm's largest simd128 kernel is 6×4: 12 accumulators + 3 A vectors + a broadcast = 16
// live 128-bit values, one more than V8 allocates on x64. The patch routes gemm-f64's f64 entry point to
// crates/simd128-gemm (copied in as src/simd128_gemm.rs); everything else in gemm (complex types, native targets) is unchanged.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const faerEdits = [
  {
    file: 'src/linalg/reductions/norm_l2.rs',
    sha256: '50293da9ed595b3d1e6aa1945b2e2c7a13a9f09036ee413bfade97827ec14e59',
    find: `pub fn norm_l2<T: ComplexField>(mat: MatRef<'_, T>) -> T::Real {
	let [acc_sml, acc_med, acc_big] = norm_l2_x3(mat);`,
    replace: `// illusion-lab (scripts/wasm-patches.mjs): WebAssembly fast path for contiguous f64 columns.
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

const gemmF64Edits = [
  {
    file: 'src/gemm.rs',
    sha256: '322155f21a479925b0cac860381b6900f45a6cb313da87bb41ddf4929c406927',
    find: `pub mod f64 {
    type T = f64;
    gemm_common::gemm_def!(f64, 1);
}`,
    replace: `#[cfg(not(target_arch = "wasm32"))]
pub mod f64 {
    type T = f64;
    gemm_common::gemm_def!(f64, 1);
}
// illusion-lab (scripts/wasm-patches.mjs): on wasm32 every f64 product goes to crate::simd128_gemm
// (crates/simd128-gemm), whose 4×4 kernel V8 keeps in registers; the rest of the module is gemm's own.
#[cfg(target_arch = "wasm32")]
pub mod f64 {
    mod generic {
        type T = f64;
        gemm_common::gemm_def!(f64, 1);
    }
    pub use generic::*;
    pub fn get_gemm_fn() -> unsafe fn(usize, usize, usize, *mut f64, isize, isize, bool, *const f64, isize, isize, *const f64, isize, isize, f64, f64, bool, bool, bool, gemm_common::Parallelism) {
        crate::simd128_gemm::gemm::<gemm_common::Parallelism>
    }
}`,
  },
  {
    // as for faer: a path dependency is linted in full; its warnings would flood the build log
    file: 'src/lib.rs',
    sha256: 'ace0212c67545a0c7e5239f59fcb95a805bbbc99ba235a3411ef693cb60533e7',
    find: '#![cfg_attr(not(feature = "std"), no_std)]',
    replace: '#![allow(warnings)]\n#![cfg_attr(not(feature = "std"), no_std)]\n#[cfg(target_arch = "wasm32")]\nmod simd128_gemm;',
  },
  // the product itself, copied from the workspace crate that tests it natively
  { file: 'src/simd128_gemm.rs', copyFrom: 'crates/simd128-gemm/src/lib.rs' },
];

/** The crates patched for the WebAssembly build: name, the exact version the edits were written for, edits. */
export const WASM_PATCHES = [
  { crate: 'faer', version: '0.24.4', edits: faerEdits },
  { crate: 'gemm-f64', version: '0.19.0', edits: gemmF64Edits },
];

/** Copies `patch.crate`'s source from `sourceDir` to `destDir` and applies its edits (kept when already done
 *  with this patch). Throws with one line when the source is not the expected release. */
export function applyPatch(patch, sourceDir, destDir) {
  const h = createHash('sha256').update(JSON.stringify(patch));
  for (const e of patch.edits) if (e.copyFrom) h.update(readFileSync(join(root, e.copyFrom)));
  const patchHash = h.digest('hex');
  const stamp = join(destDir, '.illusion-lab-patch');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === patchHash) return;
  rmSync(destDir, { recursive: true, force: true });
  cpSync(sourceDir, destDir, { recursive: true });
  for (const e of patch.edits) {
    const path = join(destDir, e.file);
    if (e.copyFrom) {
      writeFileSync(path, readFileSync(join(root, e.copyFrom)));
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    if (sha !== e.sha256) {
      throw new Error(`${patch.crate} ${patch.version}'s ${e.file} is not the file scripts/wasm-patches.mjs was written for (sha256 ${sha.slice(0, 12)}…): update the patch for this release`);
    }
    if (text.split(e.find).length !== 2) throw new Error(`${patch.crate} ${patch.version}'s ${e.file}: the text to patch is not found exactly once`);
    writeFileSync(path, text.replace(e.find, e.replace));
  }
  writeFileSync(stamp, patchHash + '\n');
}
