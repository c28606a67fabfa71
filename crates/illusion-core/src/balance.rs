//! Diagonal balancing of a square matrix before its eigendecomposition, LAPACK dgebal's scaling step
//! (job 'S'; no permutations): D⁻¹AD with D = diag(d), every d_i a power of two (so the similarity is exact),
//! chosen so that row i and column i have comparable norms. The eigenvalues do not change; an eigenvector v
//! of D⁻¹AD gives the eigenvector D·v of A. For matrices whose entries span many decades under a diagonal
//! similarity (D·A·D⁻¹ with D over 1e±100) this is what keeps the eigenvalues accurate — ε‖D⁻¹AD‖ instead of
//! ε‖A‖ — as in NumPy/LAPACK dgeev, which balance by default.

use faer::Mat;

/// Parameters of the iteration (LAPACK's values).
#[derive(Clone, Copy, Debug)]
pub struct BalanceParams {
    /// a row/column pair is rescaled only when that lowers ‖row‖ + ‖column‖ below this fraction
    pub factor: f64,
    /// the largest number of sweeps (dgebal has no limit; each sweep that rescales strictly lowers the sum
    /// of those norms, so a handful suffices in practice)
    pub max_sweeps: usize,
}

impl Default for BalanceParams {
    fn default() -> Self {
        BalanceParams { factor: 0.95, max_sweeps: 100 }
    }
}

/// Balances `a` in place (a ← D⁻¹AD) and returns d. Zero rows or columns keep d_i = 1.
pub fn balance(a: &mut Mat<f64>, params: BalanceParams) -> Vec<f64> {
    let n = a.nrows();
    let mut d = vec![1.0f64; n];
    let sfmin1 = f64::MIN_POSITIVE / f64::EPSILON;
    let sfmax1 = 1.0 / sfmin1;
    let (sfmin2, sfmax2) = (2.0 * sfmin1, 1.0 / (2.0 * sfmin1));
    for _ in 0..params.max_sweeps {
        let mut converged = true;
        for i in 0..n {
            // sum of squares and largest magnitude of column i and of row i, one pass each
            let stats = |(s, m): (f64, f64), v: &f64| (s + v * v, m.max(v.abs()));
            let (c2, mut ca) = a.col(i).iter().fold((0.0, 0.0), stats);
            let (r2, mut ra) = a.row(i).iter().fold((0.0, 0.0), stats);
            let (mut c, mut r) = (c2.sqrt(), r2.sqrt());
            if c == 0.0 || r == 0.0 || !c.is_finite() || !r.is_finite() {
                continue;
            }
            let s = c + r;
            let mut f = 1.0f64;
            let mut g = r / 2.0;
            while c < g && f.max(c).max(ca) < sfmax2 && r.min(g).min(ra) > sfmin2 {
                f *= 2.0;
                c *= 2.0;
                ca *= 2.0;
                r /= 2.0;
                g /= 2.0;
                ra /= 2.0;
            }
            g = c / 2.0;
            while g >= r && r.max(ra) < sfmax2 && f.min(c).min(g).min(ca) > sfmin2 {
                f /= 2.0;
                c /= 2.0;
                g /= 2.0;
                ca /= 2.0;
                r *= 2.0;
                ra *= 2.0;
            }
            if c + r >= params.factor * s {
                continue;
            }
            if (f < 1.0 && d[i] < 1.0 && f * d[i] <= sfmin1) || (f > 1.0 && d[i] > 1.0 && d[i] >= sfmax1 / f) {
                continue;
            }
            d[i] *= f;
            converged = false;
            let g = 1.0 / f;
            a.row_mut(i).iter_mut().for_each(|v| *v *= g);
            for v in a.col_mut(i).iter_mut() {
                *v *= f;
            }
        }
        if converged {
            break;
        }
    }
    d
}

/// log₂ of the balancing factors (each d_i is an exact power of two).
pub fn exponents(d: &[f64]) -> Vec<i32> {
    d.iter().map(|v| v.log2() as i32).collect()
}

/// Binary exponent of |v| (−1023 for zero and subnormals).
fn exponent(v: f64) -> i32 {
    ((v.to_bits() >> 52) & 0x7ff) as i32 - 1023
}

/// 2^e as f64, 0 below the subnormal range.
fn pow2(e: i32) -> f64 {
    if e < -1074 {
        0.0
    } else if e < -1022 {
        f64::from_bits(1u64 << (e + 1074))
    } else {
        f64::from_bits(((e + 1023) as u64) << 52)
    }
}

/// Row factors 2^(k_i − shift) that turn columns of eigenvectors of D⁻¹AD into eigenvectors of A (v ← D·v)
/// without overflow: the common shift brings the largest |v_i|·2^(k_i) below 1. `magnitudes` yields the
/// row index and |v| of every entry of the columns. None when there is nothing to undo (all k_i = 0).
pub fn unbalance_factors(k: &[i32], magnitudes: impl Iterator<Item = (usize, f64)>) -> Option<Vec<f64>> {
    if k.iter().all(|&e| e == 0) {
        return None;
    }
    let top = magnitudes.filter(|&(_, v)| v != 0.0).map(|(i, v)| exponent(v) + k[i]).max().unwrap_or(0);
    Some(k.iter().map(|&e| pow2(e - top - 1)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undoes_a_diagonal_similarity_exactly() {
        // B = S·A·S⁻¹ with S = diag(2^(40k)); balancing B brings its entries back to A's range, exactly
        // (powers of two), and D⁻¹BD is similar to B by construction
        let n = 6;
        let a = Mat::from_fn(n, n, |i, j| 1.0 + ((i * 7 + j * 3) % 5) as f64);
        let s: Vec<f64> = (0..n).map(|k| 2f64.powi(40 * k as i32 - 100)).collect();
        let b = Mat::from_fn(n, n, |i, j| s[i] * a[(i, j)] / s[j]);
        let mut m = b.clone();
        let d = balance(&mut m, BalanceParams::default());
        for i in 0..n {
            for j in 0..n {
                assert_eq!(m[(i, j)], b[(i, j)] * d[j] / d[i], "D⁻¹BD is not the similarity of d");
                // B's entries span 2^±200 relative to A's (1–5); balanced, they are within a few powers of two
                assert!(m[(i, j)].abs() <= 64.0 && m[(i, j)].abs() >= 1.0 / 64.0, "entry ({i},{j}) = {}", m[(i, j)]);
            }
            assert_eq!(d[i].log2().fract(), 0.0, "d[{i}] = {} is not a power of two", d[i]);
        }
    }

    #[test]
    fn unbalancing_factors_never_overflow() {
        let k = [1000, 0, -1000];
        // |v| = 1e300 on the row scaled by 2^1000: the common shift keeps every product ≤ 1
        let f = unbalance_factors(&k, [(0, 1e300), (1, 1.0), (2, 1e-300)].into_iter()).unwrap();
        assert!(1e300 * f[0] <= 1.0 && 1e300 * f[0] > 0.25);
        // rows 1 and 2 carry 2^-1996 and 2^-2993 of the largest entry: below f64, negligible
        assert_eq!((f[1], f[2]), (0.0, 0.0));
        let g = unbalance_factors(&[10, 0], [(0, 1.0), (1, 1.0)].into_iter()).unwrap();
        assert_eq!(g[0] / g[1], 1024.0);
        assert_eq!(unbalance_factors(&[0, 0], [(0, 3.0)].into_iter()), None);
    }

    #[test]
    fn leaves_balanced_and_zero_matrices_alone() {
        let mut m = Mat::from_fn(4, 4, |i, j| if i == j { 2.0 } else { 1.0 });
        assert_eq!(balance(&mut m, BalanceParams::default()), vec![1.0; 4]);
        let mut z = Mat::<f64>::zeros(3, 3);
        assert_eq!(balance(&mut z, BalanceParams::default()), vec![1.0; 3]);
    }
}
