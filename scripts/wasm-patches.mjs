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
// faer — Householder reflectors of ≤ 8 contiguous f64 entries (the bulge chase makes thousands of 3-element
// ones): plain scalar code, √(h² + Σx²) instead of hypot and pulp's generic loops (5.1 → 3.6 % of eig 256's
// samples, ≈ −2 % time); faer's path when |h| > 1e150 or Σx² is not finite or < 1e-280.
// faer — multishift QR: the 3-element reflector applied down three contiguous columns of `a` and `u2`
// (≈ 10 % of eig 256 as scalar loops) two rows at a time; the same operations in the same order, so the
// results are bit-identical. With the Householder patch: eig 256 32.0 → 29.7 ms (interleaved A/B, medians).
// faer — lahqr (the double-shift QR of the deflation windows): its 3-element reflector applied down three
// contiguous columns of `a` and of the window's `z`, two rows at a time (bit-identical, as above); lahqr
// 9.7 → 7.9 % of eig 256's samples.
// faer — evd_imp: eigenvectors that overflowed in faer's back-substitution (defective matrices: Jordan
// blocks, where every step divides by ε‖T‖ and faer never rescales) are recomputed with LAPACK dtrevc's
// remedy, for the real Schur form (real eigenvalues and pairs) and the complex one; tests/core-linalg.test.ts
// "defective matrices" fails without it (an error from n ≈ 23). Vectors that did not overflow are untouched.
// faer — evd_imp: Q of the Hessenberg reduction formed backward (last block of reflectors first, each on the
// trailing submatrix only), LAPACK dorghr's order: 4n³/3 flops instead of 2n³ for faer's forward product
// from the right. With the in-place A of crates/simd128-gemm and the lahqr patch: eig 256 −5 % (interleaved
// processes, paired ratio of medians 0.944, of minima 0.953).
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

// The bulge chase's 3-element reflector applied down three contiguous columns (rows r0..r1): the loops of
// faer's multishift QR over `a` and `u2`, each written for one indentation depth. The replacement does the
// same operations in the same order (so the same rounding) two rows at a time, and runs faer's own loop
// when the matrix is not f64 with unit row stride.
const tabs = (n) => '\t'.repeat(n);
function reflectLoop(depth, mat, rows, col) {
  const t = tabs(depth);
  const at = (k) => (k === 0 ? `${mat}[(j, ${col})]` : `${mat}[(j, ${col} + ${k})]`);
  const loop = `${t}for j in ${rows} {\n${t}\tlet ref sum = &${at(0)}\n${t}\t\t+ v1 * &${at(1)}\n${t}\t\t+ v2 * &${at(2)};\n` +
    `${t}\t${at(0)} -= sum.mul_real(v0);\n${t}\t${at(1)} -= sum.mul_real(v0) * v1;\n${t}\t${at(2)} -= sum.mul_real(v0) * v2;\n${t}}\n`;
  const [r0, r1] = rows.split('..');
  const call = `${t}if !reflect3_columns(${mat}.rb_mut(), ${r0}, ${r1}, ${col}, v0, v1, v2) {\n` +
    loop.split('\n').map((l) => (l ? `\t${l}` : l)).join('\n') + `${t}}\n`;
  return { find: loop, replace: call };
}
const reflect3Columns = `
// illusion-lab (scripts/wasm-patches.mjs): the 3-element reflector I − v0·(1, v1, v2)ᵀ(1, v1, v2) applied to
// rows r0..r1 of columns c, c+1, c+2, two rows at a time with simd128; false (nothing done) unless f64 with
// unit row stride on wasm32. Same operations in the same order as faer's scalar loops.
#[inline(always)]
#[allow(unused_variables, unused_mut)]
fn reflect3_columns<T: RealField>(mut m: MatMut<'_, T>, r0: usize, r1: usize, c: usize, v0: &T, v1: &T, v2: &T) -> bool {
	#[cfg(target_arch = "wasm32")]
	if const { T::IS_NATIVE_F64 } && m.row_stride() == 1 {
		use core::arch::wasm32::*;
		unsafe {
			let cs = m.col_stride();
			let p0 = (m.as_ptr_mut() as *mut f64).offset(c as isize * cs);
			let (p1, p2) = (p0.offset(cs), p0.offset(2 * cs));
			let s0 = *(v0 as *const T as *const f64);
			let s1 = *(v1 as *const T as *const f64);
			let s2 = *(v2 as *const T as *const f64);
			let (w0, w1, w2) = (f64x2_splat(s0), f64x2_splat(s1), f64x2_splat(s2));
			let mut j = r0;
			while j + 2 <= r1 {
				let (q0, q1, q2) = (p0.add(j) as *mut v128, p1.add(j) as *mut v128, p2.add(j) as *mut v128);
				let (x0, x1, x2) = (v128_load(q0), v128_load(q1), v128_load(q2));
				let sum = f64x2_add(f64x2_add(x0, f64x2_mul(w1, x1)), f64x2_mul(w2, x2));
				let t = f64x2_mul(sum, w0);
				v128_store(q0, f64x2_sub(x0, t));
				v128_store(q1, f64x2_sub(x1, f64x2_mul(t, w1)));
				v128_store(q2, f64x2_sub(x2, f64x2_mul(t, w2)));
				j += 2;
			}
			if j < r1 {
				let (x0, x1, x2) = (*p0.add(j), *p1.add(j), *p2.add(j));
				let sum = (x0 + s1 * x1) + s2 * x2;
				let t = sum * s0;
				*p0.add(j) = x0 - t;
				*p1.add(j) = x1 - t * s1;
				*p2.add(j) = x2 - t * s2;
			}
		}
		return true;
	}
	false
}
`;

// lahqr's 3-element reflector down three contiguous columns: sum = (x0 + v2·x1) + v3·x2, then x0 −= sum·t1,
// x1 −= sum·t2, x2 −= sum·t3 (t2 = t1·v2, t3 = t1·v3 precomputed by faer). Same operations in the same order.
function lahqrLoop(mat, rows) {
  const t = tabs(4);
  const at = (k) => (k === 0 ? `${mat}[(j, i)]` : `${mat}[(j, i + ${k})]`);
  const loop = mat === 'a'
    ? `${t}for j in ${rows} {\n${t}\tlet ref sum =\n${t}\t\t&${at(0)} + v2 * &${at(1)} + v3 * &${at(2)};\n` +
      `${t}\t${at(0)} -= sum * t1;\n${t}\t${at(1)} -= sum * t2;\n${t}\t${at(2)} -= sum * t3;\n${t}}\n`
    : `${t}\tfor j in ${rows} {\n${t}\t\tlet ref sum = &${at(0)}\n${t}\t\t\t+ v2 * &${at(1)} + v3\n${t}\t\t\t* &${at(2)};\n` +
      `${t}\t\t${at(0)} -= sum * t1;\n${t}\t\t${at(1)} -= sum * t2;\n${t}\t\t${at(2)} -= sum * t3;\n${t}\t}\n`;
  const [r0, r1] = rows.split('..');
  const ind = mat === 'a' ? t : `${t}\t`;
  const call = `${ind}if !reflect3_columns_lahqr(${mat}.rb_mut(), ${r0}, ${r1}, i, v2, v3, t1, t2, t3) {\n` +
    loop.split('\n').map((l) => (l ? `\t${l}` : l)).join('\n') + `${ind}}\n`;
  return { find: loop, replace: call };
}
const reflect3ColumnsLahqr = `
// illusion-lab (scripts/wasm-patches.mjs): lahqr's 3-element reflector on rows r0..r1 of columns c, c+1, c+2,
// two rows at a time with simd128; false (nothing done) unless f64 with unit row stride on wasm32. Same
// operations in the same order as faer's scalar loop.
#[inline(always)]
#[allow(unused_variables, unused_mut)]
fn reflect3_columns_lahqr<T: RealField>(mut m: MatMut<'_, T>, r0: usize, r1: usize, c: usize, v2: &T, v3: &T, t1: &T, t2: &T, t3: &T) -> bool {
	#[cfg(target_arch = "wasm32")]
	if const { T::IS_NATIVE_F64 } && m.row_stride() == 1 {
		use core::arch::wasm32::*;
		unsafe {
			let cs = m.col_stride();
			let p0 = (m.as_ptr_mut() as *mut f64).offset(c as isize * cs);
			let (p1, p2) = (p0.offset(cs), p0.offset(2 * cs));
			let f = |x: &T| *(x as *const T as *const f64);
			let (s2, s3, u1, u2, u3) = (f(v2), f(v3), f(t1), f(t2), f(t3));
			let (w2, w3) = (f64x2_splat(s2), f64x2_splat(s3));
			let (y1, y2, y3) = (f64x2_splat(u1), f64x2_splat(u2), f64x2_splat(u3));
			let mut j = r0;
			while j + 2 <= r1 {
				let (q0, q1, q2) = (p0.add(j) as *mut v128, p1.add(j) as *mut v128, p2.add(j) as *mut v128);
				let (x0, x1, x2) = (v128_load(q0), v128_load(q1), v128_load(q2));
				let sum = f64x2_add(f64x2_add(x0, f64x2_mul(w2, x1)), f64x2_mul(w3, x2));
				v128_store(q0, f64x2_sub(x0, f64x2_mul(sum, y1)));
				v128_store(q1, f64x2_sub(x1, f64x2_mul(sum, y2)));
				v128_store(q2, f64x2_sub(x2, f64x2_mul(sum, y3)));
				j += 2;
			}
			if j < r1 {
				let (x0, x1, x2) = (*p0.add(j), *p1.add(j), *p2.add(j));
				let sum = (x0 + s2 * x1) + s3 * x2;
				*p0.add(j) = x0 - sum * u1;
				*p1.add(j) = x1 - sum * u2;
				*p2.add(j) = x2 - sum * u3;
			}
		}
		return true;
	}
	false
}
`;
// faer's back-substitution for the eigenvectors of the real Schur form T perturbs a (near-)zero pivot to ε‖T‖
// but never rescales: for a defective or nearly defective T (a Jordan block, where every step divides by
// ε‖T‖) a vector overflows after ≈ 20 steps. The columns of real eigenvalues with an entry that is not finite
// or above 1e280 are recomputed with LAPACK dtrevc's remedy: the whole vector is scaled down before any step
// that could overflow (only its direction matters; the caller normalises it). Other columns are untouched.
const rescueRealEigenvectors = `// illusion-lab (scripts/wasm-patches.mjs): rescaled back-substitution for overflowed eigenvectors.
// Rows 0..rows of the columns cols scaled by s: a rescued vector keeps its direction, only its size changes.
fn scale_leading<T: ComplexField>(V: &mut MatMut<'_, T>, cols: core::ops::Range<usize>, rows: usize, s: &T::Real) {
	for c in cols {
		for r in 0..rows {
			V[(r, c)] = V[(r, c)].mul_real(s);
		}
	}
}
fn rescue_real_eigenvectors<T: RealField>(A: MatRef<'_, T>, V: MatMut<'_, T>) {
	let mut V = V;
	let n = A.nrows();
	let ref big = from_f64::<T>(1e150);
	let ref limit = from_f64::<T>(1e280);
	let ref eps = eps::<T>();
	let mut norm = zero::<T>();
	for j in 0..n {
		for i in 0..Ord::min(j + 2, n) {
			norm += A[(i, j)].abs1();
		}
	}
	let ref smin = eps * &norm;
	let mut k = n;
	while k > 0 {
		k -= 1;
		if k > 0 && A[(k, k - 1)] != zero::<T>() {
			k -= 1;
			rescue_pair(A, V.rb_mut(), k, &norm);
			continue;
		}
		if (0..=k).all(|i| V[(i, k)].is_finite() && V[(i, k)].abs() <= *limit) {
			continue;
		}
		let ref p = A[(k, k)].copy();
		for i in 0..k {
			V[(i, k)] = -&A[(i, k)];
		}
		V[(k, k)] = one::<T>();
		let mut i = k;
		while i > 0 {
			i -= 1;
			if i == 0 || A[(i, i - 1)] == zero::<T>() {
				let mut z = &A[(i, i)] - p;
				if z.abs() < *smin {
					z = smin.copy();
				}
				if z == zero::<T>() {
					continue; // T = 0: the right-hand side is zero too
				}
				let ref xi = V[(i, k)].abs();
				if *xi > &z.abs() * big {
					scale_leading(&mut V, k..k + 1, k + 1, &xi.recip());
				}
				V[(i, k)] = &V[(i, k)] / &z;
				let ref xi = V[(i, k)].abs();
				if *xi > *big {
					scale_leading(&mut V, k..k + 1, k + 1, &xi.recip());
				}
				let ref xi = V[(i, k)].copy();
				for r in 0..i {
					V[(r, k)] = &V[(r, k)] - &(xi * &A[(r, i)]);
				}
			} else {
				// 2×2 block on rows i - 1, i (as faer: both diagonal entries of a standardised block are equal)
				let ref a = &A[(i, i)] - p;
				let ref b = A[(i - 1, i)].copy();
				let ref c = A[(i, i - 1)].copy();
				// a standardised 2×2 block of a complex pair has b·c < 0, so det > 0; kept above the underflow
				// threshold (a pair tinier than 1e-154 has det ≈ 1e-310), and divided by rather than inverted
				let ref det = (&(a * a) - &(b * c)).fmax(min_positive::<T>());
				let ref m = V[(i - 1, k)].abs().fmax(V[(i, k)].abs());
				let ref g = &a.abs() + &b.abs().fmax(c.abs());
				if &(m * g) > &(&det.abs() * big) {
					scale_leading(&mut V, k..k + 1, k + 1, &m.recip());
				}
				let ref r0 = V[(i - 1, k)].copy();
				let ref r1 = V[(i, k)].copy();
				V[(i - 1, k)] = &(&(a * r0) - &(b * r1)) / det;
				V[(i, k)] = &(&(a * r1) - &(c * r0)) / det;
				let ref m = V[(i - 1, k)].abs().fmax(V[(i, k)].abs());
				if *m > *big {
					scale_leading(&mut V, k..k + 1, k + 1, &m.recip());
				}
				let ref x0 = V[(i - 1, k)].copy();
				let ref x1 = V[(i, k)].copy();
				for r in 0..i - 1 {
					V[(r, k)] = &(&V[(r, k)] - &(x0 * &A[(r, i - 1)])) - &(x1 * &A[(r, i)]);
				}
				i -= 1;
			}
		}
	}
}
// The complex pair λ = p ± iq of the 2×2 block on rows/columns k, k + 1: its vector (Re in column k, Im in
// column k + 1) is recomputed as faer computes it, rescaled like the real case, if an entry overflowed.
fn rescue_pair<T: RealField>(A: MatRef<'_, T>, V: MatMut<'_, T>, k: usize, norm: &T) {
	let mut V = V;
	let ref big = from_f64::<T>(1e150);
	let ref limit = from_f64::<T>(1e280);
	let ref smin = eps::<T>() * norm;
	let (c0, c1) = (k, k + 1);
	if (0..=c1).all(|i| V[(i, c0)].is_finite() && V[(i, c1)].is_finite() && V[(i, c0)].abs() <= *limit && V[(i, c1)].abs() <= *limit) {
		return;
	}
	let ref p = A[(c1, c1)].copy();
	let ref q = &A[(c1, c0)].abs().sqrt() * &A[(c0, c1)].abs().sqrt();
	if A[(c0, c1)].abs() >= A[(c1, c0)].abs() {
		V[(c0, c0)] = one::<T>();
		V[(c1, c1)] = q / &A[(c0, c1)];
	} else {
		V[(c0, c0)] = -&(q / &A[(c1, c0)]);
		V[(c1, c1)] = one::<T>();
	}
	V[(c0, c1)] = zero::<T>();
	V[(c1, c0)] = zero::<T>();
	for i in 0..c0 {
		V[(i, c0)] = -&(&V[(c0, c0)] * &A[(i, c0)]);
		V[(i, c1)] = -&(&V[(c1, c1)] * &A[(i, c1)]);
	}
	let mut i = c0;
	while i > 0 {
		i -= 1;
		if i == 0 || A[(i, i - 1)] == zero::<T>() {
			// x_i ← x_i / z, z = (T_ii − p) − iq, perturbed to ε‖T‖ when tiny (as faer)
			let mut z_re = &A[(i, i)] - p;
			let mut z_im = -q;
			let mut z = z_re.hypot(&z_im);
			if z < *smin {
				z_re = smin.copy();
				z_im = zero::<T>();
				z = smin.copy();
			}
			if z == zero::<T>() {
				continue;
			}
			let ref m = V[(i, c0)].abs().fmax(V[(i, c1)].abs());
			if *m > &z * big {
				scale_leading(&mut V, c0..c1 + 1, c1 + 1, &m.recip());
			}
			let ref w_re = &(&z_re / &z) / &z;
			let ref w_im = &(&(-&z_im) / &z) / &z;
			let ref x_re = V[(i, c0)].copy();
			let ref x_im = V[(i, c1)].copy();
			V[(i, c0)] = &(x_re * w_re) - &(x_im * w_im);
			V[(i, c1)] = &(x_re * w_im) + &(x_im * w_re);
			let ref m = V[(i, c0)].abs().fmax(V[(i, c1)].abs());
			if *m > *big {
				scale_leading(&mut V, c0..c1 + 1, c1 + 1, &m.recip());
			}
			let ref y_re = V[(i, c0)].copy();
			let ref y_im = V[(i, c1)].copy();
			for r in 0..i {
				V[(r, c0)] = &V[(r, c0)] - &(y_re * &A[(r, i)]);
				V[(r, c1)] = &V[(r, c1)] - &(y_im * &A[(r, i)]);
			}
		} else {
			// 2×2 block on rows i − 1, i (as faer's solve_cplx_shifted_upper_quasi_triangular_system)
			let ref a_re = &A[(i, i)] - p;
			let ref a_im = -q;
			let ref b = A[(i - 1, i)].copy();
			let ref c = A[(i, i - 1)].copy();
			let mut z_re = &(&(a_re * a_re) - &(a_im * a_im)) - &(b * c);
			let mut z_im = &(a_re * a_im) + &(a_re * a_im);
			let mut z = z_re.hypot(&z_im);
			if z < *smin {
				z_re = smin.copy();
				z_im = zero::<T>();
				z = smin.copy();
			}
			let ref m = V[(i - 1, c0)].abs().fmax(V[(i - 1, c1)].abs()).fmax(V[(i, c0)].abs()).fmax(V[(i, c1)].abs());
			let ref g = &a_re.abs().hypot(&a_im.abs()) + &b.abs().fmax(c.abs());
			if &(m * g) > &(&z * big) {
				scale_leading(&mut V, c0..c1 + 1, c1 + 1, &m.recip());
			}
			let ref w_re = &(&z_re / &z) / &z;
			let ref w_im = &(&(-&z_im) / &z) / &z;
			let ref r0_re = V[(i - 1, c0)].copy();
			let ref r0_im = V[(i - 1, c1)].copy();
			let ref r1_re = V[(i, c0)].copy();
			let ref r1_im = V[(i, c1)].copy();
			let ref x0_re = &(&(a_re * r0_re) - &(a_im * r0_im)) - &(b * r1_re);
			let ref x0_im = &(&(a_re * r0_im) + &(a_im * r0_re)) - &(b * r1_im);
			let ref x1_re = &(&(a_re * r1_re) - &(a_im * r1_im)) - &(c * r0_re);
			let ref x1_im = &(&(a_re * r1_im) + &(a_im * r1_re)) - &(c * r0_im);
			V[(i - 1, c0)] = &(x0_re * w_re) - &(x0_im * w_im);
			V[(i - 1, c1)] = &(x0_re * w_im) + &(x0_im * w_re);
			V[(i, c0)] = &(x1_re * w_re) - &(x1_im * w_im);
			V[(i, c1)] = &(x1_re * w_im) + &(x1_im * w_re);
			let ref m = V[(i - 1, c0)].abs().fmax(V[(i - 1, c1)].abs()).fmax(V[(i, c0)].abs()).fmax(V[(i, c1)].abs());
			if *m > *big {
				scale_leading(&mut V, c0..c1 + 1, c1 + 1, &m.recip());
			}
			let ref u0_re = V[(i - 1, c0)].copy();
			let ref u0_im = V[(i - 1, c1)].copy();
			let ref u1_re = V[(i, c0)].copy();
			let ref u1_im = V[(i, c1)].copy();
			for r in 0..i - 1 {
				V[(r, c0)] = &(&V[(r, c0)] - &(u0_re * &A[(r, i - 1)])) - &(u1_re * &A[(r, i)]);
				V[(r, c1)] = &(&V[(r, c1)] - &(u0_im * &A[(r, i - 1)])) - &(u1_im * &A[(r, i)]);
			}
			i -= 1;
		}
	}
}
// The same for the complex Schur form (upper triangular, 1×1 pivots only).
fn rescue_complex_eigenvectors<T: ComplexField>(A: MatRef<'_, T>, V: MatMut<'_, T>) {
	let mut V = V;
	let n = A.nrows();
	let ref big = from_f64::<T::Real>(1e150);
	let ref limit = from_f64::<T::Real>(1e280);
	let ref eps = eps::<T::Real>();
	let mut norm = zero::<T::Real>();
	for j in 0..n {
		for i in 0..j + 1 {
			norm += A[(i, j)].abs1();
		}
	}
	let ref smin = eps * &norm;
	for k in (0..n).rev() {
		if (0..=k).all(|i| V[(i, k)].is_finite() && V[(i, k)].abs() <= *limit) {
			continue;
		}
		let ref p = A[(k, k)].copy();
		V[(k, k)] = one::<T>();
		for i in 0..k {
			V[(i, k)] = -&A[(i, k)];
		}
		for i in (0..k).rev() {
			let mut z = &A[(i, i)] - p;
			if z.abs() < *smin {
				z = smin.to_cplx();
			}
			if z == zero::<T>() {
				continue;
			}
			let ref m = V[(i, k)].abs();
			if *m > &z.abs() * big {
				scale_leading(&mut V, k..k + 1, k + 1, &m.recip());
			}
			V[(i, k)] = &V[(i, k)] * &z.recip();
			let ref m = V[(i, k)].abs();
			if *m > *big {
				scale_leading(&mut V, k..k + 1, k + 1, &m.recip());
			}
			let ref y = V[(i, k)].copy();
			for r in 0..i {
				V[(r, k)] = &V[(r, k)] - &(y * &A[(r, i)]);
			}
		}
	}
}
`;
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
    // make_householder_imp: short contiguous f64 reflectors (the bulge chase's 3-element ones) in plain scalar code
    file: 'src/linalg/householder.rs',
    sha256: '81542a72173780b787c02c24c86fb008dfa6543b178124a55157683df4c8cb6c',
    find: `	let tail = input.unwrap_or(out.rb());
	let tail_norm = tail.norm_l2();`,
    replace: `	// illusion-lab (scripts/wasm-patches.mjs): WebAssembly fast path for short contiguous f64 tails.
	#[cfg(target_arch = "wasm32")]
	if const { T::IS_NATIVE_F64 } && out.nrows() <= 8 && out.row_stride() == 1 && input.map_or(true, |i| i.row_stride() == 1) {
		let n = out.nrows();
		let dst = out.as_ptr_mut() as *mut f64;
		let src = match input { Some(i) => i.as_ptr() as *const f64, None => dst as *const f64 };
		let h = unsafe { *(head as *const T as *const f64) };
		let mut s = 0.0f64;
		for k in 0..n {
			let v = unsafe { *src.add(k) };
			s += v * v;
		}
		// as in the norm patch: no term overflowed and what underflow lost is below 1e-40 of s; |h| ≤ 1e150 keeps
		// h² finite, and an h² lost to underflow is below 1e-28 of s. faer's own path otherwise.
		if s.is_finite() && s >= 1.0e-280 && h.abs() <= 1.0e150 {
			let head_norm = h.abs();
			let h = if head_norm < f64::MIN_POSITIVE { 0.0 } else { h };
			let tail_norm = s.sqrt();
			let norm = (h * h + s).sqrt();
			let signed_norm = if h < 0.0 { -norm } else { norm };
			let inv = 1.0 / (h + signed_norm);
			for k in 0..n {
				unsafe { *dst.add(k) = *src.add(k) * inv };
			}
			unsafe { *(head as *mut T as *mut f64) = -signed_norm };
			let t = tail_norm * inv.abs();
			let tau = 0.5 * (1.0 + t * t);
			return unsafe {
				HouseholderInfo {
					tau: crate::hacks::coerce::<f64, T::Real>(tau),
					head_with_beta_inv: crate::hacks::coerce::<f64, T>(inv),
					norm: crate::hacks::coerce::<f64, T::Real>(norm),
				}
			};
		}
	}
	let tail = input.unwrap_or(out.rb());
	let tail_norm = tail.norm_l2();`,
  },
  {
    file: 'src/linalg/evd/schur/real_schur.rs',
    sha256: 'a8f0a965270559e258bc15600dd0464117d5fb16d90ea7d9a1c77ec1e2ea63a0',
    edits: [
      { find: 'use linalg::matmul::matmul;\n', replace: 'use linalg::matmul::matmul;\n' + reflect3Columns + reflect3ColumnsLahqr },
      // deeper loops first: a replacement re-indents the loop it wraps by one tab
      reflectLoop(4, 'a', 'istart_m..i_pos + 3', 'i_pos'), // move_bulges_down
      { ...reflectLoop(4, 'u2', 'i1..i2', 'i_pos - *i_pos_block'), occurrences: 2 }, // move_bulges_down, remove_bulges
      reflectLoop(3, 'a', 'istart_m..i_pos + 3', 'i_pos'), // introduce_bulges
      reflectLoop(3, 'u2', 'i1..i2', 'i_pos - ilo'),
      lahqrLoop('a', 'istart_m..Ord::min(i + 4, istop)'), // lahqr
      {
        // lahqr_schur22 lacks LAPACK dlanv2's branch for b = 0 after the rotation (an exactly double real
        // eigenvalue, e.g. the companion matrix of (x − 1)²): the block stayed lower triangular, was taken for a
        // complex pair with q = 0 and its eigenvector came out zero. dlanv2: B = −C, C = 0, (CS, SN) = (−SN, CS).
        find: `			if c != zero() && b != zero() && (b > zero()) == (c > zero()) {`,
        replace: `			// illusion-lab (scripts/wasm-patches.mjs): dlanv2's branch for b = 0
			if c != zero() && b == zero() {
				b = -&c;
				c = zero();
				let swapped = cs.copy();
				cs = -&sn;
				sn = swapped;
			}
			if c != zero() && b != zero() && (b > zero()) == (c > zero()) {`,
      },
      lahqrLoop('z', '0..n'),
    ],
  },
  {
    // evd_imp: form Z = Q of the Hessenberg reduction backward, as LAPACK's dorghr/dorgqr do. faer applies the
    // block reflectors to the identity forward, from the right: every block updates all n rows (2n³ flops).
    // Applied from the left, last block first, block j meets zeros in the columns before j (the identity is
    // still untouched there), so it is applied to the trailing submatrix only (4n³/3 flops); the columns left
    // out would only receive exact zeros.
    file: 'src/linalg/evd/mod.rs',
    sha256: 'eaca0b18426a4b1af742dbafe4440d4d87aed6c3899e69b2904a2fc05e3da3df',
    edits: [
      {
        // LAPACK dtrevc's rescaling for eigenvectors that overflowed (see rescue_real_eigenvectors below)
        find: `			evd_from_real_schur_imp::<T::Real>(
				unsafe { core::mem::transmute(H) },
				unsafe { core::mem::transmute(X.rb_mut()) },
				par,
				params.evd_from_schur,
			);`,
        replace: `			evd_from_real_schur_imp::<T::Real>(
				unsafe { core::mem::transmute(H) },
				unsafe { core::mem::transmute(X.rb_mut()) },
				par,
				params.evd_from_schur,
			);
			// illusion-lab (scripts/wasm-patches.mjs)
			rescue_real_eigenvectors::<T::Real>(
				unsafe { core::mem::transmute(H) },
				unsafe { core::mem::transmute(X.rb_mut()) },
			);`,
      },
      {
        find: `			evd_from_cplx_schur_imp::<T>(
				H,
				Conj::No,
				X.rb_mut(),
				par,
				params.evd_from_schur,
			);`,
        replace: `			evd_from_cplx_schur_imp::<T>(
				H,
				Conj::No,
				X.rb_mut(),
				par,
				params.evd_from_schur,
			);
			// illusion-lab (scripts/wasm-patches.mjs)
			rescue_complex_eigenvectors::<T>(H, X.rb_mut());`,
      },
      {
        find: 'pub(crate) fn evd_from_real_schur_imp<T: RealField>(',
        replace: rescueRealEigenvectors + 'pub(crate) fn evd_from_real_schur_imp<T: RealField>(',
      },
      {
        find: `			linalg::householder::apply_block_householder_sequence_on_the_right_in_place_with_conj(
				H.rb().submatrix(1, 0, n - 1, n - 1),
				householder.rb(),
				Conj::No,
				Z.rb_mut().submatrix_mut(1, 1, n - 1, n - 1),
				par,
				stack,
			);`,
        replace: `			// illusion-lab (scripts/wasm-patches.mjs): backward accumulation on the trailing submatrices.
			let basis = H.rb().submatrix(1, 0, n - 1, n - 1);
			let factor = householder.rb();
			let mut z = Z.rb_mut().submatrix_mut(1, 1, n - 1, n - 1);
			let size = factor.ncols();
			let mut j = size;
			let mut block = size % factor.nrows();
			if block == 0 {
				block = factor.nrows();
			}
			while j > 0 {
				let j0 = j - block;
				block = factor.nrows();
				linalg::householder::apply_block_householder_on_the_left_in_place_with_conj(
					basis.get(j0.., j0..j),
					factor.get(.., j0..j).subrows(0, j - j0),
					Conj::No,
					z.rb_mut().get_mut(j0.., j0..),
					par,
					stack,
				);
				j = j0;
			}`,
      },
    ],
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
    let text = readFileSync(path, 'utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    if (sha !== e.sha256) {
      throw new Error(`${patch.crate} ${patch.version}'s ${e.file} is not the file scripts/wasm-patches.mjs was written for (sha256 ${sha.slice(0, 12)}…): update the patch for this release`);
    }
    // one replacement ({ find, replace }) or several ({ edits: [...] }), each found exactly `occurrences` times (1)
    for (const r of e.edits ?? [e]) {
      const n = r.occurrences ?? 1;
      if (text.split(r.find).length !== n + 1) throw new Error(`${patch.crate} ${patch.version}'s ${e.file}: the text to patch ("${r.find.trim().split('\n')[0]}") is not found exactly ${n === 1 ? 'once' : `${n} times`}`);
      text = text.split(r.find).join(r.replace);
    }
    writeFileSync(path, text);
  }
  writeFileSync(stamp, patchHash + '\n');
}
