//! 2D discrete Fourier transforms of stacks of multi-channel images (rustfft: mixed radix, Bluestein
//! for large prime factors, so any size works), and fftshift.
//!
//! Layout: `batch` images of `height×width×channels`, interleaved HWC, flat index
//! ((b·H + y)·W + x)·C + c. Each (image, channel) plane is transformed separately:
//! F[u, v] = Σ_{y,x} f[y, x]·exp(−2πi (u·y/H + v·x/W)) (NumPy's `fft2` convention; the inverse divides by H·W).

use crate::error::{check_finite, check_result, check_workspace, finite_max_abs, CoreError};
use rustfft::num_complex::Complex;
use rustfft::{Fft, FftPlanner};
use std::cell::RefCell;
use std::sync::Arc;

/// Shape of a stack of images.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stack {
    pub batch: usize,
    pub height: usize,
    pub width: usize,
    pub channels: usize,
}

impl Stack {
    /// Check that no dimension is zero and the element count is allocatable; returns it.
    pub fn check(&self, what: &'static str, copies: u128) -> Result<usize, CoreError> {
        let Stack { batch, height, width, channels } = *self;
        if batch == 0 || height == 0 || width == 0 || channels == 0 {
            return Err(CoreError::InvalidDimension {
                what,
                detail: format!("shape {batch}×{height}×{width}×{channels} (batch×H×W×C) has a zero dimension"),
            });
        }
        let len = (batch as u128).saturating_mul(height as u128).saturating_mul(width as u128).saturating_mul(channels as u128);
        check_workspace(what, len.saturating_mul(copies))?;
        Ok(len as usize)
    }

    pub fn check_data(&self, what: &'static str, name: &'static str, data: &[f64], copies: u128) -> Result<usize, CoreError> {
        let len = self.check(what, copies)?;
        if data.len() != len {
            return Err(CoreError::ShapeMismatch { what: name, expected: len, got: data.len() });
        }
        check_finite(name, data)?;
        Ok(len)
    }
}

thread_local! {
    /// Plans kept between calls (twiddles, Bluestein set-up), so repeated sizes plan once: see `plan`.
    static PLANS: RefCell<PlanCache> = RefCell::new(PlanCache { planner: FftPlanner::new(), lengths: Vec::new() });
    /// Working planes kept between calls (up to `KEEP_VALUES`), so a call neither allocates nor zeroes them.
    static BUFFER: RefCell<Vec<Complex<f64>>> = const { RefCell::new(Vec::new()) };
}

struct PlanCache {
    planner: FftPlanner<f64>,
    /// (length, inverse) of the plans the planner holds
    lengths: Vec<(usize, bool)>,
}

/// At most this many lengths are kept planned (the planner is replaced by a fresh one beyond), and only
/// lengths whose plan needs at most `CACHE_PLAN_F64S` values (4 MiB): memory stays bounded however many
/// sizes a long session transforms.
const CACHE_LENGTHS: usize = 32;
const CACHE_PLAN_F64S: u128 = 1 << 19;

fn largest_prime_factor(mut n: u128) -> u128 {
    let mut largest = 1;
    let mut p = 2;
    while p * p <= n {
        while n % p == 0 {
            largest = p;
            n /= p;
        }
        p += 1;
    }
    largest.max(n)
}

/// Upper bound, in f64 values, of what planning and running one length-`len` transform allocates. Lengths
/// whose prime factors all have rustfft butterflies (≤ 31) use mixed-radix plans: a twiddle table and at most
/// a scratch copy. A larger prime factor goes through Rader's or Bluestein's algorithm, whose inner transform
/// is at most the next power of two ≥ 2·len − 1 (its twiddles, its plan's, and scratch).
fn plan_f64s(len: usize) -> u128 {
    let len = len as u128;
    if largest_prime_factor(len) <= 31 {
        2 * 3 * len
    } else {
        2 * (4 * (2 * len).next_power_of_two() + 3 * len)
    }
}

fn plan(len: usize, inverse: bool) -> Arc<dyn Fft<f64>> {
    let make = |p: &mut FftPlanner<f64>| if inverse { p.plan_fft_inverse(len) } else { p.plan_fft_forward(len) };
    if plan_f64s(len) > CACHE_PLAN_F64S {
        return make(&mut FftPlanner::new());
    }
    PLANS.with(|c| {
        let mut c = c.borrow_mut();
        if !c.lengths.contains(&(len, inverse)) {
            if c.lengths.len() >= CACHE_LENGTHS {
                *c = PlanCache { planner: FftPlanner::new(), lengths: Vec::new() };
            }
            c.lengths.push((len, inverse));
        }
        make(&mut c.planner)
    })
}

/// Planes transformed together: the stack is cut into chunks of whole images holding about this many complex
/// values (256 KiB), so that a chunk and its spare copy stay in a core's L2 cache through all the passes.
const CHUNK_VALUES: usize = 1 << 14;
/// The largest working buffer (complex values; 4 MiB) kept for the next call.
const KEEP_VALUES: usize = 1 << 18;

fn take_buffer(what: &'static str, len: usize) -> Result<Vec<Complex<f64>>, CoreError> {
    let mut v = BUFFER.with(|b| std::mem::take(&mut *b.borrow_mut()));
    if v.len() < len {
        v = Vec::new();
        v.try_reserve_exact(len).map_err(|_| CoreError::OutOfMemory { what, bytes: len as u128 * 16 })?;
        v.resize(len, Complex::new(0.0, 0.0));
    }
    Ok(v)
}

fn keep_buffer(v: Vec<Complex<f64>>) {
    if v.len() <= KEEP_VALUES {
        BUFFER.with(|b| *b.borrow_mut() = v);
    }
}

/// The two 1D plans of an H×W transform and their scratch space.
struct Plans {
    h: usize,
    w: usize,
    row: Arc<dyn Fft<f64>>,
    col: Arc<dyn Fft<f64>>,
    scratch: Vec<Complex<f64>>,
}

impl Plans {
    fn new(h: usize, w: usize, inverse: bool) -> Plans {
        let (row, col) = (plan(w, inverse), plan(h, inverse));
        let scratch = vec![Complex::new(0.0, 0.0); row.get_inplace_scratch_len().max(col.get_inplace_scratch_len())];
        Plans { h, w, row, col, scratch }
    }

    /// 2D DFT, in place, of every H×W plane (row-major) of `planes`; `spare` is as long. Each plan runs once
    /// over all the planes (rows, then columns made contiguous by a transpose, then transposed back).
    fn transform(&mut self, planes: &mut [Complex<f64>], spare: &mut [Complex<f64>]) {
        let (h, w) = (self.h, self.w);
        self.row.process_with_scratch(planes, &mut self.scratch);
        for (src, dst) in planes.chunks_exact(h * w).zip(spare.chunks_exact_mut(h * w)) {
            transpose::transpose(src, dst, w, h);
        }
        self.col.process_with_scratch(spare, &mut self.scratch);
        for (src, dst) in spare.chunks_exact(h * w).zip(planes.chunks_exact_mut(h * w)) {
            transpose::transpose(src, dst, h, w);
        }
    }
}

/// 2D FFT (or inverse) of real (`im` = None) or complex data; returns (re, im) in the same layout.
///
/// Real input is transformed two planes at a time: z = a + i·b, Z = FFT2(z), then
/// A[k] = (Z[k] + conj Z[−k]) / 2 and B[k] = (Z[k] − conj Z[−k]) / 2i — half the transforms.
/// The stack is processed in chunks of whole images (`CHUNK_VALUES`), each plane gathered out of the
/// interleaved channels, all the chunk's planes transformed together, and scattered back.
pub fn fft2(re: &[f64], im: Option<&[f64]>, shape: Stack, inverse: bool) -> Result<(Vec<f64>, Vec<f64>), CoreError> {
    let names = if inverse { ("ifft2", "ifft2: real part", "ifft2: imaginary part") } else { ("fft2", "fft2: real part", "fft2: imaginary part") };
    fft2_named(re, im, shape, inverse, names)
}

/// `fft2` with the names its errors use: (operation, real input, imaginary input).
fn fft2_named(
    re: &[f64],
    im: Option<&[f64]>,
    shape: Stack,
    inverse: bool,
    (what, re_name, im_name): (&'static str, &'static str, &'static str),
) -> Result<(Vec<f64>, Vec<f64>), CoreError> {
    let len = shape.check(what, 8)?;
    let mut max_abs = 0.0f64;
    for (name, part) in [(re_name, Some(re)), (im_name, im)] {
        let Some(part) = part else { continue };
        if part.len() != len {
            return Err(CoreError::ShapeMismatch { what: name, expected: len, got: part.len() });
        }
        max_abs = max_abs.max(finite_max_abs(name, part)?);
    }
    let Stack { batch, height: h, width: w, channels: c } = shape;
    // outputs, working planes and the input copy (~8 copies, checked above) plus the two plans
    check_workspace(what, (len as u128) * 8 + plan_f64s(h) + plan_f64s(w))?;
    let hw = h * w;
    let image = hw * c;
    // |F| ≤ Σ|f| ≤ HW·max|f|·√2 (two paired real planes: 2·HW·max|f|). When that could overflow, the planes
    // whose values are that large (each plane, or pair of planes, on its own: others keep their small values
    // intact) are scaled down by an exact power of two on the way in and back up on the way out, and the
    // result is then checked: only values that truly exceed f64 become an Overflow error.
    let limit = f64::MAX / 2.0 / (4 * hw) as f64;
    let rescale = max_abs >= limit;
    let pre_for = |m: f64| if m >= limit { 2f64.powi(-128) } else { 1.0 };
    let norm = if inverse { 1.0 / hw as f64 } else { 1.0 };
    let mut plans = Plans::new(h, w, inverse);
    let mut out_re = crate::error::zeros(what, len)?;
    let mut out_im = crate::error::zeros(what, len)?;
    // images per chunk: an even count when C is odd, so that plane pairs never straddle two chunks
    let step = if im.is_none() && c % 2 == 1 { 2 } else { 1 };
    let per_chunk = ((CHUNK_VALUES / image) / step).max(1) * step;
    // complex planes of the largest chunk: one per channel, or one per pair of channels for real input
    let chunk_planes = per_chunk.min(batch) * c;
    let chunk_len = if im.is_none() { chunk_planes.div_ceil(2) } else { chunk_planes } * hw;
    let mut buffer = take_buffer(what, 2 * chunk_len)?;
    let (planes, spare) = buffer.split_at_mut(chunk_len);
    // the input scale of each plane of a chunk
    let mut pres = vec![1.0f64; chunk_planes];
    for b0 in (0..batch).step_by(per_chunk) {
        let at = b0 * image; // offset of the chunk in the input and output arrays
        let count = per_chunk.min(batch - b0) * c; // planes in the chunk
        // plane q of the chunk: values at[q] + p·C for pixel p = y·W + x
        let first = |q: usize| at + (q / c) * image + q % c;
        match im {
            Some(im) => {
                for q in 0..count {
                    let (dst, o) = (&mut planes[q * hw..(q + 1) * hw], first(q));
                    let m = if rescale { (0..hw).fold(0.0f64, |m, p| m.max(re[o + p * c].abs()).max(im[o + p * c].abs())) } else { 0.0 };
                    pres[q] = pre_for(m);
                    let pre = pres[q];
                    for (p, z) in dst.iter_mut().enumerate() {
                        *z = Complex::new(re[o + p * c] * pre, im[o + p * c] * pre);
                    }
                }
                plans.transform(&mut planes[..count * hw], &mut spare[..count * hw]);
                for q in 0..count {
                    let (src, o) = (&planes[q * hw..(q + 1) * hw], first(q));
                    let norm = norm / pres[q];
                    for (p, z) in src.iter().enumerate() {
                        out_re[o + p * c] = z.re * norm;
                        out_im[o + p * c] = z.im * norm;
                    }
                }
            }
            None => {
                // pair k holds planes 2k (real part) and 2k + 1 (imaginary part; zero past the last plane)
                let pairs = count.div_ceil(2);
                for k in 0..pairs {
                    let (dst, a) = (&mut planes[k * hw..(k + 1) * hw], first(2 * k));
                    let pair = 2 * k + 1 < count;
                    // each plane its own scale: Z = s_a·A + i·s_b·B still separates into s_a·A and s_b·B
                    let plane_max = |o: usize| if rescale { (0..hw).fold(0.0f64, |m, p| m.max(re[o + p * c].abs())) } else { 0.0 };
                    pres[2 * k] = pre_for(plane_max(a));
                    let pa = pres[2 * k];
                    if pair {
                        let b = first(2 * k + 1);
                        pres[2 * k + 1] = pre_for(plane_max(b));
                        let pb = pres[2 * k + 1];
                        for (p, z) in dst.iter_mut().enumerate() {
                            *z = Complex::new(re[a + p * c] * pa, re[b + p * c] * pb);
                        }
                    } else {
                        for (p, z) in dst.iter_mut().enumerate() {
                            *z = Complex::new(re[a + p * c] * pa, 0.0);
                        }
                    }
                }
                plans.transform(&mut planes[..pairs * hw], &mut spare[..pairs * hw]);
                for q in 0..count {
                    let half = 0.5 * norm / pres[q];
                    let (spec, o) = (&planes[(q / 2) * hw..(q / 2 + 1) * hw], first(q));
                    let odd = q % 2 == 1;
                    for u in 0..h {
                        let row = &spec[u * w..(u + 1) * w];
                        let neg = &spec[((h - u) % h) * w..((h - u) % h + 1) * w]; // row −u
                        for v in 0..w {
                            let z = row[v];
                            let zn = neg[if v == 0 { 0 } else { w - v }]; // Z[−k]; conj taken below
                            let i = o + (u * w + v) * c;
                            if odd {
                                out_re[i] = half * (z.im + zn.im);
                                out_im[i] = -half * (z.re - zn.re);
                            } else {
                                out_re[i] = half * (z.re + zn.re);
                                out_im[i] = half * (z.im - zn.im);
                            }
                        }
                    }
                }
            }
        }
    }
    keep_buffer(buffer);
    if rescale {
        check_result(what, &out_re)?;
        check_result(what, &out_im)?;
    }
    Ok((out_re, out_im))
}

/// |FFT2|² per plane (power spectrum, unshifted, same layout), without returning the complex spectrum.
pub fn power2(data: &[f64], shape: Stack) -> Result<Vec<f64>, CoreError> {
    let (mut re, im) = fft2_named(data, None, shape, false, ("powerSpectrum", "powerSpectrum: data", ""))?;
    for (a, b) in re.iter_mut().zip(&im) {
        *a = *a * *a + b * b;
    }
    check_result("powerSpectrum", &re)?;
    Ok(re)
}

/// Move the zero frequency to the centre (index ⌊H/2⌋, ⌊W/2⌋) of every plane, as numpy.fft.fftshift over
/// the two spatial axes; `inverse` undoes it (ifftshift; differs from fftshift for odd sizes).
pub fn fftshift(data: &[f64], shape: Stack, inverse: bool) -> Result<Vec<f64>, CoreError> {
    let what = if inverse { "ifftshift" } else { "fftshift" };
    let len = shape.check_data(what, what, data, 2)?;
    let Stack { batch, height: h, width: w, channels: c } = shape;
    // fftshift: out[(y + ⌊H/2⌋) mod H] = in[y]; ifftshift: out[(y + ⌈H/2⌉) mod H] = in[y].
    let (dy, dx) = if inverse { (h - h / 2, w - w / 2) } else { (h / 2, w / 2) };
    let mut out = crate::error::zeros(what, len)?;
    let row = w * c;
    let split = (w - dx) * c; // in[y][..w − dx] goes to out[ty][dx..], the rest to out[ty][..dx]
    for b in 0..batch {
        let base = b * h * row;
        for y in 0..h {
            let src = &data[base + y * row..base + (y + 1) * row];
            let ty = (y + dy) % h;
            let dst = &mut out[base + ty * row..base + (ty + 1) * row];
            dst[dx * c..].copy_from_slice(&src[..split]);
            dst[..dx * c].copy_from_slice(&src[split..]);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::MAX_BYTES;

    /// Direct DFT of one plane at frequency (u, v).
    fn dft_at(re: &[f64], im: &[f64], h: usize, w: usize, u: usize, v: usize) -> (f64, f64) {
        let (mut sr, mut si) = (0.0, 0.0);
        for y in 0..h {
            for x in 0..w {
                // exact phase: reduce u·y/H + v·x/W modulo 1 in integers first
                let t = -2.0 * std::f64::consts::PI * (((u * y) % h) as f64 / h as f64 + ((v * x) % w) as f64 / w as f64);
                let (s, c) = t.sin_cos();
                sr += re[y * w + x] * c - im[y * w + x] * s;
                si += re[y * w + x] * s + im[y * w + x] * c;
            }
        }
        (sr, si)
    }

    fn dft2(re: &[f64], im: &[f64], h: usize, w: usize) -> (Vec<f64>, Vec<f64>) {
        let mut or = vec![0.0; h * w];
        let mut oi = vec![0.0; h * w];
        for u in 0..h {
            for v in 0..w {
                (or[u * w + v], oi[u * w + v]) = dft_at(re, im, h, w, u, v);
            }
        }
        (or, oi)
    }

    #[test]
    fn matches_direct_dft_on_awkward_sizes_and_round_trips() {
        for &(h, w) in &[(1, 1), (1, 7), (5, 3), (12, 17), (31, 8), (16, 16)] {
            let re: Vec<f64> = (0..h * w).map(|i| ((i * 37) % 11) as f64 - 5.0).collect();
            let im: Vec<f64> = (0..h * w).map(|i| ((i * 13) % 7) as f64 * 0.25).collect();
            let shape = Stack { batch: 1, height: h, width: w, channels: 1 };
            let (fr, fi) = fft2(&re, Some(&im), shape, false).unwrap();
            let (dr, di) = dft2(&re, &im, h, w);
            for i in 0..h * w {
                assert!((fr[i] - dr[i]).abs() < 1e-9 && (fi[i] - di[i]).abs() < 1e-9, "{h}×{w} at {i}");
            }
            let (br, bi) = fft2(&fr, Some(&fi), shape, true).unwrap();
            for i in 0..h * w {
                assert!((br[i] - re[i]).abs() < 1e-12 && (bi[i] - im[i]).abs() < 1e-12);
            }
        }
    }

    /// Every (image, channel) plane against a direct DFT, for real and complex input, forward and inverse.
    /// The shapes cover an odd plane count (the last pair half empty), one image larger than a chunk
    /// (`CHUNK_VALUES`), and a stack of several chunks whose last chunk is short and odd.
    #[test]
    fn channels_and_batch_are_independent_planes() {
        let shapes = [(2, 3, 4, 3), (1, 5, 3, 3), (1, 7, 5, 1), (3, 2, 2, 2), (1, 75, 77, 3), (47, 16, 16, 3)];
        for &(batch, h, w, c) in &shapes {
            let shape = Stack { batch, height: h, width: w, channels: c };
            let len = batch * h * w * c;
            let re: Vec<f64> = (0..len).map(|i| (i as f64 * 0.7).sin()).collect();
            let im: Vec<f64> = (0..len).map(|i| (i as f64 * 0.3).cos()).collect();
            let zero = vec![0.0; h * w];
            let plane = |x: &[f64], b: usize, ch: usize| -> Vec<f64> { (0..h * w).map(|p| x[(b * h * w + p) * c + ch]).collect() };
            let n = (h * w) as f64;
            let tol = 1e-11 * n;
            let (fr, fi) = fft2(&re, None, shape, false).unwrap();
            let (gr, gi) = fft2(&re, Some(&im), shape, false).unwrap();
            let (ir, ii) = fft2(&re, None, shape, true).unwrap();
            // first and last images (chunk boundaries included); for big planes, a sample of frequencies
            for b in (0..batch).filter(|&b| b < 3 || b + 3 >= batch) {
                for ch in 0..c {
                    let (pr, pi) = (plane(&re, b, ch), plane(&im, b, ch));
                    let step = if h * w > 1000 { 97 } else { 1 };
                    for p in (0..h * w).step_by(step).chain([h * w - 1]) {
                        let (u, v) = (p / w, p % w);
                        let (dr, di) = dft_at(&pr, &zero, h, w, u, v);
                        let (er, ei) = dft_at(&pr, &pi, h, w, u, v);
                        let i = (b * h * w + p) * c + ch;
                        let at = format!("{shape:?} plane ({b}, {ch}) at ({u}, {v})");
                        assert!((fr[i] - dr).abs() < tol && (fi[i] - di).abs() < tol, "real {at}");
                        assert!((gr[i] - er).abs() < tol && (gi[i] - ei).abs() < tol, "complex {at}");
                        // inverse of real data: conj(DFT(x)) / HW
                        assert!((ir[i] - dr / n).abs() < tol / n && (ii[i] + di / n).abs() < tol / n, "inverse {at}");
                    }
                }
            }
            let pw = power2(&re, shape).unwrap();
            for i in (0..len).step_by(7) {
                assert!((pw[i] - (fr[i] * fr[i] + fi[i] * fi[i])).abs() <= 1e-12 * pw[i].max(1.0));
            }
        }
    }

    #[test]
    fn absurd_shapes_and_prime_lengths_are_refused_before_any_allocation() {
        // 2³¹ in every dimension: the element count times the copies must not wrap round
        let absurd = Stack { batch: 1 << 31, height: 1 << 31, width: 1 << 31, channels: 1 << 31 };
        assert!(matches!(fft2(&[], None, absurd, false), Err(CoreError::TooLarge { .. })));
        assert!(matches!(fftshift(&[], absurd, false), Err(CoreError::TooLarge { .. })));
        // plan memory: smooth lengths need a few copies, large prime factors Bluestein's power-of-two inner FFT
        assert_eq!(largest_prime_factor(1), 1);
        assert_eq!(largest_prime_factor(2 * 3 * 31 * 31), 31);
        assert_eq!(largest_prime_factor(16_777_213), 16_777_213);
        assert_eq!(plan_f64s(1 << 20), 6 << 20);
        assert_eq!(plan_f64s(37), 2 * (4 * 128 + 3 * 37));
        // a 2²⁴ − 3 (prime) column: its input passes the copy count, its plan would need > 2 GiB
        let n = 16_777_213;
        assert!((n as u128) * 8 * 8 <= MAX_BYTES);
        assert!(((n as u128) * 8 + plan_f64s(n) + plan_f64s(1)) * 8 > MAX_BYTES);
    }

    #[test]
    fn the_plan_cache_stays_bounded() {
        // many distinct lengths (a long session): at most CACHE_LENGTHS plans are kept
        for n in 2..60 {
            fft2(&vec![1.0; n], None, Stack { batch: 1, height: n, width: 1, channels: 1 }, false).unwrap();
        }
        assert!(PLANS.with(|c| c.borrow().lengths.len()) <= CACHE_LENGTHS);
        // a plan needing more than CACHE_PLAN_F64S (prime 70001: Bluestein over 2¹⁸) is used once, not kept
        assert!(plan_f64s(70_001) > CACHE_PLAN_F64S);
        let x = vec![0.5; 70_001];
        let (r, _) = fft2(&x, None, Stack { batch: 1, height: 1, width: 70_001, channels: 1 }, false).unwrap();
        assert!((r[0] - 35_000.5).abs() < 1e-6);
        assert!(!PLANS.with(|c| c.borrow().lengths.contains(&(70_001, false))));
    }

    #[test]
    fn values_near_the_top_of_f64_are_transformed_exactly_or_reported() {
        // 1e308 alone (real input, paired with nothing): exact after the internal rescaling
        let one = Stack { batch: 1, height: 1, width: 1, channels: 1 };
        let (r, i) = fft2(&[1e308], None, one, false).unwrap();
        assert_eq!((r[0], i[0]), (1e308, 0.0));
        let two = Stack { batch: 1, height: 1, width: 2, channels: 1 };
        let (r, _) = fft2(&[1e308, 0.0], None, two, false).unwrap();
        assert_eq!(r, vec![1e308, 1e308]);
        // a sum that truly exceeds f64: an Overflow error, not ±Inf or NaN
        let four = Stack { batch: 1, height: 1, width: 4, channels: 1 };
        assert!(matches!(fft2(&[1e308; 4], None, four, false), Err(CoreError::Overflow { .. })));
        assert!(matches!(fft2(&[1e308; 4], Some(&[0.0; 4]), four, false), Err(CoreError::Overflow { .. })));
        assert!(matches!(power2(&[1e200], one), Err(CoreError::Overflow { .. })));
        // the rescaling is per plane (pair): a tiny image beside a huge one keeps its digits
        let close = |r: &[f64], want: &[f64]| r.iter().zip(want).all(|(x, y)| (x - y).abs() <= 1e-15 * y.abs());
        let mixed = Stack { batch: 2, height: 1, width: 2, channels: 1 };
        let (r, _) = fft2(&[1e308, 0.0, 1e-290, 3e-290], None, mixed, false).unwrap();
        assert!(close(&r, &[1e308, 1e308, 4e-290, -2e-290]), "{r:?}");
        let (r, _) = fft2(&[1e308, 0.0, 1e-290, 3e-290], Some(&[0.0; 4]), mixed, false).unwrap();
        assert!(close(&r, &[1e308, 1e308, 4e-290, -2e-290]), "{r:?}");
        let three = Stack { batch: 1, height: 1, width: 2, channels: 3 }; // pairs (0, 1) and (2, −)
        let (r, _) = fft2(&[1e308, 1.0, 1e-300, 0.0, 2.0, 3e-300], None, three, false).unwrap();
        assert!(close(&r, &[1e308, 3.0, 4e-300, 1e308, -1.0, -2e-300]), "{r:?}");
    }

    #[test]
    fn repeated_calls_of_different_sizes_give_the_same_results() {
        // the working buffer and the plans are kept between calls: a smaller call after a larger one must
        // not see stale values
        let big = Stack { batch: 5, height: 24, width: 20, channels: 3 };
        let small = Stack { batch: 1, height: 3, width: 5, channels: 3 };
        let x: Vec<f64> = (0..45).map(|i| ((i * 7) % 5) as f64).collect();
        let first = fft2(&x, None, small, false).unwrap();
        fft2(&vec![9.0; 5 * 24 * 20 * 3], None, big, false).unwrap();
        assert_eq!(fft2(&x, None, small, false).unwrap(), first);
    }

    #[test]
    fn fftshift_matches_numpy_and_inverts() {
        let shape = Stack { batch: 1, height: 3, width: 5, channels: 1 };
        let data: Vec<f64> = (0..15).map(|i| i as f64).collect();
        let s = fftshift(&data, shape, false).unwrap();
        // numpy.fft.fftshift(np.arange(15).reshape(3, 5))
        assert_eq!(s, vec![13., 14., 10., 11., 12., 3., 4., 0., 1., 2., 8., 9., 5., 6., 7.]);
        assert_eq!(fftshift(&s, shape, true).unwrap(), data);
    }

    #[test]
    fn rejects_bad_input() {
        let shape = Stack { batch: 1, height: 2, width: 2, channels: 1 };
        assert!(matches!(fft2(&[1.0; 3], None, shape, false), Err(CoreError::ShapeMismatch { .. })));
        assert!(matches!(fft2(&[1.0, f64::INFINITY, 0.0, 0.0], None, shape, false), Err(CoreError::NonFinite { .. })));
        assert!(matches!(fft2(&[1.0; 4], Some(&[0.0; 3]), shape, false), Err(CoreError::ShapeMismatch { .. })));
        let zero = Stack { batch: 1, height: 0, width: 2, channels: 1 };
        assert!(matches!(fft2(&[], None, zero, false), Err(CoreError::InvalidDimension { .. })));
        let huge = Stack { batch: 1 << 20, height: 1 << 12, width: 1 << 12, channels: 3 };
        assert!(matches!(fft2(&[], None, huge, false), Err(CoreError::TooLarge { .. })));
    }
}
