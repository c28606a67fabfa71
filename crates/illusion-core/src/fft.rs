//! 2D discrete Fourier transforms of stacks of multi-channel images (rustfft: mixed radix, Bluestein
//! for large prime factors, so any size works), and fftshift.
//!
//! Layout: `batch` images of `height×width×channels`, interleaved HWC, flat index
//! ((b·H + y)·W + x)·C + c. Each (image, channel) plane is transformed separately:
//! F[u, v] = Σ_{y,x} f[y, x]·exp(−2πi (u·y/H + v·x/W)) (NumPy's `fft2` convention; the inverse divides by H·W).

use crate::error::{check_finite, check_workspace, CoreError};
use rustfft::num_complex::Complex;
use rustfft::FftPlanner;

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
        let len = (batch as u128) * (height as u128) * (width as u128) * (channels as u128);
        check_workspace(what, len * copies)?;
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

/// 2D FFT (or inverse) of real (`im` = None) or complex data; returns (re, im) in the same layout.
///
/// Real input is transformed two planes at a time: z = a + i·b, Z = FFT2(z), then
/// A[k] = (Z[k] + conj Z[−k]) / 2 and B[k] = (Z[k] − conj Z[−k]) / 2i — half the transforms.
pub fn fft2(re: &[f64], im: Option<&[f64]>, shape: Stack, inverse: bool) -> Result<(Vec<f64>, Vec<f64>), CoreError> {
    let what = if inverse { "ifft2" } else { "fft2" };
    let len = shape.check_data(what, if inverse { "ifft2: real part" } else { "fft2: real part" }, re, 6)?;
    if let Some(im) = im {
        shape.check_data(what, if inverse { "ifft2: imaginary part" } else { "fft2: imaginary part" }, im, 6)?;
    }
    let Stack { batch, height: h, width: w, channels: c } = shape;
    let mut planner = FftPlanner::<f64>::new();
    let (row_fft, col_fft) = if inverse {
        (planner.plan_fft_inverse(w), planner.plan_fft_inverse(h))
    } else {
        (planner.plan_fft_forward(w), planner.plan_fft_forward(h))
    };
    let scratch_len = row_fft.get_inplace_scratch_len().max(col_fft.get_inplace_scratch_len());
    let mut scratch = vec![Complex::new(0.0, 0.0); scratch_len];
    let mut plane = vec![Complex::new(0.0, 0.0); h * w];
    // after the column pass the spectrum is transposed: spec[v·H + u] = F[u, v]
    let mut spec = vec![Complex::new(0.0, 0.0); h * w];
    let mut out_re = vec![0.0; len];
    let mut out_im = vec![0.0; len];
    let norm = if inverse { 1.0 / (h * w) as f64 } else { 1.0 };
    let plane_count = batch * c;
    // flat index of pixel p (= y·W + x) of plane q (= b·C + ch)
    let at = |q: usize, p: usize| (q / c) * h * w * c + p * c + q % c;
    let mut transform = |plane: &mut Vec<Complex<f64>>, spec: &mut Vec<Complex<f64>>| {
        row_fft.process_with_scratch(plane, &mut scratch); // all H rows, length W
        transpose::transpose(plane, spec, w, h);
        col_fft.process_with_scratch(spec, &mut scratch); // all W columns, length H
    };
    match im {
        Some(im) => {
            for q in 0..plane_count {
                for (p, z) in plane.iter_mut().enumerate() {
                    let i = at(q, p);
                    *z = Complex::new(re[i], im[i]);
                }
                transform(&mut plane, &mut spec);
                for v in 0..w {
                    for u in 0..h {
                        let z = spec[v * h + u];
                        let i = at(q, u * w + v);
                        out_re[i] = z.re * norm;
                        out_im[i] = z.im * norm;
                    }
                }
            }
        }
        None => {
            let mut q = 0;
            while q < plane_count {
                let pair = q + 1 < plane_count;
                for (p, z) in plane.iter_mut().enumerate() {
                    *z = Complex::new(re[at(q, p)], if pair { re[at(q + 1, p)] } else { 0.0 });
                }
                transform(&mut plane, &mut spec);
                for v in 0..w {
                    let vn = (w - v) % w;
                    for u in 0..h {
                        let un = (h - u) % h;
                        let z = spec[v * h + u];
                        let zc = spec[vn * h + un].conj();
                        let i = at(q, u * w + v);
                        out_re[i] = 0.5 * (z.re + zc.re) * norm;
                        out_im[i] = 0.5 * (z.im + zc.im) * norm;
                        if pair {
                            let j = at(q + 1, u * w + v);
                            out_re[j] = 0.5 * (z.im - zc.im) * norm;
                            out_im[j] = -0.5 * (z.re - zc.re) * norm;
                        }
                    }
                }
                q += 2;
            }
        }
    }
    Ok((out_re, out_im))
}

/// |FFT2|² per plane (power spectrum, unshifted, same layout), without returning the complex spectrum.
pub fn power2(data: &[f64], shape: Stack) -> Result<Vec<f64>, CoreError> {
    let (re, im) = fft2(data, None, shape, false)?;
    Ok(re.iter().zip(&im).map(|(a, b)| a * a + b * b).collect())
}

/// Move the zero frequency to the centre (index ⌊H/2⌋, ⌊W/2⌋) of every plane, as numpy.fft.fftshift over
/// the two spatial axes; `inverse` undoes it (ifftshift; differs from fftshift for odd sizes).
pub fn fftshift(data: &[f64], shape: Stack, inverse: bool) -> Result<Vec<f64>, CoreError> {
    let what = if inverse { "ifftshift" } else { "fftshift" };
    let len = shape.check_data(what, what, data, 2)?;
    let Stack { batch, height: h, width: w, channels: c } = shape;
    // fftshift: out[(y + ⌊H/2⌋) mod H] = in[y]; ifftshift: out[(y + ⌈H/2⌉) mod H] = in[y].
    let (dy, dx) = if inverse { (h - h / 2, w - w / 2) } else { (h / 2, w / 2) };
    let mut out = vec![0.0; len];
    for b in 0..batch {
        let base = b * h * w * c;
        for y in 0..h {
            let ty = (y + dy) % h;
            for x in 0..w {
                let tx = (x + dx) % w;
                let src = base + (y * w + x) * c;
                let dst = base + (ty * w + tx) * c;
                out[dst..dst + c].copy_from_slice(&data[src..src + c]);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dft2(re: &[f64], im: &[f64], h: usize, w: usize) -> (Vec<f64>, Vec<f64>) {
        let mut or = vec![0.0; h * w];
        let mut oi = vec![0.0; h * w];
        for u in 0..h {
            for v in 0..w {
                let (mut sr, mut si) = (0.0, 0.0);
                for y in 0..h {
                    for x in 0..w {
                        let t = -2.0 * std::f64::consts::PI * ((u * y) as f64 / h as f64 + (v * x) as f64 / w as f64);
                        let (s, c) = t.sin_cos();
                        sr += re[y * w + x] * c - im[y * w + x] * s;
                        si += re[y * w + x] * s + im[y * w + x] * c;
                    }
                }
                or[u * w + v] = sr;
                oi[u * w + v] = si;
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

    #[test]
    fn channels_and_batch_are_independent_planes() {
        let shape = Stack { batch: 2, height: 3, width: 4, channels: 3 };
        let data: Vec<f64> = (0..72).map(|i| (i as f64 * 0.7).sin()).collect();
        let (fr, fi) = fft2(&data, None, shape, false).unwrap();
        for b in 0..2 {
            for c in 0..3 {
                let plane: Vec<f64> = (0..12).map(|p| data[b * 36 + p * 3 + c]).collect();
                let (dr, di) = dft2(&plane, &[0.0; 12], 3, 4);
                for p in 0..12 {
                    assert!((fr[b * 36 + p * 3 + c] - dr[p]).abs() < 1e-12);
                    assert!((fi[b * 36 + p * 3 + c] - di[p]).abs() < 1e-12);
                }
            }
        }
        let pw = power2(&data, shape).unwrap();
        assert!((pw[5] - (fr[5] * fr[5] + fi[5] * fi[5])).abs() < 1e-12);
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
