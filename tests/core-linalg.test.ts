// The linear algebra of the core through the WASM facade: residuals and invariants at several sizes and
// on hard cases, and agreement with NumPy/SciPy (LAPACK) fixtures (tests/fixtures/core/make_fixtures.py).
import test from 'ava';
import { readFileSync } from 'node:fs';
import { loadCore, matrix, type Matrix } from '../ts/core/index.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/core/core-fixtures.json', import.meta.url), 'utf8'));
const core = await loadCore();

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 * 2 - 1;
  };
}
function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const r = seeded(seed);
  return matrix(rows, cols, Float64Array.from({ length: rows * cols }, r));
}
const fro = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));
const fromFixture = (m: { rows: number; cols: number; data: number[] }) => matrix(m.rows, m.cols, m.data);

/** ‖AV − VΛ‖_F / (‖A‖_F √n), ‖V⁻¹V − I‖_F / n, with complex products written out. */
function eigResiduals(a: Matrix) {
  const n = a.rows;
  const e = core.eigGeneral(a);
  const vr = e.vectorsRe!, vi = e.vectorsIm!, wr = e.inverseRe!, wi = e.inverseIm!;
  const avr = core.matmul(a, vr).data, avi = core.matmul(a, vi).data;
  let r = 0;
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
    const [xr, xi, lr, li] = [vr.data[i * n + k], vi.data[i * n + k], e.valuesRe[k], e.valuesIm[k]];
    r += (avr[i * n + k] - (xr * lr - xi * li)) ** 2 + (avi[i * n + k] - (xr * li + xi * lr)) ** 2;
  }
  const rr = core.matmul(wr, vr).data, ii = core.matmul(wi, vi).data, ri = core.matmul(wr, vi).data, ir = core.matmul(wi, vr).data;
  let d = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    d += (rr[i * n + j] - ii[i * n + j] - (i === j ? 1 : 0)) ** 2 + (ri[i * n + j] + ir[i * n + j]) ** 2;
  }
  return { e, residual: Math.sqrt(r) / (Math.max(fro(a.data), Number.MIN_VALUE) * Math.sqrt(n)), inverse: Math.sqrt(d) / n };
}

/** Greedy nearest matching of two complex spectra: the largest distance, relative to max(1, |λ|max). */
function spectrumDistance(re: ArrayLike<number>, im: ArrayLike<number>, wantRe: number[], wantIm: number[]) {
  const left = wantRe.map((r, k) => [r, wantIm[k]]);
  const scale = Math.max(1, ...left.map(([r, i]) => Math.hypot(r, i)));
  let worst = 0;
  for (let k = 0; k < re.length; k++) {
    let best = 0;
    for (let j = 1; j < left.length; j++) {
      if (Math.hypot(left[j][0] - re[k], left[j][1] - im[k]) < Math.hypot(left[best][0] - re[k], left[best][1] - im[k])) best = j;
    }
    worst = Math.max(worst, Math.hypot(left[best][0] - re[k], left[best][1] - im[k]));
    left.splice(best, 1);
  }
  return worst / scale;
}

test('eigGeneral: residuals ‖AV − VΛ‖/‖A‖ and ‖V⁻¹V − I‖ at several sizes', (t) => {
  for (const n of [1, 2, 7, 32, 100, 200]) {
    const { e, residual, inverse } = eigResiduals(randomMatrix(n, n, n));
    t.true(residual < 1e-13, `n=${n}: ${residual}`);
    t.true(inverse < 1e-11, `n=${n}: ${inverse}`);
    // sorted by |λ| descending, pairs adjacent with positive imaginary part first
    for (let k = 1; k < n; k++) t.true(Math.hypot(e.valuesRe[k], e.valuesIm[k]) <= Math.hypot(e.valuesRe[k - 1], e.valuesIm[k - 1]) * (1 + 1e-12));
    for (let k = 0; k < n; k++) if (e.valuesIm[k] > 0) t.is(e.valuesIm[k + 1], -e.valuesIm[k]);
  }
});

test('eigGeneral: A = Σ λ_k v_k (V⁻¹)_k reconstructs A', (t) => {
  const n = 24;
  const a = randomMatrix(n, n, 99);
  const e = core.eigGeneral(a);
  let err = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const vr = e.vectorsRe!.data[i * n + k], vi = e.vectorsIm!.data[i * n + k];
      const wr = e.inverseRe!.data[k * n + j], wi = e.inverseIm!.data[k * n + j];
      const pr = vr * wr - vi * wi, pi = vr * wi + vi * wr;
      s += e.valuesRe[k] * pr - e.valuesIm[k] * pi;
    }
    err = Math.max(err, Math.abs(s - a.data[i * n + j]));
  }
  t.true(err < 1e-12, String(err));
});

test('eigGeneral: eigenvalues agree with LAPACK (NumPy fixtures) on hard cases', (t) => {
  for (const c of fx.eig) {
    const a = fromFixture(c.a);
    const e = core.eigGeneral(a);
    const dist = spectrumDistance(e.valuesRe, e.valuesIm, c.values.re, c.values.im);
    // a nearly defective 6×6 Jordan block perturbed by 1e-6 has eigenvalues sensitive at the 1e-6^(1/6) level
    const tol = c.name.startsWith('nearly-defective') ? 1e-8 : 1e-12;
    t.true(dist < tol, `${c.name}: ${dist}`);
    if (!c.name.startsWith('nearly-defective')) {
      const { residual } = eigResiduals(a);
      // balanced (as LAPACK dgeev): backward stable for D⁻¹AD, so the residual of A itself grows with the
      // spread of its row scales (rows over 12 decades here: NumPy's balanced eig gives 3.7e-13 on this matrix)
      const bound = c.name.startsWith('badly-scaled') ? 1e-12 : 1e-13;
      t.true(residual < bound, `${c.name}: residual ${residual}`);
    } else {
      t.true(e.vectorsCondition > 1e6, `${c.name}: condition ${e.vectorsCondition}`);
    }
  }
});

test('eigGeneral: exactly double real eigenvalues, tiny pairs and nearly defective inverses (review findings)', (t) => {
  const check = (name: string, a: Matrix) => {
    const { worstNorm, residual } = vectorsCheck(a, core.eigGeneral(a, { inverse: false }));
    t.true(worstNorm < 1e-12, `${name}: a column's norm is off by ${worstNorm}`);
    t.true(residual < 1e-13, `${name}: ‖AV − VΛ‖/(‖A‖√n) = ${residual}`);
  };
  // (x − 1)²'s companion matrix and a rotated Jordan block: faer's 2×2 Schur step left them lower
  // triangular and one eigenvector came out all zero, silently
  const c = Math.cos((48 * Math.PI) / 180), s = Math.sin((48 * Math.PI) / 180);
  check('companion of (x − 1)²', matrix(2, 2, Float64Array.from([2, -1, 1, 0])));
  check('Q·J₂(1)·Qᵀ at 48°', matrix(2, 2, Float64Array.from([1 - c * s, c * c, -s * s, 1 + c * s])));
  // a pair 1e-160·(1 ± i) above a real eigenvalue 0: the 2×2 step's determinant (≈ 1e-320) was inverted to ∞
  const tiny = 1e-160;
  check('tiny pair', matrix(3, 3, Float64Array.from([tiny, tiny, 1, -tiny, tiny, 1, 0, 0, 0])));
  // J₂₅₆(1) + 1e-10 in the corner: condition ≈ 1e11; V⁻¹ must satisfy V⁻¹V = I to ≈ cond·ε·n
  const n = 256;
  const j = matrix(n, n, Float64Array.from({ length: n * n }, (_, p) => {
    const [r, q] = [Math.floor(p / n), p % n];
    return r === q ? 1 : q === r + 1 ? 1 : r === n - 1 && q === 0 ? 1e-10 : 0;
  }));
  const { e, inverse } = eigResiduals(j);
  t.true(Number.isFinite(e.vectorsCondition), `condition ${e.vectorsCondition}`);
  t.true(inverse * n < e.vectorsCondition * 1e-15 * n, `‖V⁻¹V − I‖ = ${inverse * n} at condition ${e.vectorsCondition.toExponential(2)}`);
});

test('eigGeneral balances: the eigenvalues of D·A·D⁻¹ with D over 1e±50 are A\'s to 1e-13 (1e40–1e85 off without)', (t) => {
  for (const n of [5, 17, 40]) {
    const base = randomMatrix(n, n, 300 + n);
    const d = Array.from({ length: n }, (_, i) => 10 ** (-50 + (100 * i) / (n - 1)));
    const scaled = matrix(n, n, base.data.map((v, p) => (v * d[Math.floor(p / n)]) / d[p % n]));
    const want = core.eigGeneral(base, { vectors: false, inverse: false });
    const got = core.eigGeneral(scaled, { inverse: false });
    const dist = spectrumDistance(got.valuesRe, got.valuesIm, [...want.valuesRe], [...want.valuesIm]);
    t.true(dist < 1e-13, `n = ${n}: eigenvalues off by ${dist}`);
    // eigenvectors: A·v = λ·v row by row, each row relative to its own scale (|A|·|v|)
    const vr = got.vectorsRe!.data, vi = got.vectorsIm!.data;
    let worst = 0;
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) {
      let [sr, si, mag] = [0, 0, 0];
      for (let j = 0; j < n; j++) {
        const aij = scaled.data[i * n + j];
        sr += aij * vr[j * n + k]; si += aij * vi[j * n + k];
        mag += Math.abs(aij) * Math.hypot(vr[j * n + k], vi[j * n + k]);
      }
      const [lr, li] = [got.valuesRe[k], got.valuesIm[k]];
      sr -= lr * vr[i * n + k] - li * vi[i * n + k];
      si -= lr * vi[i * n + k] + li * vr[i * n + k];
      if (mag > 0) worst = Math.max(worst, Math.hypot(sr, si) / mag);
    }
    t.true(worst < 1e-12, `n = ${n}: row-relative residual ${worst}`);
  }
});

test('eigGeneral: options skip vectors or the inverse', (t) => {
  const a = randomMatrix(10, 10, 5);
  const values = core.eigGeneral(a, { vectors: false, inverse: false });
  t.is(values.vectorsRe, undefined);
  t.is(values.inverseRe, undefined);
  t.true(Number.isNaN(values.vectorsCondition));
  const full = core.eigGeneral(a);
  t.deepEqual([...values.valuesRe], [...full.valuesRe]);
  const vecs = core.eigGeneral(a, { inverse: false });
  t.is(vecs.vectorsRe!.rows, 10);
  t.is(vecs.inverseRe, undefined);
});

/** Largest |‖v_k‖ − 1| over the eigenvector columns, and ‖AV − VΛ‖_F/(‖A‖_F√n). */
function vectorsCheck(a: Matrix, e: ReturnType<typeof core.eigGeneral>) {
  const n = a.rows;
  const vr = e.vectorsRe!, vi = e.vectorsIm!;
  const avr = core.matmul(a, vr).data, avi = core.matmul(a, vi).data;
  let r = 0;
  let worstNorm = 0;
  for (let k = 0; k < n; k++) {
    let norm2 = 0;
    for (let i = 0; i < n; i++) {
      const [xr, xi, lr, li] = [vr.data[i * n + k], vi.data[i * n + k], e.valuesRe[k], e.valuesIm[k]];
      r += (avr[i * n + k] - (xr * lr - xi * li)) ** 2 + (avi[i * n + k] - (xr * li + xi * lr)) ** 2;
      norm2 += xr * xr + xi * xi;
    }
    worstNorm = Math.max(worstNorm, Math.abs(Math.sqrt(norm2) - 1));
  }
  return { worstNorm, residual: Math.sqrt(r) / (fro(a.data) * Math.sqrt(n)) };
}

// Defective matrices whose eigenvector back-substitution grows by ≈ 1/ε per step: faer's solver overflowed
// (an error from n ≈ 23 on) and, before that, the sum of squares of a finite but huge vector overflowed so
// that its column came out all zero, silently (Jordan block n = 12). The core rescales as LAPACK's dtrevc does.
function defectiveCases(): [string, Matrix][] {
  const jordan = (n: number, lambda: number) => matrix(n, n, Float64Array.from({ length: n * n }, (_, p) => {
    const [i, j] = [Math.floor(p / n), p % n];
    return i === j ? lambda : j === i + 1 ? 1 : 0;
  }));
  const strictlyUpper = (n: number) => {
    const r = seeded(n);
    return matrix(n, n, Float64Array.from({ length: n * n }, (_, p) => (p % n > Math.floor(p / n) ? r() : 0)));
  };
  // Jordan chain of a complex pair 0.5 ± i (repeated: the complex Schur route)
  const complexJordan = (n: number) => {
    const a = new Float64Array(n * n);
    for (let b = 0; b + 1 < n; b += 2) {
      a[b * n + b] = 0.5; a[b * n + b + 1] = 1; a[(b + 1) * n + b] = -1; a[(b + 1) * n + b + 1] = 0.5;
      if (b + 3 < n) { a[b * n + b + 2] = 1; a[(b + 1) * n + b + 3] = 1; }
    }
    return matrix(n, n, a);
  };
  // a Jordan block at 1 coupled to the pair 1 ± 1e-12 i (one pair: the real Schur route's pair solver)
  const nearlyRealPair = (m: number) => {
    const n = m + 2;
    const a = new Float64Array(n * n);
    for (let i = 0; i < m; i++) { a[i * n + i] = 1; a[i * n + i + 1] = 1; }
    a[m * n + m] = 1; a[m * n + m + 1] = 1e-12; a[(m + 1) * n + m] = -1e-12; a[(m + 1) * n + m + 1] = 1;
    return matrix(n, n, a);
  };
  return [
    ['Jordan 0, n = 12', jordan(12, 0)], ['Jordan 0, n = 30', jordan(30, 0)], ['Jordan 2, n = 256', jordan(256, 2)],
    ['strictly upper triangular, n = 64', strictlyUpper(64)], ['complex Jordan chain, n = 64', complexJordan(64)],
    ['Jordan block beside a nearly real pair, n = 42', nearlyRealPair(40)],
  ];
}

test('eigGeneral: defective matrices get finite, unit, accurate eigenvectors (no overflow, no zero column)', (t) => {
  for (const [name, a] of defectiveCases()) {
    const { worstNorm, residual } = vectorsCheck(a, core.eigGeneral(a, { inverse: false }));
    t.true(worstNorm < 1e-12, `${name}: a column's norm is off by ${worstNorm}`);
    t.true(residual < 1e-13, `${name}: ‖AV − VΛ‖/(‖A‖√n) = ${residual}`);
    // the basis is (numerically) singular: V⁻¹ is refused, not made up
    t.is(core.eigGeneral(a).vectorsCondition, Infinity, name);
  }
});

test('eigSymmetric: orthogonal vectors, accurate values, NumPy fixtures with repeated eigenvalues', (t) => {
  for (const c of fx.eigSymmetric) {
    const a = fromFixture(c.a);
    const n = a.rows;
    const e = core.eigSymmetric(a);
    c.values.forEach((v: number, k: number) => t.true(Math.abs(e.values[k] - v) < 1e-13 * Math.max(1, Math.abs(v)), `${c.name} λ${k}`));
    const q = e.vectors!;
    const qt = matrix(n, n, Float64Array.from({ length: n * n }, (_, p) => q.data[(p % n) * n + Math.floor(p / n)]));
    const qtq = core.matmul(qt, q).data;
    let orth = 0;
    for (let p = 0; p < n * n; p++) orth = Math.max(orth, Math.abs(qtq[p] - (p % (n + 1) === 0 ? 1 : 0)));
    t.true(orth < 1e-13, `${c.name}: ${orth}`);
    const aq = core.matmul(a, q).data;
    let res = 0;
    for (let p = 0; p < n * n; p++) res = Math.max(res, Math.abs(aq[p] - q.data[p] * e.values[p % n]));
    t.true(res < 1e-13 * Math.max(1, ...Array.from(e.values, Math.abs)), `${c.name}: ${res}`);
  }
});

test('svd: ‖A − UΣVᵀ‖, orthogonality and singular values vs NumPy', (t) => {
  const cases = [...fx.svd.map((c: { a: never; s: number[]; name: string }) => ({ a: fromFixture(c.a), s: c.s as number[] | undefined, name: c.name })),
    { a: randomMatrix(150, 90, 3), s: undefined, name: 'random 150×90' }, { a: randomMatrix(1, 1, 4), s: undefined, name: '1×1' }];
  for (const { a, s, name } of cases) {
    const r = core.svd(a);
    const k = Math.min(a.rows, a.cols);
    const us = matrix(a.rows, k, r.u.data.map((v, p) => v * r.s[p % k]));
    const back = core.matmul(us, r.vt).data;
    const err = fro(back.map((v, p) => v - a.data[p])) / fro(a.data);
    t.true(err < 1e-14 * Math.max(a.rows, a.cols), `${name}: ${err}`);
    if (s) s.forEach((v, i) => t.true(Math.abs(r.s[i] - v) < 1e-13 * s[0], `${name} σ${i}`));
    const vvt = core.matmul(r.vt, matrix(a.cols, k, Float64Array.from({ length: a.cols * k }, (_, p) => r.vt.data[(p % k) * a.cols + Math.floor(p / k)]))).data;
    for (let p = 0; p < k * k; p++) t.true(Math.abs(vvt[p] - (p % (k + 1) === 0 ? 1 : 0)) < 1e-13, `${name}: VᵀV`);
  }
});

// The WASM build patches faer's Euclidean norm with a two-lane fast path (scripts/wasm-patches.mjs); the
// singular value of a single column is that column's norm, through the patched Householder reflector.
test('svd of one column is its Euclidean norm: every length 1–67 and 300, magnitudes over 400 decades, zero', (t) => {
  const r = seeded(77);
  const robustNorm = (x: Float64Array) => {
    const m = x.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    return m === 0 ? 0 : m * Math.sqrt(x.reduce((a, v) => a + (v / m) ** 2, 0));
  };
  const columns: [string, Float64Array][] = [];
  for (let n = 1; n <= 67; n++) columns.push([`random ${n}`, Float64Array.from({ length: n }, r)]);
  columns.push(['random 300', Float64Array.from({ length: 300 }, r)]);
  columns.push(['decades 1e-200…1e200', Float64Array.from({ length: 41 }, (_, i) => (i % 2 ? -1 : 1) * 10 ** (10 * i - 200))]);
  columns.push(['tiny 1e-300', Float64Array.from({ length: 9 }, (_, i) => (i + 1) * 1e-300)]);
  columns.push(['huge 1e300', Float64Array.from({ length: 9 }, (_, i) => (i + 1) * 1e300)]);
  columns.push(['zero', new Float64Array(5)]);
  for (const [name, x] of columns) {
    const s = core.svd(matrix(x.length, 1, x)).s[0];
    const want = robustNorm(x);
    t.true(want === 0 ? s === 0 : Math.abs(s - want) <= 4e-16 * Math.sqrt(x.length) * want, `${name}: ${s} vs ${want}`);
  }
});

test('pinv: Penrose conditions, rank and agreement with scipy.linalg.pinv', (t) => {
  for (const c of fx.pinv) {
    const a = fromFixture(c.a);
    const p = core.pinv(a, { rtol: c.rtol });
    t.is(p.rank, c.rank, c.name);
    const want = c.pinv.data as number[];
    const err = Math.max(...want.map((v, i) => Math.abs(v - p.pinv.data[i]))) / Math.max(...want.map(Math.abs));
    // forward error of A⁺ scales with the condition number of its kept part
    const cond = p.s[0] / p.s[p.rank - 1];
    t.true(err < 1e-14 * cond * Math.max(a.rows, a.cols), `${c.name}: ${err} (cond ${cond})`);
    const apa = core.matmul(core.matmul(a, p.pinv), a).data;
    const pap = core.matmul(core.matmul(p.pinv, a), p.pinv).data;
    t.true(Math.max(...apa.map((v, i) => Math.abs(v - a.data[i]))) < 1e-14 * cond * Math.max(...Array.from(a.data, Math.abs)), `${c.name}: APA = A`);
    t.true(Math.max(...pap.map((v, i) => Math.abs(v - p.pinv.data[i]))) < 1e-14 * cond * Math.max(...Array.from(p.pinv.data, Math.abs)), `${c.name}: PAP = P`);
    for (const s of [core.matmul(a, p.pinv), core.matmul(p.pinv, a)]) {
      const d = s.rows;
      let asym = 0;
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) asym = Math.max(asym, Math.abs(s.data[i * d + j] - s.data[j * d + i]));
      t.true(asym < 1e-14 * cond, `${c.name}: symmetric projector ${asym}`);
    }
  }
  // the study's regression shape, scaled down: wide, full row rank
  const wide = randomMatrix(48, 100, 8);
  t.is(core.pinv(wide).rank, 48);
  // a zero matrix has A⁺ = 0, rank 0; rtol drops small singular values
  t.deepEqual([...core.pinv(matrix(2, 3, [0, 0, 0, 0, 0, 0])).pinv.data], [0, 0, 0, 0, 0, 0]);
  const cut = core.pinv(matrix(2, 2, [1, 0, 0, 1e-8]), { rtol: 1e-6 });
  t.is(cut.rank, 1);
  t.deepEqual([...cut.pinv.data], [1, 0, 0, 0]);
});

test('lstsq: minimum-norm solutions agree with numpy.linalg.lstsq', (t) => {
  for (const c of fx.lstsq) {
    const r = core.lstsq(fromFixture(c.a), fromFixture(c.b));
    t.is(r.rank, c.rank);
    const err = Math.max(...(c.x.data as number[]).map((v, i) => Math.abs(v - r.x.data[i])));
    t.true(err < 1e-12, `${c.name}: ${err}`);
    t.deepEqual([r.x.rows, r.x.cols], [c.x.rows, c.x.cols]);
  }
});

/** A·B by a direct triple loop, and Σ_p |a_ip b_pj| (the scale of each entry's rounding error). */
function directProduct(a: Matrix, b: Matrix) {
  const out = new Float64Array(a.rows * b.cols);
  const bound = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0, m = 0;
      for (let p = 0; p < a.cols; p++) { const x = a.data[i * a.cols + p] * b.data[p * b.cols + j]; s += x; m += Math.abs(x); }
      out[i * b.cols + j] = s;
      bound[i * b.cols + j] = m;
    }
  }
  return { out, bound };
}

test('matmul agrees with a direct triple loop on odd sizes', (t) => {
  const a = randomMatrix(13, 29, 1), b = randomMatrix(29, 7, 2);
  const c = core.matmul(a, b);
  const { out } = directProduct(a, b);
  for (let q = 0; q < out.length; q++) t.true(Math.abs(c.data[q] - out[q]) < 1e-13);
});

// The WASM build's matrix product is our own (crates/simd128-gemm, 4×4 tiles, blocks of MC = 64 rows,
// KC = 256 depth, NC = 1024 columns, exactly-zero depth ranges skipped): its native tests run on a plain
// two-lane stand-in, so here the real simd128 code is checked against a direct triple loop on every block
// edge, and on triangular and disjoint factors whose zero corners it skips.
test('matmul equals a direct triple loop on every block edge and on factors with zero corners', (t) => {
  const check = (a: Matrix, b: Matrix, label: string) => {
    const got = core.matmul(a, b);
    t.is(got.rows, a.rows);
    t.is(got.cols, b.cols);
    const { out, bound } = directProduct(a, b);
    let worst = 0;
    for (let q = 0; q < out.length; q++) worst = Math.max(worst, Math.abs(got.data[q] - out[q]) / (bound[q] * (a.cols + 2) * 2.3e-16 || 1));
    t.true(worst <= 1, `${label}: error ${worst.toFixed(2)} × the rounding bound`);
    return got;
  };
  const shapes: [number, number, number][] = [
    [1, 1, 1], [3, 5, 7], [4, 4, 4], [5, 3, 4], [8, 8, 1], [63, 65, 2], [64, 4, 256], [65, 9, 257],
    [129, 5, 513], [7, 1023, 3], [3, 1025, 5], [130, 70, 300],
  ];
  let seed = 500;
  for (const [m, k, n] of shapes) check(randomMatrix(m, k, seed++), randomMatrix(k, n, seed++), `${m}×${k}·${k}×${n}`);
  // upper × lower triangular, banded, and factors whose nonzero depth ranges do not meet (product exactly 0)
  const masked = (rows: number, cols: number, s: number, keep: (i: number, j: number) => boolean) => {
    const x = randomMatrix(rows, cols, s);
    return matrix(rows, cols, x.data.map((v, q) => (keep(Math.floor(q / cols), q % cols) ? v : 0)));
  };
  check(masked(70, 90, 1, (i, p) => p >= i), masked(90, 33, 2, (p, j) => p >= j), 'upper · lower');
  check(masked(96, 96, 3, (i, p) => Math.abs(i - p) <= 9), randomMatrix(96, 200, 4), 'banded · dense');
  const zero = check(masked(40, 80, 5, (_, p) => p < 40), masked(80, 40, 6, (p) => p >= 40), 'disjoint depth ranges');
  t.true(zero.data.every((v) => v === 0));
});
