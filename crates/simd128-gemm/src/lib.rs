//! f64 matrix product C ← α·C + β·A·B for WebAssembly simd128, with the calling convention of the `gemm`
//! crate's `gemm_basic` (so the WASM build can route `gemm-f64` to it: scripts/wasm-patches.mjs copies this
//! file into the patched crate as `src/simd128_gemm.rs`).
//!
//! Why our own (measured, README "Numerical core → Speed"; same machine, AMD EPYC, Node 20, products through
//! the core's `matmul`, best of 7+): the `gemm` crate's simd128 path (6×4 kernel) ran 17.0 GFLOP/s at 256³,
//! 19.9 at 768³, 19–20 on the 64–96-deep shapes of eig/SVD at n = 256; this one 21.8, 25.4 and 21–23, and
//! eig 256 went 38.4 → 31.6 ms. Likely cause: register pressure. gemm's 6×4 kernel keeps 12 accumulators +
//! 3 A vectors + a broadcast live (16 values), V8 allocates at most 15 of x64's 16 xmm registers; the 4×4
//! kernel here needs 11. A 4×6 variant (15 live) was slower than both (14.5 GFLOP/s at 256³, 15.9 at 768³),
//! and writing tiles straight into C from the kernel gained nothing (tried, not kept).
//!
//! Algorithm (Goto/BLIS): B is packed per KC×NC block into NR-column slivers, A per MC×KC block into MR-row
//! slivers (zero-padded), and a register-blocked MR×NR kernel runs over sliver pairs; edge tiles go through a
//! small buffer. A column-major A (faer's usual layout) is not packed: the kernel reads its full MR-row
//! slivers in place, a column stride apart (eig 256: packing fell from 6.5 % to 2.5 % of the samples, the
//! kernel's share did not grow; at n ≤ 768 A's panels are in L2 either way). Reading B in place as well
//! (four column streams) made the kernel slower than the packing it saved (tried, not kept). Depth steps where a sliver is exactly zero are skipped (faer's multishift QR multiplies by
//! banded orthogonal factors with zero corners), so an Inf or NaN facing an exact zero there does not reach
//! the product (as in BLAS libraries, which give no such guarantee either; the core rejects non-finite input). Natively (tests) the two-lane vector is a plain `[f64; 2]`, so one source is tested on both.

#![allow(clippy::too_many_arguments, clippy::missing_safety_doc)]

use std::cell::RefCell;

const MR: usize = 4;
const NR: usize = 4;
/// depth of a packed block: one NR-column sliver of B (KC·NR·8 = 8 KiB) stays in L1
const KC: usize = 256;
/// rows of a packed A block (MC·KC·8 = 128 KiB, in L2)
const MC: usize = 64;
/// columns of a packed B block (KC·NC·8 = 2 MiB)
const NC: usize = 1024;
/// A column-major A is read in place (not packed) when C has at most this many columns: each MR-row sliver
/// is then read n/NR ≤ 16 times
const IN_PLACE_A_MAX_N: usize = 64;

#[cfg(target_arch = "wasm32")]
mod lanes {
    use core::arch::wasm32::*;
    pub type V = v128;
    #[inline(always)]
    pub fn zero() -> V { f64x2_splat(0.0) }
    #[inline(always)]
    pub fn splat(x: f64) -> V { f64x2_splat(x) }
    #[inline(always)]
    pub unsafe fn load(p: *const f64) -> V { v128_load(p as *const v128) }
    #[inline(always)]
    pub unsafe fn store(p: *mut f64, v: V) { v128_store(p as *mut v128, v) }
    #[inline(always)]
    pub fn mul_add(a: V, b: V, c: V) -> V { f64x2_add(c, f64x2_mul(a, b)) }
    #[inline(always)]
    pub fn mul(a: V, b: V) -> V { f64x2_mul(a, b) }
    #[inline(always)]
    pub fn add(a: V, b: V) -> V { f64x2_add(a, b) }
}

#[cfg(not(target_arch = "wasm32"))]
mod lanes {
    pub type V = [f64; 2];
    #[inline(always)]
    pub fn zero() -> V { [0.0; 2] }
    #[inline(always)]
    pub fn splat(x: f64) -> V { [x; 2] }
    #[inline(always)]
    pub unsafe fn load(p: *const f64) -> V { [*p, *p.add(1)] }
    #[inline(always)]
    pub unsafe fn store(p: *mut f64, v: V) { *p = v[0]; *p.add(1) = v[1]; }
    #[inline(always)]
    pub fn mul_add(a: V, b: V, c: V) -> V { [c[0] + a[0] * b[0], c[1] + a[1] * b[1]] }
    #[inline(always)]
    pub fn mul(a: V, b: V) -> V { [a[0] * b[0], a[1] * b[1]] }
    #[inline(always)]
    pub fn add(a: V, b: V) -> V { [a[0] + b[0], a[1] + b[1]] }
}
use lanes::*;

/// The MR×NR tile A_sliver·B_sliver over depth k, column-major in `out` (out[j·MR + i]). Consecutive depth
/// steps of A are `a_step` apart (MR when packed, A's column stride when read in place); B is a packed
/// sliver. Never inlined, so that V8 allocates its registers on its own (LLVM otherwise inlines the whole
/// product into faer's matmul).
#[inline(never)]
unsafe fn kernel(k: usize, mut pa: *const f64, a_step: isize, mut pb: *const f64, out: *mut f64) {
    let (mut c00, mut c10, mut c01, mut c11) = (zero(), zero(), zero(), zero());
    let (mut c02, mut c12, mut c03, mut c13) = (zero(), zero(), zero(), zero());
    for _ in 0..k {
        let a0 = load(pa);
        let a1 = load(pa.add(2));
        let b = splat(*pb);
        c00 = mul_add(a0, b, c00);
        c10 = mul_add(a1, b, c10);
        let b = splat(*pb.add(1));
        c01 = mul_add(a0, b, c01);
        c11 = mul_add(a1, b, c11);
        let b = splat(*pb.add(2));
        c02 = mul_add(a0, b, c02);
        c12 = mul_add(a1, b, c12);
        let b = splat(*pb.add(3));
        c03 = mul_add(a0, b, c03);
        c13 = mul_add(a1, b, c13);
        pa = pa.offset(a_step);
        pb = pb.add(NR);
    }
    store(out, c00);
    store(out.add(2), c10);
    store(out.add(4), c01);
    store(out.add(6), c11);
    store(out.add(8), c02);
    store(out.add(10), c12);
    store(out.add(12), c03);
    store(out.add(14), c13);
}

/// The depth range [lo, hi) outside which a packed sliver (`width` values per depth step) is exactly zero.
/// Factors with zero corners (the banded orthogonal updates of faer's multishift QR, triangular factors)
/// then skip those steps; for dense data both scans stop at their first element.
fn nonzero_range(sliver: &[f64], width: usize) -> (usize, usize) {
    let rows = sliver.len() / width;
    let zero = |p: usize| sliver[p * width..p * width + width].iter().all(|&v| v == 0.0);
    let lo = (0..rows).find(|&p| !zero(p)).unwrap_or(rows);
    let hi = (lo..rows).rev().find(|&p| !zero(p)).map_or(lo, |p| p + 1);
    (lo, hi)
}

/// [`nonzero_range`] of an operand read in place: W values per depth step p, at x + p·step + w·spread
/// (A column-major: MR rows, step = its column stride, spread 1).
unsafe fn nonzero_range_in_place<const W: usize>(x: *const f64, step: isize, spread: isize, kc: usize) -> (usize, usize) {
    let zero = |p: usize| (0..W).all(|w| *x.offset(p as isize * step + w as isize * spread) == 0.0);
    let lo = (0..kc).find(|&p| !zero(p)).unwrap_or(kc);
    let hi = (lo..kc).rev().find(|&p| !zero(p)).map_or(lo, |p| p + 1);
    (lo, hi)
}

/// Packs rows i0..i0+count, columns p0..p0+kc of X (element (i, p) at x[i·rs + p·cs]) into W-row slivers
/// (sliver-major, then depth, then row; rows past `count` zero), and each sliver's nonzero depth range into
/// `ranges`. A is packed as itself (W = MR), B as Bᵀ (W = NR, strides swapped).
unsafe fn pack<const W: usize>(dst: &mut [f64], ranges: &mut Vec<(usize, usize)>, x: *const f64, rs: isize, cs: isize, i0: usize, count: usize, p0: usize, kc: usize) {
    ranges.clear();
    for (ip, sliver) in dst.chunks_exact_mut(W * kc).take(count.div_ceil(W)).enumerate() {
        let rows = W.min(count - ip * W);
        let base = x.offset((i0 + ip * W) as isize * rs + p0 as isize * cs);
        if rows == W && rs == 1 {
            for p in 0..kc {
                let src = base.offset(p as isize * cs);
                sliver[p * W..p * W + W].copy_from_slice(core::slice::from_raw_parts(src, W));
            }
        } else {
            for i in 0..W {
                if i < rows {
                    let row = base.offset(i as isize * rs);
                    for p in 0..kc {
                        sliver[p * W + i] = *row.offset(p as isize * cs);
                    }
                } else {
                    for p in 0..kc {
                        sliver[p * W + i] = 0.0;
                    }
                }
            }
        }
        ranges.push(nonzero_range(sliver, W));
    }
}

/// How a tile is written into C: `Replace` C = β·T, `Add` C += β·T, `Scale` C = α·C + β·T.
#[derive(Clone, Copy, PartialEq)]
enum Write {
    Replace,
    Add,
    Scale(f64),
}

#[inline(always)]
unsafe fn write_tile(c: *mut f64, rs: isize, cs: isize, rows: usize, cols: usize, tile: &[f64; MR * NR], beta: f64, how: Write) {
    if rows == MR && cols == NR && rs == 1 {
        let bv = splat(beta);
        for j in 0..NR {
            let dst = c.offset(j as isize * cs);
            for h in 0..MR / 2 {
                let t = mul(bv, load(tile.as_ptr().add(j * MR + 2 * h)));
                let d = dst.add(2 * h);
                let v = match how {
                    Write::Replace => t,
                    Write::Add => add(load(d), t),
                    Write::Scale(alpha) => add(mul(splat(alpha), load(d)), t),
                };
                store(d, v);
            }
        }
        return;
    }
    for j in 0..cols {
        for i in 0..rows {
            let d = c.offset(i as isize * rs + j as isize * cs);
            let t = beta * tile[j * MR + i];
            *d = match how {
                Write::Replace => t,
                Write::Add => *d + t,
                Write::Scale(alpha) => alpha * *d + t,
            };
        }
    }
}

/// Packing buffers, kept between calls.
struct Packed {
    a: Vec<f64>,
    b: Vec<f64>,
    a_ranges: Vec<(usize, usize)>,
    b_ranges: Vec<(usize, usize)>,
}

thread_local! {
    static PACKED: RefCell<Packed> = const { RefCell::new(Packed { a: Vec::new(), b: Vec::new(), a_ranges: Vec::new(), b_ranges: Vec::new() }) };
}

/// dst ← α·dst + β·lhs·rhs (dst m×n, lhs m×k, rhs k×n), with `gemm::gemm`'s argument order: strides are
/// given column stride first; when `read_dst` is false or α = 0, dst is not read (it may hold anything).
/// Conjugation flags are meaningless for f64; `parallelism` is ignored (one thread).
#[inline(never)]
pub unsafe fn gemm<P>(
    m: usize,
    n: usize,
    k: usize,
    dst: *mut f64,
    dst_cs: isize,
    dst_rs: isize,
    read_dst: bool,
    lhs: *const f64,
    lhs_cs: isize,
    lhs_rs: isize,
    rhs: *const f64,
    rhs_cs: isize,
    rhs_rs: isize,
    alpha: f64,
    beta: f64,
    _conj_dst: bool,
    _conj_lhs: bool,
    _conj_rhs: bool,
    _parallelism: P,
) {
    if m == 0 || n == 0 {
        return;
    }
    let alpha = if read_dst { alpha } else { 0.0 };
    let first = if alpha == 0.0 { Write::Replace } else if alpha == 1.0 { Write::Add } else { Write::Scale(alpha) };
    if k == 0 {
        for j in 0..n {
            for i in 0..m {
                let d = dst.offset(i as isize * dst_rs + j as isize * dst_cs);
                *d = match first {
                    Write::Replace => 0.0,
                    Write::Add => *d,
                    Write::Scale(a) => a * *d,
                };
            }
        }
        return;
    }
    PACKED.with(|cell| {
        let mut guard = cell.borrow_mut();
        let Packed { a: pa, b: pb, a_ranges, b_ranges } = &mut *guard;
        let kc_max = KC.min(k);
        let need_b = NC.min(n).div_ceil(NR) * NR * kc_max;
        let need_a = MC.min(m).div_ceil(MR) * MR * kc_max;
        if pb.len() < need_b {
            pb.resize(need_b, 0.0);
        }
        if pa.len() < need_a {
            pa.resize(need_a, 0.0);
        }
        let mut tile = [0.0f64; MR * NR];
        for j0 in (0..n).step_by(NC) {
            let nc = NC.min(n - j0);
            for p0 in (0..k).step_by(KC) {
                let kc = KC.min(k - p0);
                let how = if p0 == 0 { first } else { Write::Add };
                pack::<NR>(pb, b_ranges, rhs, rhs_cs, rhs_rs, j0, nc, p0, kc); // Bᵀ: element (j, p) at j·cs + p·rs
                for i0 in (0..m).step_by(MC) {
                    let mc = MC.min(m - i0);
                    // A column-major: its full MR-row slivers are read in place (their depth steps are
                    // lhs_cs apart), only a partial last sliver is packed (zero-padded).
                    let full = if lhs_rs == 1 && n <= IN_PLACE_A_MAX_N { mc / MR } else { 0 };
                    let a_block = lhs.offset(i0 as isize + p0 as isize * lhs_cs);
                    pack::<MR>(pa, a_ranges, lhs, lhs_rs, lhs_cs, i0 + full * MR, mc - full * MR, p0, kc);
                    a_ranges.splice(0..0, (0..full).map(|ip| nonzero_range_in_place::<MR>(a_block.add(ip * MR), lhs_cs, 1, kc)));
                    for (jp, &(b_lo, b_hi)) in b_ranges.iter().enumerate() {
                        let cols = NR.min(nc - jp * NR);
                        let b_sliver = pb.as_ptr().add(jp * NR * kc);
                        for (ip, &(a_lo, a_hi)) in a_ranges.iter().enumerate() {
                            let rows = MR.min(mc - ip * MR);
                            let (lo, hi) = (a_lo.max(b_lo), a_hi.min(b_hi));
                            if lo >= hi {
                                if how == Write::Add {
                                    continue; // adds exactly zero
                                }
                                tile = [0.0; MR * NR];
                            } else {
                                let (a, a_step) = if ip < full {
                                    (a_block.offset((ip * MR) as isize + lo as isize * lhs_cs), lhs_cs)
                                } else {
                                    (pa.as_ptr().add((ip - full) * MR * kc + lo * MR), MR as isize)
                                };
                                kernel(hi - lo, a, a_step, b_sliver.add(lo * NR), tile.as_mut_ptr());
                            }
                            let c = dst.offset((i0 + ip * MR) as isize * dst_rs + (j0 + jp * NR) as isize * dst_cs);
                            write_tile(c, dst_rs, dst_cs, rows, cols, &tile, beta, how);
                        }
                    }
                }
            }
        }
    });
}

#[cfg(test)]
mod tests;
