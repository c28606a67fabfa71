//! Residual tests of the decompositions at several sizes and on hard cases.

use illusion_core::eig::{eig_general, EigOptions};
use illusion_core::eigh::eig_symmetric;
use illusion_core::svd::{lstsq, pinv, svd};
use illusion_core::CoreError;

fn random(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}

fn mm(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Vec<f64> {
    illusion_core::matrix::matmul(a, b, m, k, n).unwrap()
}

fn fro(a: &[f64]) -> f64 {
    a.iter().map(|v| v * v).sum::<f64>().sqrt()
}

/// ‖AV − VΛ‖_F / (‖A‖_F ‖V‖_F) and ‖V⁻¹V − I‖_F / n, complex arithmetic spelled out.
fn eig_residuals(a: &[f64], n: usize) -> (f64, f64, f64) {
    let e = eig_general(a, n, EigOptions::default()).unwrap();
    let avr = mm(a, &e.vectors_re, n, n, n);
    let avi = mm(a, &e.vectors_im, n, n, n);
    let mut r = 0.0;
    for i in 0..n {
        for k in 0..n {
            let (vr, vi) = (e.vectors_re[i * n + k], e.vectors_im[i * n + k]);
            let (lr, li) = (e.values_re[k], e.values_im[k]);
            let dr = avr[i * n + k] - (vr * lr - vi * li);
            let di = avi[i * n + k] - (vr * li + vi * lr);
            r += dr * dr + di * di;
        }
    }
    let res = r.sqrt() / (fro(a).max(f64::MIN_POSITIVE) * (n as f64).sqrt());
    // V⁻¹V = (Wr + iWi)(Vr + iVi)
    let rr = mm(&e.inverse_re, &e.vectors_re, n, n, n);
    let ii = mm(&e.inverse_im, &e.vectors_im, n, n, n);
    let ri = mm(&e.inverse_re, &e.vectors_im, n, n, n);
    let ir = mm(&e.inverse_im, &e.vectors_re, n, n, n);
    let mut d = 0.0;
    for i in 0..n {
        for j in 0..n {
            let re = rr[i * n + j] - ii[i * n + j] - if i == j { 1.0 } else { 0.0 };
            let im = ri[i * n + j] + ir[i * n + j];
            d += re * re + im * im;
        }
    }
    // unit norms
    let mut worst_norm = 0.0f64;
    for k in 0..n {
        let s: f64 = (0..n).map(|i| e.vectors_re[i * n + k].powi(2) + e.vectors_im[i * n + k].powi(2)).sum();
        worst_norm = worst_norm.max((s.sqrt() - 1.0).abs());
    }
    (res, d.sqrt() / n as f64, worst_norm)
}

#[test]
fn eig_general_residuals_at_several_sizes() {
    for &n in &[1usize, 2, 3, 10, 65, 150] {
        let a = random(n * n, n as u64);
        let (res, inv, norm) = eig_residuals(&a, n);
        assert!(res < 1e-13, "n={n}: ‖AV−VΛ‖ = {res:e}");
        assert!(inv < 1e-11, "n={n}: ‖V⁻¹V − I‖ = {inv:e}");
        assert!(norm < 1e-13);
    }
}

#[test]
fn eig_general_known_spectra_sorted_with_pairs() {
    // rotation by 90° scaled by 2, plus a real eigenvalue 3: λ = 3, ±2i
    let a = [0.0, -2.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 3.0];
    let e = eig_general(&a, 3, EigOptions::default()).unwrap();
    assert!((e.values_re[0] - 3.0).abs() < 1e-14 && e.values_im[0] == 0.0);
    assert!(e.values_re[1].abs() < 1e-14 && (e.values_im[1] - 2.0).abs() < 1e-14);
    assert!(e.values_re[2].abs() < 1e-14 && (e.values_im[2] + 2.0).abs() < 1e-14);
    assert!(e.vectors_condition < 10.0);
}

#[test]
fn eig_general_hard_cases() {
    let n = 40;
    // zero matrix: all eigenvalues 0, V⁻¹V = I
    let z = vec![0.0; n * n];
    let e = eig_general(&z, n, EigOptions::default()).unwrap();
    assert!(e.values_re.iter().chain(&e.values_im).all(|v| *v == 0.0));
    // repeated eigenvalues: 2·I + tiny symmetric part — clustered around 2
    let mut rep = random(n * n, 7).iter().map(|v| v * 1e-9).collect::<Vec<_>>();
    for i in 0..n {
        rep[i * n + i] += 2.0;
    }
    let (res, _, _) = eig_residuals(&rep, n);
    assert!(res < 1e-13, "clustered: {res:e}");
    // defective: Jordan block J_5(1) — V is (nearly) singular, reported through vectors_condition
    let mut j = vec![0.0; 25];
    for i in 0..5 {
        j[i * 5 + i] = 1.0;
        if i + 1 < 5 {
            j[i * 5 + i + 1] = 1.0;
        }
    }
    let e = eig_general(&j, 5, EigOptions::default()).unwrap();
    for k in 0..5 {
        assert!((e.values_re[k] - 1.0).abs() < 1e-2 && e.values_im[k].abs() < 1e-2);
    }
    assert!(e.vectors_condition > 1e8, "cond {}", e.vectors_condition);
    // exactly defective 2×2 Jordan block and a nilpotent one: no inverse rather than a meaningless one
    for jordan in [[1.0, 1.0, 0.0, 1.0], [0.0, 1.0, 0.0, 0.0]] {
        let e = eig_general(&jordan, 2, EigOptions::default()).unwrap();
        assert_eq!(e.vectors_condition, f64::INFINITY, "{jordan:?}");
        assert!(e.inverse_re.is_empty() && e.inverse_im.is_empty());
    }
    // badly scaled: entries 1e150 and 1e-150 — residual relative to ‖A‖ still small
    let bad: Vec<f64> = random(n * n, 9).iter().map(|v| v * 1e150).collect();
    let (res, _, _) = eig_residuals(&bad, n);
    assert!(res < 1e-13, "1e150: {res:e}");
    let tiny: Vec<f64> = random(n * n, 9).iter().map(|v| v * 1e-150).collect();
    let (res, _, _) = eig_residuals(&tiny, n);
    assert!(res < 1e-13, "1e-150: {res:e}");
}

#[test]
fn eig_general_rejects_bad_input() {
    let o = EigOptions::default();
    assert!(matches!(eig_general(&[1.0; 5], 2, o), Err(CoreError::ShapeMismatch { .. })));
    assert!(matches!(eig_general(&[], 0, o), Err(CoreError::InvalidDimension { .. })));
    assert!(matches!(eig_general(&[1.0, f64::NAN, 0.0, 1.0], 2, o), Err(CoreError::NonFinite { .. })));
    assert!(matches!(eig_general(&[], 100_000, o), Err(CoreError::TooLarge { .. })));
}

#[test]
fn eig_symmetric_orthogonal_and_accurate() {
    for &n in &[1usize, 4, 33, 130] {
        let r = random(n * n, 100 + n as u64);
        let a: Vec<f64> = (0..n * n).map(|p| r[p] + r[(p % n) * n + p / n]).collect();
        let e = eig_symmetric(&a, n, true).unwrap();
        assert!(e.values.windows(2).all(|w| w[0] <= w[1]));
        let q = &e.vectors;
        let qt: Vec<f64> = (0..n * n).map(|p| q[(p % n) * n + p / n]).collect();
        let qtq = mm(&qt, q, n, n, n);
        let orth = (0..n * n).map(|p| (qtq[p] - if p % (n + 1) == 0 { 1.0 } else { 0.0 }).powi(2)).sum::<f64>().sqrt();
        assert!(orth < 1e-13 * n as f64, "n={n} orth {orth:e}");
        let aq = mm(&a, q, n, n, n);
        let res = (0..n * n).map(|p| (aq[p] - q[p] * e.values[p % n]).powi(2)).sum::<f64>().sqrt() / fro(&a);
        assert!(res < 1e-14 * n as f64, "n={n} res {res:e}");
    }
    assert!(matches!(eig_symmetric(&[1.0, 2.0, 3.0, 1.0], 2, true), Err(CoreError::InvalidDimension { .. })));
}

#[test]
fn svd_reconstructs_and_is_orthogonal() {
    for &(m, n) in &[(1usize, 1usize), (5, 3), (3, 5), (64, 64), (120, 47), (30, 200)] {
        let a = random(m * n, (m * 1000 + n) as u64);
        let s = svd(&a, m, n).unwrap();
        let k = m.min(n);
        assert!(s.s.windows(2).all(|w| w[0] >= w[1]) && s.s.iter().all(|v| *v >= 0.0));
        let us: Vec<f64> = (0..m * k).map(|p| s.u[p] * s.s[p % k]).collect();
        let r = mm(&us, &s.vt, m, k, n);
        let err = a.iter().zip(&r).map(|(x, y)| (x - y).powi(2)).sum::<f64>().sqrt() / fro(&a);
        assert!(err < 1e-14 * (m.max(n) as f64), "{m}×{n}: {err:e}");
        let ut: Vec<f64> = (0..k * m).map(|p| s.u[(p % m) * k + p / m]).collect();
        let utu = mm(&ut, &s.u, k, m, k);
        let o = (0..k * k).map(|p| (utu[p] - if p % (k + 1) == 0 { 1.0 } else { 0.0 }).abs()).fold(0.0, f64::max);
        assert!(o < 1e-13, "{m}×{n}: UᵀU {o:e}");
    }
}

/// The four Penrose conditions, relative to ‖A‖‖A⁺‖.
fn penrose(a: &[f64], p: &[f64], m: usize, n: usize) -> f64 {
    let apa = mm(&mm(a, p, m, n, m), a, m, m, n);
    let pap = mm(&mm(p, a, n, m, n), p, n, n, m);
    let ap = mm(a, p, m, n, m);
    let pa = mm(p, a, n, m, n);
    let sym = |x: &[f64], d: usize| (0..d * d).map(|q| (x[q] - x[(q % d) * d + q / d]).abs()).fold(0.0, f64::max);
    let c1 = a.iter().zip(&apa).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max) / crate_max(a);
    let c2 = p.iter().zip(&pap).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max) / crate_max(p);
    c1.max(c2).max(sym(&ap, m)).max(sym(&pa, n))
}

fn crate_max(a: &[f64]) -> f64 {
    a.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(f64::MIN_POSITIVE)
}

#[test]
fn pinv_satisfies_penrose_conditions_including_rank_deficient() {
    // full rank, wide (like the study's 768×1600 regression, scaled down)
    let (m, n) = (30, 64);
    let a = random(m * n, 5);
    let p = pinv(&a, m, n, None).unwrap();
    assert_eq!(p.rank, 30);
    assert!(penrose(&a, &p.pinv, m, n) < 1e-12);
    // rank 3 (outer products), tall
    let (m, n) = (40, 25);
    let l = random(m * 3, 11);
    let r = random(3 * n, 12);
    let a = mm(&l, &r, m, 3, n);
    let p = pinv(&a, m, n, None).unwrap();
    assert_eq!(p.rank, 3);
    assert!(penrose(&a, &p.pinv, m, n) < 1e-11);
    // zero matrix: A⁺ = 0
    let p = pinv(&[0.0; 6], 2, 3, None).unwrap();
    assert_eq!(p.rank, 0);
    assert!(p.pinv.iter().all(|v| *v == 0.0));
    // tolerance: diag(1, 1e-8) with rtol 1e-6 drops the small one
    let p = pinv(&[1.0, 0.0, 0.0, 1e-8], 2, 2, Some(1e-6)).unwrap();
    assert_eq!(p.rank, 1);
    assert_eq!(p.pinv, vec![1.0, 0.0, 0.0, 0.0]);
    assert!(matches!(pinv(&[1.0; 4], 2, 2, Some(-1.0)), Err(CoreError::InvalidOption { .. })));
}

#[test]
fn lstsq_matches_normal_equations() {
    let (m, n, p) = (50, 8, 3);
    let a = random(m * n, 21);
    let b = random(m * p, 22);
    let x = lstsq(&a, &b, m, n, p, None).unwrap();
    assert_eq!(x.rank, n);
    // Aᵀ(AX − B) = 0
    let r: Vec<f64> = mm(&a, &x.x, m, n, p).iter().zip(&b).map(|(u, v)| u - v).collect();
    let at: Vec<f64> = (0..n * m).map(|q| a[(q % m) * n + q / m]).collect();
    let g = mm(&at, &r, n, m, p);
    assert!(crate_max(&g) < 1e-12);
    assert!(matches!(lstsq(&a, &b[..10], m, n, p, None), Err(CoreError::ShapeMismatch { .. })));
}

#[test]
fn eig_general_repeated_complex_pairs() {
    // Q · diag(R, R, R, 0.5) · Q⁻¹ with R = [[1, −2], [2, 1]]: λ = 1 ± 2i three times (diagonalisable)
    let n = 7;
    let mut d = vec![0.0; n * n];
    for b in 0..3 {
        let o = 2 * b;
        d[o * n + o] = 1.0;
        d[o * n + o + 1] = -2.0;
        d[(o + 1) * n + o] = 2.0;
        d[(o + 1) * n + o + 1] = 1.0;
    }
    d[6 * n + 6] = 0.5;
    let mut q = random(n * n, 31).iter().map(|v| 0.3 * v).collect::<Vec<_>>();
    for i in 0..n {
        q[i * n + i] += 1.0;
    }
    let qinv = illusion_core::svd::pinv(&q, n, n, None).unwrap().pinv;
    let a = mm(&mm(&q, &d, n, n, n), &qinv, n, n, n);
    let (res, inv, _) = eig_residuals(&a, n);
    assert!(res < 1e-13, "residual {res:e}");
    assert!(inv < 1e-10, "inverse {inv:e}");
    let e = eig_general(&a, n, EigOptions::default()).unwrap();
    for k in 0..6 {
        assert!((e.values_re[k] - 1.0).abs() < 1e-7 && (e.values_im[k].abs() - 2.0).abs() < 1e-7);
    }
    assert!((e.values_re[6] - 0.5).abs() < 1e-12);
}

#[test]
fn entries_at_the_ends_of_the_f64_range_are_exact() {
    // the internal power-of-two scaling must stay finite and nonzero: 2^±1024 is not
    for &v in &[1.28e308, f64::MAX, 1e-310, 5e-324] {
        let e = eig_general(&[v], 1, EigOptions::default()).unwrap();
        assert_eq!((e.values_re[0], e.values_im[0]), (v, 0.0), "eig {v:e}");
        assert_eq!(eig_symmetric(&[v], 1, true).unwrap().values, vec![v], "eigh {v:e}");
        assert_eq!(svd(&[v], 1, 1).unwrap().s, vec![v], "svd {v:e}");
        if (1.0 / v).is_finite() {
            let p = pinv(&[v], 1, 1, None).unwrap();
            assert_eq!((p.rank, p.pinv[0]), (1, 1.0 / v), "pinv {v:e}");
        } else {
            // 1/v is beyond f64: an overflow error, not ±Inf
            assert!(matches!(pinv(&[v], 1, 1, None), Err(CoreError::Overflow { .. })), "pinv {v:e}");
        }
    }
    // a rotation-scaling pair near the top: M(1 ± i) is representable
    let m = 1.5e308 / 2.0;
    let e = eig_general(&[m, -m, m, m], 2, EigOptions::default()).unwrap();
    assert!((e.values_re[0] / m - 1.0).abs() < 1e-15 && (e.values_im[0] / m - 1.0).abs() < 1e-15);
}

/// ‖AV − VΛ‖_max for the row-major complex eigenvectors of a real A.
fn complex_residual(a: &[f64], n: usize, e: &illusion_core::eig::EigGeneral) -> f64 {
    let mut worst = 0.0f64;
    for k in 0..n {
        let (lr, li) = (e.values_re[k], e.values_im[k]);
        for i in 0..n {
            let (mut sr, mut si) = (0.0, 0.0);
            for j in 0..n {
                sr += a[i * n + j] * e.vectors_re[j * n + k];
                si += a[i * n + j] * e.vectors_im[j * n + k];
            }
            let (vr, vi) = (e.vectors_re[i * n + k], e.vectors_im[i * n + k]);
            worst = worst.max((sr - (lr * vr - li * vi)).abs()).max((si - (lr * vi + li * vr)).abs());
        }
    }
    worst
}

#[test]
fn repeated_complex_pairs_keep_the_real_matrix_contract() {
    // rot90 ⊕ rot90 (eigenvalues ±i twice) takes the complex-Schur route; then the same hidden by an
    // orthogonal similarity together with the real eigenvalues 2 and 0.5
    let rot2 = [0., -1., 0., 0., 1., 0., 0., 0., 0., 0., 0., -1., 0., 0., 1., 0.];
    let n = 6;
    let mut d = vec![0.0; n * n];
    for (i, j, v) in [(0, 1, -1.0), (1, 0, 1.0), (2, 3, -1.0), (3, 2, 1.0), (4, 4, 2.0), (5, 5, 0.5)] {
        d[i * n + j] = v;
    }
    // Householder Q = I − 2wwᵀ/‖w‖²
    let w: Vec<f64> = (0..n).map(|i| 1.0 + i as f64 * 0.37).collect();
    let ww: f64 = w.iter().map(|x| x * x).sum();
    let q: Vec<f64> = (0..n * n).map(|p| (if p / n == p % n { 1.0 } else { 0.0 }) - 2.0 * w[p / n] * w[p % n] / ww).collect();
    let qd = mm(&q, &d, n, n, n);
    let hidden = mm(&qd, &q, n, n, n); // Q D Qᵀ, Q symmetric
    for (a, n) in [(&rot2[..], 4), (&hidden[..], 6)] {
        let e = eig_general(a, n, EigOptions::default()).unwrap();
        let mut k = 0;
        while k < n {
            if e.values_im[k] != 0.0 {
                // a conjugate pair in adjacent slots, +Im first, conjugate vectors
                assert!(e.values_im[k] > 0.0, "{n}: +Im first at {k}: {:?}", e.values_im);
                assert_eq!((e.values_re[k + 1], e.values_im[k + 1]), (e.values_re[k], -e.values_im[k]));
                for i in 0..n {
                    assert_eq!(e.vectors_re[i * n + k + 1], e.vectors_re[i * n + k]);
                    assert_eq!(e.vectors_im[i * n + k + 1], -e.vectors_im[i * n + k]);
                }
                k += 2;
            } else {
                // a real eigenvalue has a real eigenvector
                assert!((0..n).all(|i| e.vectors_im[i * n + k] == 0.0), "{n}: real vector at {k}");
                k += 1;
            }
        }
        assert!(complex_residual(a, n, &e) < 1e-13, "{n}: residual {}", complex_residual(a, n, &e));
        let magnitudes: Vec<f64> = (0..n).map(|k| e.values_re[k].hypot(e.values_im[k])).collect();
        assert!(magnitudes.windows(2).all(|p| p[0] >= p[1] - 1e-12), "{magnitudes:?}");
    }
    let e = eig_general(&hidden, 6, EigOptions::default()).unwrap();
    assert!((e.values_re[0] - 2.0).abs() < 1e-14 && e.values_im[0] == 0.0);
    assert!((e.values_re[5] - 0.5).abs() < 1e-14 && e.values_im[5] == 0.0);
}
