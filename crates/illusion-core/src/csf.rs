//! Human contrast sensitivity functions of SCIENCE.md §7 (f in cycles/degree).

use crate::error::{check_finite, CoreError};

/// Standard Spatial Observer, achromatic, as coded in the authors' lab:
/// 330.74·[exp(−f/7.28) − 0.837·exp(−f²/1.809²)] (peak ≈ 201 at ≈ 3 cpd).
pub fn sso(f: f64) -> f64 {
    330.74 * ((-f / 7.28).exp() - 0.837 * (-(f * f) / (1.809 * 1.809)).exp())
}

/// SSO oblique-effect factor 1 − 4(1 − exp(−f/6.664))·fx²fy²/f⁴ (1 at f = 0).
pub fn sso_oblique_factor(fx: f64, fy: f64) -> f64 {
    let f = fx.hypot(fy);
    if f == 0.0 {
        return 1.0;
    }
    // fx²fy²/f⁴ = (cos θ sin θ)², computed from the unit direction: no overflow or underflow for any finite f
    let (c, s) = (fx / f, fy / f);
    1.0 - 4.0 * (1.0 - (-f / 6.664).exp()) * (c * s) * (c * s)
}

/// SSO at a 2D frequency (fx, fy), with the oblique factor.
pub fn sso_2d(fx: f64, fy: f64) -> f64 {
    sso(fx.hypot(fy)) * sso_oblique_factor(fx, fy)
}

/// Peak of the SSO in the lab's code, the scale of the chromatic fits.
pub const SSO_PEAK: f64 = 201.3;

/// Red–green, the lab's fit to Mullen (1985): 0.75·201.3·exp(−f/6.64).
pub fn mullen_rg(f: f64) -> f64 {
    0.75 * SSO_PEAK * (-f / 6.64).exp()
}

/// Yellow–blue, the lab's fit to Mullen (1985): 0.55·201.3·exp(−f/4.13).
pub fn mullen_yb(f: f64) -> f64 {
    0.55 * SSO_PEAK * (-f / 4.13).exp()
}

/// Mannos & Sakrison (1974): 2.6·(0.0192 + 0.114f)·exp(−(0.114f)^1.1).
pub fn mannos_sakrison(f: f64) -> f64 {
    2.6 * (0.0192 + 0.114 * f) * (-(0.114 * f).powf(1.1)).exp()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsfModel {
    Sso,
    MullenRg,
    MullenYb,
    MannosSakrison,
}

pub const CSF_NAMES: [&str; 4] = ["sso", "mullen-rg", "mullen-yb", "mannos-sakrison"];

impl CsfModel {
    pub fn parse(name: &str) -> Result<CsfModel, CoreError> {
        Ok(match name {
            "sso" => CsfModel::Sso,
            "mullen-rg" => CsfModel::MullenRg,
            "mullen-yb" => CsfModel::MullenYb,
            "mannos-sakrison" => CsfModel::MannosSakrison,
            _ => {
                return Err(CoreError::InvalidOption {
                    what: "csf",
                    detail: format!("unknown CSF model \"{name}\" (known: {})", CSF_NAMES.join(", ")),
                })
            }
        })
    }

    pub fn eval(self, f: f64) -> f64 {
        match self {
            CsfModel::Sso => sso(f),
            CsfModel::MullenRg => mullen_rg(f),
            CsfModel::MullenYb => mullen_yb(f),
            CsfModel::MannosSakrison => mannos_sakrison(f),
        }
    }
}

fn check_frequencies(what: &'static str, f: &[f64]) -> Result<(), CoreError> {
    check_finite(what, f)?;
    if let Some(i) = f.iter().position(|&v| v < 0.0) {
        return Err(CoreError::InvalidOption { what, detail: format!("frequency at index {i} is negative ({})", f[i]) });
    }
    Ok(())
}

/// A radial CSF model at the frequencies `f` (cycles/degree, ≥ 0).
pub fn csf(model: CsfModel, f: &[f64]) -> Result<Vec<f64>, CoreError> {
    crate::error::check_workspace("csf", 2 * f.len() as u128)?; // input copy and output
    check_frequencies("csf: frequencies", f)?;
    Ok(f.iter().map(|&v| model.eval(v)).collect())
}

/// The SSO with its oblique factor at 2D frequencies (fx[i], fy[i]) (cycles/degree; signs do not matter).
pub fn csf_sso_2d(fx: &[f64], fy: &[f64]) -> Result<Vec<f64>, CoreError> {
    if fx.len() != fy.len() {
        return Err(CoreError::ShapeMismatch { what: "csfSso2d: fy", expected: fx.len(), got: fy.len() });
    }
    crate::error::check_workspace("csfSso2d", 3 * fx.len() as u128)?; // two input copies and the output
    check_finite("csfSso2d: fx", fx)?;
    check_finite("csfSso2d: fy", fy)?;
    Ok(fx.iter().zip(fy).map(|(&x, &y)| sso_2d(x, y)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sso_peaks_near_201_at_3_cpd() {
        let (mut best_f, mut best) = (0.0, 0.0);
        for i in 0..=6000 {
            let f = i as f64 * 0.001;
            if sso(f) > best {
                best = sso(f);
                best_f = f;
            }
        }
        assert!((best - 201.3).abs() < 0.5, "peak {best}");
        assert!((best_f - 3.0).abs() < 0.35, "at {best_f}");
        assert!((sso(0.0) - 330.74 * 0.163).abs() < 1e-9);
    }

    #[test]
    fn oblique_factor_closed_forms() {
        assert_eq!(sso_oblique_factor(5.0, 0.0), 1.0);
        let f = 10.0;
        let d = f / 2f64.sqrt();
        assert!((sso_oblique_factor(d, d) - (-f / 6.664).exp()).abs() < 1e-12);
        assert!((sso_2d(0.0, 3.0) - sso(3.0)).abs() < 1e-12);
    }

    #[test]
    fn chromatic_and_mannos_closed_forms() {
        assert!((mullen_rg(0.0) - 150.975).abs() < 1e-9);
        assert!((mullen_yb(0.0) - 110.715).abs() < 1e-9);
        assert!((mullen_rg(6.64) - 150.975 / std::f64::consts::E).abs() < 1e-9);
        assert!(mullen_rg(5.0) > mullen_yb(5.0));
        assert!((mannos_sakrison(0.0) - 2.6 * 0.0192).abs() < 1e-15);
        // MS peaks near 8 cpd at ≈ 0.98
        let peak = (0..2000).map(|i| mannos_sakrison(i as f64 * 0.01)).fold(0.0, f64::max);
        assert!((peak - 0.98).abs() < 0.03, "{peak}");
        assert!(csf(CsfModel::Sso, &[-1.0]).is_err());
        assert!(CsfModel::parse("foo").is_err());
    }
}
