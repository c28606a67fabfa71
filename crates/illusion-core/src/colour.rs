//! Colour spaces, applied to lists of 3-vectors (images: HWC, 3 channels, flat n×3) in f64.
//!
//! Every conversion goes through linear RGB (sRGB primaries, D65 white):
//! - `srgb`: the IEC 61966-2-1 encoding of linear RGB (piecewise: 12.92·v below 0.0031308, else
//!   1.055·v^(1/2.4) − 0.055), extended to negative values as sign(v)·f(|v|);
//! - `xyz`: CIE 1931 XYZ, the IEC 61966-2-1 matrix (4 decimals, as in the standard; its exact inverse);
//! - `lms`: Stockman–Sharpe (2000) 2° cone fundamentals (= CIE 2006 "physiologically relevant" LMS, each
//!   normalised to peak 1), from XYZ through the inverse of the CIE 170-2:2015 matrix that maps those LMS to
//!   the CIE 2006 2° XYZ functions ([1.94735469, −1.41445123, 0.36476327; 0.68990272, 0.34832189, 0;
//!   0, 0, 1.93485343]). Applying it to CIE 1931 XYZ is an approximation (the 1931 and 2006 2° observers
//!   differ by a few percent), documented as such;
//! - `opponent` (default of the study; definition: ours, after SCIENCE.md §6): on white-normalised cone
//!   signals l = L/L_w, m = M/M_w, s = S/S_w (white = linear RGB (1,1,1)): achromatic (l + m)/2,
//!   red–green l − m, yellow–blue ("S − (L+M)") s − (l + m)/2; each channel then divided by its largest
//!   |value| over the linear-RGB unit cube, so A spans [0, 1] and RG, YB span at most [−1, 1]; white is
//!   (1, 0, 0);
//! - `atd`: a Jameson–Hurvich-type opponent space with Hering signs (definition: ours, not a published
//!   parameter set): A = (l + m)/2, T = l − m (red positive), D = (l + m)/2 − s (yellow positive), same
//!   white-normalised cone signals, no range normalisation;
//! - `yuv`: analogue Y′UV of ITU-R BT.601 on the sRGB-encoded values: Y′ = 0.299R′ + 0.587G′ + 0.114B′,
//!   U = 0.492(B′ − Y′), V = 0.877(R′ − Y′);
//! - `ycbcr`: full-range (JFIF) Y′CbCr on the sRGB-encoded values, scaled to [0, 1]: Cb = 0.5 +
//!   (B′ − Y′)/1.772, Cr = 0.5 + (R′ − Y′)/1.402.

use crate::error::{check_finite, check_result, check_workspace, CoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    Srgb,
    LinearRgb,
    Xyz,
    Lms,
    Opponent,
    Atd,
    Yuv,
    Ycbcr,
}

pub const SPACE_NAMES: [&str; 8] = ["srgb", "linear-rgb", "xyz", "lms", "opponent", "atd", "yuv", "ycbcr"];

impl Space {
    pub fn parse(name: &str) -> Result<Space, CoreError> {
        Ok(match name {
            "srgb" => Space::Srgb,
            "linear-rgb" => Space::LinearRgb,
            "xyz" => Space::Xyz,
            "lms" => Space::Lms,
            "opponent" => Space::Opponent,
            "atd" => Space::Atd,
            "yuv" => Space::Yuv,
            "ycbcr" => Space::Ycbcr,
            _ => {
                return Err(CoreError::InvalidOption {
                    what: "colour",
                    detail: format!("unknown colour space \"{name}\" (known: {})", SPACE_NAMES.join(", ")),
                })
            }
        })
    }
}

pub type M3 = [[f64; 3]; 3];

pub const RGB_TO_XYZ: M3 = [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]];
pub const LMS_TO_XYZ_CIE2006: M3 =
    [[1.94735469, -1.41445123, 0.36476327], [0.68990272, 0.34832189, 0.0], [0.0, 0.0, 1.93485343]];
const YUV: M3 = [[0.299, 0.587, 0.114], [-0.492 * 0.299, -0.492 * 0.587, 0.492 * (1.0 - 0.114)], [
    0.877 * (1.0 - 0.299),
    -0.877 * 0.587,
    -0.877 * 0.114,
]];
const YCC: M3 = [
    [0.299, 0.587, 0.114],
    [-0.299 / 1.772, -0.587 / 1.772, (1.0 - 0.114) / 1.772],
    [(1.0 - 0.299) / 1.402, -0.587 / 1.402, -0.114 / 1.402],
];

pub fn mul(a: &M3, b: &M3) -> M3 {
    let mut c = [[0.0; 3]; 3];
    for i in 0..3 {
        for j in 0..3 {
            c[i][j] = (0..3).map(|k| a[i][k] * b[k][j]).sum();
        }
    }
    c
}

pub fn apply(m: &M3, v: [f64; 3]) -> [f64; 3] {
    [0, 1, 2].map(|i| m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2])
}

/// Inverse of a 3×3 matrix by cofactors.
pub fn inv(m: &M3) -> M3 {
    let c = |i: usize, j: usize| {
        let (r0, r1) = ((i + 1) % 3, (i + 2) % 3);
        let (c0, c1) = ((j + 1) % 3, (j + 2) % 3);
        m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0]
    };
    let det = m[0][0] * c(0, 0) + m[0][1] * c(0, 1) + m[0][2] * c(0, 2);
    let mut out = [[0.0; 3]; 3];
    for i in 0..3 {
        for j in 0..3 {
            out[j][i] = c(i, j) / det;
        }
    }
    out
}

/// Linear RGB → LMS.
pub fn rgb_to_lms() -> M3 {
    mul(&inv(&LMS_TO_XYZ_CIE2006), &RGB_TO_XYZ)
}

/// Linear RGB → white-normalised cone signals (l, m, s), white (1,1,1) ↦ (1,1,1).
fn rgb_to_lms_white() -> M3 {
    let m = rgb_to_lms();
    let w = apply(&m, [1.0, 1.0, 1.0]);
    [0, 1, 2].map(|i| [0, 1, 2].map(|j| m[i][j] / w[i]))
}

const OPPONENT_ROWS: M3 = [[0.5, 0.5, 0.0], [1.0, -1.0, 0.0], [-0.5, -0.5, 1.0]];
const ATD_ROWS: M3 = [[0.5, 0.5, 0.0], [1.0, -1.0, 0.0], [0.5, 0.5, -1.0]];

/// The matrix from linear RGB to a linear space, or None for the non-linear ones (srgb, yuv, ycbcr).
pub fn from_linear_matrix(space: Space) -> Option<M3> {
    Some(match space {
        Space::LinearRgb => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        Space::Xyz => RGB_TO_XYZ,
        Space::Lms => rgb_to_lms(),
        Space::Opponent => {
            let raw = mul(&OPPONENT_ROWS, &rgb_to_lms_white());
            // divide each row by its largest |value| over the unit cube (a linear form peaks at a vertex)
            raw.map(|row| {
                let pos: f64 = row.iter().filter(|v| **v > 0.0).sum();
                let neg: f64 = row.iter().filter(|v| **v < 0.0).sum();
                let peak = pos.max(-neg);
                row.map(|v| v / peak)
            })
        }
        Space::Atd => mul(&ATD_ROWS, &rgb_to_lms_white()),
        Space::Srgb | Space::Yuv | Space::Ycbcr => return None,
    })
}

/// Matrix taking `from` coordinates to `to` coordinates, when both are linear in linear RGB.
pub fn colour_matrix(from: Space, to: Space) -> Result<M3, CoreError> {
    let nonlinear = |s: Space| CoreError::InvalidOption {
        what: "colourMatrix",
        detail: format!("{} is not a linear function of linear RGB: no matrix (use convertColour)", SPACE_NAMES[s as usize]),
    };
    let f = from_linear_matrix(from).ok_or_else(|| nonlinear(from))?;
    let t = from_linear_matrix(to).ok_or_else(|| nonlinear(to))?;
    Ok(mul(&t, &inv(&f)))
}

pub fn srgb_encode(v: f64) -> f64 {
    let a = v.abs();
    let e = if a <= 0.0031308 { 12.92 * a } else { 1.055 * a.powf(1.0 / 2.4) - 0.055 };
    e.copysign(v)
}

pub fn srgb_decode(v: f64) -> f64 {
    let a = v.abs();
    let d = if a <= 0.04045 { a / 12.92 } else { ((a + 0.055) / 1.055).powf(2.4) };
    d.copysign(v)
}

/// Converts whole lists of 3-vectors (flat, n×3) between two spaces.
pub struct Converter {
    from: Space,
    to: Space,
    to_linear: Option<M3>,
    from_linear: Option<M3>,
}

impl Converter {
    pub fn new(from: Space, to: Space) -> Converter {
        Converter { from, to, to_linear: from_linear_matrix(from).map(|m| inv(&m)), from_linear: from_linear_matrix(to) }
    }

    fn to_linear(&self, v: [f64; 3]) -> [f64; 3] {
        match self.from {
            Space::Srgb => v.map(srgb_decode),
            Space::Yuv => apply(&inv(&YUV), v).map(srgb_decode),
            Space::Ycbcr => apply(&inv(&YCC), [v[0], v[1] - 0.5, v[2] - 0.5]).map(srgb_decode),
            _ => apply(self.to_linear.as_ref().unwrap(), v),
        }
    }

    fn from_linear(&self, v: [f64; 3]) -> [f64; 3] {
        match self.to {
            Space::Srgb => v.map(srgb_encode),
            Space::Yuv => apply(&YUV, v.map(srgb_encode)),
            Space::Ycbcr => {
                let y = apply(&YCC, v.map(srgb_encode));
                [y[0], y[1] + 0.5, y[2] + 0.5]
            }
            _ => apply(self.from_linear.as_ref().unwrap(), v),
        }
    }

    pub fn convert(&self, v: [f64; 3]) -> [f64; 3] {
        if self.from == self.to {
            return v;
        }
        self.from_linear(self.to_linear(v))
    }
}

/// Convert a flat list of 3-vectors (an HWC image with 3 channels, or a single colour) between spaces.
pub fn convert_colour(data: &[f64], from: Space, to: Space) -> Result<Vec<f64>, CoreError> {
    const WHAT: &str = "convertColour";
    if data.is_empty() || data.len() % 3 != 0 {
        return Err(CoreError::InvalidDimension {
            what: WHAT,
            detail: format!("expected a non-empty list of 3-vectors (length a multiple of 3), got length {}", data.len()),
        });
    }
    check_workspace(WHAT, 2 * data.len() as u128)?;
    check_finite(WHAT, data)?;
    let conv = Converter::new(from, to);
    let mut out = Vec::with_capacity(data.len());
    for px in data.chunks_exact(3) {
        out.extend_from_slice(&conv.convert([px[0], px[1], px[2]]));
    }
    check_result(WHAT, &out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Space; 8] =
        [Space::Srgb, Space::LinearRgb, Space::Xyz, Space::Lms, Space::Opponent, Space::Atd, Space::Yuv, Space::Ycbcr];

    #[test]
    fn round_trips_between_every_pair() {
        let data: Vec<f64> = (0..60).map(|i| ((i * 37) % 23) as f64 / 22.0).collect();
        for &a in &ALL {
            for &b in &ALL {
                let there = convert_colour(&data, Space::Srgb, a).unwrap();
                let across = convert_colour(&there, a, b).unwrap();
                let back = convert_colour(&across, b, Space::Srgb).unwrap();
                for (x, y) in data.iter().zip(&back) {
                    assert!((x - y).abs() < 1e-12, "{a:?}→{b:?}");
                }
            }
        }
    }

    #[test]
    fn white_and_grey_are_achromatic() {
        let w = convert_colour(&[1.0, 1.0, 1.0], Space::Srgb, Space::Opponent).unwrap();
        assert!((w[0] - 1.0).abs() < 1e-12 && w[1].abs() < 1e-12 && w[2].abs() < 1e-12);
        let g = convert_colour(&[0.5, 0.5, 0.5], Space::LinearRgb, Space::Atd).unwrap();
        assert!((g[0] - 0.5).abs() < 1e-12 && g[1].abs() < 1e-12 && g[2].abs() < 1e-12);
        // D65 white in XYZ from the IEC matrix: (0.9505, 1.0000, 1.0890)
        let x = convert_colour(&[1.0, 1.0, 1.0], Space::Srgb, Space::Xyz).unwrap();
        assert!((x[0] - 0.9505).abs() < 1e-12 && (x[1] - 1.0).abs() < 1e-12 && (x[2] - 1.089).abs() < 1e-12);
        let y = convert_colour(&[1.0, 1.0, 1.0], Space::Srgb, Space::Ycbcr).unwrap();
        assert!((y[0] - 1.0).abs() < 1e-12 && (y[1] - 0.5).abs() < 1e-12 && (y[2] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn opponent_signs_and_ranges() {
        let red = convert_colour(&[1.0, 0.0, 0.0], Space::LinearRgb, Space::Opponent).unwrap();
        let blue = convert_colour(&[0.0, 0.0, 1.0], Space::LinearRgb, Space::Opponent).unwrap();
        assert!(red[1] > 0.0 && blue[2] > 0.0 && red[2] < 0.0);
        let mut peak = [0.0f64; 3];
        for v in 0..8 {
            let c = [(v & 1) as f64, ((v >> 1) & 1) as f64, ((v >> 2) & 1) as f64];
            let o = convert_colour(&c, Space::LinearRgb, Space::Opponent).unwrap();
            for k in 0..3 {
                peak[k] = peak[k].max(o[k].abs());
            }
        }
        for p in peak {
            assert!((p - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn srgb_transfer_function_known_values() {
        assert!((srgb_decode(0.5) - 0.21404114048223255).abs() < 1e-15);
        assert!((srgb_encode(0.0031308) - 0.040449936).abs() < 1e-9);
        assert_eq!(srgb_decode(-0.5), -srgb_decode(0.5));
    }

    #[test]
    fn matrices_and_errors() {
        let m = colour_matrix(Space::LinearRgb, Space::Xyz).unwrap();
        assert_eq!(m[1][1], 0.7152);
        assert!(colour_matrix(Space::Srgb, Space::Xyz).is_err());
        assert!(Space::parse("hsv").is_err());
        assert!(matches!(convert_colour(&[1.0, 2.0], Space::Srgb, Space::Xyz), Err(CoreError::InvalidDimension { .. })));
        assert!(matches!(convert_colour(&[1.0, f64::NAN, 0.0], Space::Srgb, Space::Xyz), Err(CoreError::NonFinite { .. })));
    }
}
