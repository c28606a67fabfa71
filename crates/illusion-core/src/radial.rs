//! Radial average of 2D power spectra: the mean over rings of equal radial frequency, per plane.
//!
//! Input: a stack of unshifted spectra (the layout `fft2`/`power2` return: index (u, v) holds frequency
//! (fftfreq(H)[u], fftfreq(W)[v]) cycles/pixel). Ring k collects the frequencies with
//! round(|f| / Δ) = k, Δ = `bin_width` cycles/pixel (default 1 / max(H, W)); rings run from 0 up to
//! `max_frequency` (default 0.5 cycles/pixel, the Nyquist limit along an axis; corners beyond it are
//! dropped unless a larger maximum is asked for).

use crate::error::CoreError;
use crate::fft::Stack;

#[derive(Clone, Copy, Debug, Default)]
pub struct RadialOptions {
    pub bin_width: Option<f64>,
    pub max_frequency: Option<f64>,
}

#[derive(Clone, Debug, Default)]
pub struct RadialAverage {
    /// ring centres k·Δ, cycles/pixel
    pub frequency: Vec<f64>,
    /// number of spectrum samples in each ring (same for every plane)
    pub count: Vec<f64>,
    /// mean power, ((b·C + c)·bins + k)
    pub mean: Vec<f64>,
    pub bins: usize,
}

/// fftfreq: frequency in cycles/sample of DFT index k of a length-n transform.
pub fn fftfreq(k: usize, n: usize) -> f64 {
    if k <= (n - 1) / 2 { k as f64 / n as f64 } else { (k as f64 - n as f64) / n as f64 }
}

pub fn radial_average(power: &[f64], shape: Stack, opts: RadialOptions) -> Result<RadialAverage, CoreError> {
    const WHAT: &str = "radialAverage";
    shape.check_data(WHAT, "radialAverage: spectrum", power, 2)?;
    let Stack { batch, height: h, width: w, channels: c } = shape;
    let bin_width = opts.bin_width.unwrap_or(1.0 / h.max(w) as f64);
    let max_f = opts.max_frequency.unwrap_or(0.5);
    if !(bin_width.is_finite() && bin_width > 0.0) {
        return Err(CoreError::InvalidOption { what: WHAT, detail: format!("binWidth must be a finite number > 0, got {bin_width}") });
    }
    if !(max_f.is_finite() && max_f >= 0.0) {
        return Err(CoreError::InvalidOption { what: WHAT, detail: format!("maxFrequency must be a finite number ≥ 0, got {max_f}") });
    }
    // counted in f64 first: a huge ratio must not wrap round when converted
    let rings = (max_f / bin_width + 1e-9).floor() + 1.0;
    if !(rings <= (1u32 << 24) as f64) {
        return Err(CoreError::InvalidOption {
            what: WHAT,
            detail: format!("{rings:.3e} rings (maxFrequency {max_f} / binWidth {bin_width}): at most 16777216; binWidth is too small for maxFrequency"),
        });
    }
    let bins = rings as usize;
    // the ring index of every sample, the counts, and the means of every plane
    crate::error::check_workspace(WHAT, (h * w) as u128 + 2 * bins as u128 + (batch * c) as u128 * bins as u128)?;
    // ring of every (u, v), or usize::MAX when outside
    let ring: Vec<usize> = (0..h * w)
        .map(|p| {
            let r = fftfreq(p / w, h).hypot(fftfreq(p % w, w));
            let k = (r / bin_width).round() as usize;
            if k < bins { k } else { usize::MAX }
        })
        .collect();
    let mut count = vec![0.0; bins];
    for &k in &ring {
        if k != usize::MAX {
            count[k] += 1.0;
        }
    }
    let mut mean = vec![0.0; batch * c * bins];
    for b in 0..batch {
        for (p, &k) in ring.iter().enumerate() {
            if k == usize::MAX {
                continue;
            }
            for ch in 0..c {
                mean[(b * c + ch) * bins + k] += power[(b * h * w + p) * c + ch];
            }
        }
    }
    for plane in mean.chunks_mut(bins) {
        for (m, &n) in plane.iter_mut().zip(&count) {
            *m = if n > 0.0 { *m / n } else { f64::NAN };
        }
    }
    let frequency = (0..bins).map(|k| k as f64 * bin_width).collect();
    Ok(RadialAverage { frequency, count, mean, bins })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_of_a_4x4_spectrum() {
        // power = |f|² in cycles/pixel: each ring's mean is known in closed form
        let (h, w) = (4, 4);
        let power: Vec<f64> = (0..16).map(|p| fftfreq(p / w, h).powi(2) + fftfreq(p % w, w).powi(2)).collect();
        let r = radial_average(&power, Stack { batch: 1, height: h, width: w, channels: 1 }, Default::default()).unwrap();
        assert_eq!(r.frequency, vec![0.0, 0.25, 0.5]);
        // fftfreq(4) = [0, ¼, −½, −¼]. Ring 0: DC. Ring 1: 4 axis points at ¼ and 4 diagonals at 0.354
        // (0.354/¼ = 1.41 → 1). Ring 2: 2 axis points at ½ and 4 points (½, ¼) at 0.559 (2.24 → 2);
        // the corner (½, ½) at 0.707 (2.83 → 3) is beyond Nyquist and dropped.
        assert_eq!(r.count, vec![1.0, 8.0, 6.0]);
        assert!((r.mean[1] - (4.0 * 0.0625 + 4.0 * 0.125) / 8.0).abs() < 1e-15);
        assert!((r.mean[2] - (2.0 * 0.25 + 4.0 * 0.3125) / 6.0).abs() < 1e-15);
    }

    #[test]
    fn rejects_bad_options() {
        let s = Stack { batch: 1, height: 2, width: 2, channels: 1 };
        let bad = RadialOptions { bin_width: Some(0.0), max_frequency: None };
        assert!(matches!(radial_average(&[1.0; 4], s, bad), Err(CoreError::InvalidOption { .. })));
        let bad = RadialOptions { bin_width: None, max_frequency: Some(f64::NAN) };
        assert!(matches!(radial_average(&[1.0; 4], s, bad), Err(CoreError::InvalidOption { .. })));
        // ring counts that would wrap round a usize are refused, not allocated
        for (bin_width, max_frequency) in [(Some(1e-10), None), (Some(1e-300), None), (None, Some(1e300))] {
            let r = radial_average(&[1.0; 4], s, RadialOptions { bin_width, max_frequency });
            assert!(matches!(r, Err(CoreError::InvalidOption { .. })), "{bin_width:?} {max_frequency:?}");
        }
        // the means of all planes are counted: 20 planes × 16 000 001 rings is 2.4 GiB
        let many = Stack { batch: 20, height: 1, width: 1, channels: 1 };
        let r = radial_average(&[1.0; 20], many, RadialOptions { bin_width: Some(1e-7), max_frequency: Some(1.6) });
        assert!(matches!(r, Err(CoreError::TooLarge { .. })));
    }
}
