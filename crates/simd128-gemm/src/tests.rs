//! Against a direct triple loop: every layout (column-major, row-major, transposed, reversed), the block
//! boundaries (MR, NR, MC, KC, NC ± 1), every α/β mode, and a dst full of NaN when it must not be read.
use super::*;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
}

/// A strided view over a buffer: element (i, j) at base + i·rs + j·cs.
struct View {
    buf: Vec<f64>,
    base: isize,
    rs: isize,
    cs: isize,
}
impl View {
    /// layout 0 column-major, 1 row-major, 2 column-major with padding, 3 rows and columns reversed
    fn new(rows: usize, cols: usize, layout: u32, rng: &mut Rng) -> View {
        let (r, c) = (rows as isize, cols as isize);
        let (len, base, rs, cs) = match layout {
            0 => (rows * cols, 0, 1, r),
            1 => (rows * cols, 0, c, 1),
            2 => ((rows + 3) * cols.max(1), 0, 1, r + 3),
            _ => (rows * cols, (r * c - 1).max(0), -1, -r),
        };
        View { buf: (0..len).map(|_| rng.next()).collect(), base, rs, cs }
    }
    fn at(&self, i: usize, j: usize) -> f64 {
        self.buf[(self.base + i as isize * self.rs + j as isize * self.cs) as usize]
    }
    fn ptr(&mut self) -> *mut f64 {
        unsafe { self.buf.as_mut_ptr().offset(self.base) }
    }

    fn zero_where(&mut self, rows: usize, cols: usize, pred: impl Fn(usize, usize) -> bool) {
        for i in 0..rows {
            for j in 0..cols {
                if pred(i, j) {
                    let p = (self.base + i as isize * self.rs + j as isize * self.cs) as usize;
                    self.buf[p] = 0.0;
                }
            }
        }
    }
}

type Mask = fn(usize, usize) -> bool;

fn check(m: usize, n: usize, k: usize, layouts: [u32; 3], read_dst: bool, alpha: f64, beta: f64, seed: u64) {
    check_masked(m, n, k, layouts, read_dst, alpha, beta, seed, |_, _| false, |_, _| false);
}

fn check_masked(m: usize, n: usize, k: usize, layouts: [u32; 3], read_dst: bool, alpha: f64, beta: f64, seed: u64, zero_a: Mask, zero_b: Mask) {
    let mut rng = Rng(seed);
    let mut a = View::new(m, k, layouts[0], &mut rng);
    let mut b = View::new(k, n, layouts[1], &mut rng);
    a.zero_where(m, k, zero_a);
    b.zero_where(k, n, zero_b);
    let mut c = View::new(m, n, layouts[2], &mut rng);
    let must_not_read = !read_dst || alpha == 0.0;
    if must_not_read {
        c.buf.iter_mut().for_each(|v| *v = f64::NAN);
    }
    let c0: Vec<f64> = (0..m * n).map(|p| c.at(p % m.max(1), p / m.max(1))).collect();
    let (ap, bp, cp) = (a.ptr(), b.ptr(), c.ptr());
    unsafe { gemm(m, n, k, cp, c.cs, c.rs, read_dst, ap, a.cs, a.rs, bp, b.cs, b.rs, alpha, beta, false, false, false, ()) };
    for j in 0..n {
        for i in 0..m {
            let dot: f64 = (0..k).map(|p| a.at(i, p) * b.at(p, j)).sum();
            let old = if must_not_read { 0.0 } else { alpha * c0[j * m + i] };
            let want = old + beta * dot;
            let got = c.at(i, j);
            let tol = 1e-14 * (k as f64 + 2.0) * (1.0 + want.abs());
            assert!((got - want).abs() <= tol, "m={m} n={n} k={k} layouts={layouts:?} read={read_dst} α={alpha} β={beta}: C[{i},{j}] = {got}, expected {want}");
        }
    }
}

#[test]
fn every_layout_on_small_and_edge_shapes() {
    let dims = [1, 2, 3, 4, 5, 7, 8, 9, 13];
    let mut seed = 1;
    for &m in &dims {
        for &n in &dims {
            for &k in &[1, 2, 5, 16] {
                for la in 0..4 {
                    for lb in 0..4 {
                        seed += 1;
                        check(m, n, k, [la, lb, (la + lb) % 4], true, 1.0, 1.0, seed);
                    }
                }
            }
        }
    }
}

#[test]
fn block_boundaries() {
    for &(m, n, k) in &[(MC - 1, 5, 3), (MC, 9, KC), (MC + 1, 6, KC + 1), (2 * MC + 3, 7, 2 * KC + 5), (6, NC + 3, 4), (5, NC, 2), (130, 70, 300)] {
        for l in 0..4 {
            check(m, n, k, [l, (l + 1) % 4, (l + 2) % 4], true, 0.5, -2.0, (m * 1000 + n * 10 + k) as u64);
        }
    }
}

#[test]
fn alpha_beta_modes_and_unread_dst() {
    for &(read, alpha, beta) in &[(false, 1.0, 1.0), (false, 3.0, 2.0), (true, 0.0, 1.5), (true, 1.0, -1.0), (true, 2.5, 0.25), (true, -1.0, 0.0)] {
        for &(m, n, k) in &[(7, 9, 11), (64, 64, 64), (3, 1, 40), (1, 17, 3)] {
            check(m, n, k, [0, 1, 2], read, alpha, beta, 7);
            check(m, n, k, [3, 0, 1], read, alpha, beta, 8);
        }
    }
}

#[test]
fn zero_depth_scales_or_clears_dst() {
    for &(read, alpha) in &[(false, 1.0), (true, 0.0), (true, 1.0), (true, -2.0)] {
        check(5, 6, 0, [0, 0, 0], read, alpha, 1.0, 3);
        check(5, 6, 0, [1, 1, 3], read, alpha, 1.0, 4);
    }
    // empty outputs touch nothing
    unsafe { gemm(0, 5, 3, core::ptr::null_mut(), 1, 1, true, core::ptr::null(), 1, 1, core::ptr::null(), 1, 1, 1.0, 1.0, false, false, false, ()) };
}

#[test]
fn zero_corners_and_zero_blocks_are_skipped_exactly() {
    // banded factors like faer's QR updates, triangular factors, and slivers whose depth ranges do not meet
    let masks: [(Mask, Mask); 5] = [
        (|_, _| false, |p, j| p > j + 9 || j > p + 20),     // banded B
        (|i, p| p > i + 5 || i > p + 30, |_, _| false),     // banded A
        (|i, p| p > i, |p, j| p > j),                       // lower A, upper B
        (|_, p| p >= 40, |p, _| p < 40),                    // disjoint depth ranges: the product is zero
        (|_, _| true, |_, _| false),                        // A all zero
    ];
    for (t, &(za, zb)) in masks.iter().enumerate() {
        for &(read, alpha, beta) in &[(false, 1.0, 1.0), (true, 1.0, 0.5), (true, -0.5, 2.0)] {
            for &(m, n, k) in &[(64, 64, 64), (70, 33, 90), (9, 300, 300)] {
                for l in 0..4 {
                    check_masked(m, n, k, [l, (l + 1) % 4, (l + 3) % 4], read, alpha, beta, 100 + t as u64, za, zb);
                }
            }
        }
    }
}
