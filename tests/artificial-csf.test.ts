import test from 'ava';
import { artificialCsf, interpolateLog, logShapeCorrelation, type SpectralCore } from '../ts/experiments/artificial-csf.ts';
import type { Mat3 } from '../ts/experiments/colour-direction.ts';

/** Direct DFT and radial average (round(|f|/Δ), Δ = 1/max(H,W), up to 0.5 c/px): a reference SpectralCore. */
const directCore: SpectralCore = {
  fft2(re, im, { batch, height: H, width: W, channels: C }) {
    const outRe = new Float64Array(re.length), outIm = new Float64Array(re.length);
    for (let b = 0; b < batch; b++) for (let c = 0; c < C; c++) for (let u = 0; u < H; u++) for (let v = 0; v < W; v++) {
      let sr = 0, si = 0;
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
        const i = ((b * H + y) * W + x) * C + c;
        const a = -2 * Math.PI * (u * y / H + v * x / W);
        const xr = re[i], xi = im ? im[i] : 0;
        sr += xr * Math.cos(a) - xi * Math.sin(a);
        si += xr * Math.sin(a) + xi * Math.cos(a);
      }
      const o = ((b * H + u) * W + v) * C + c;
      outRe[o] = sr; outIm[o] = si;
    }
    return { re: outRe, im: outIm };
  },
  radialAverage(power, { batch, height: H, width: W, channels: C }) {
    const d = 1 / Math.max(H, W);
    const bins = Math.round(0.5 / d) + 1;
    const sum = new Float64Array(batch * C * bins), cnt = new Float64Array(bins);
    const ff = (k: number, n: number) => (k <= (n - 1) / 2 ? k / n : (k - n) / n);
    for (let u = 0; u < H; u++) for (let v = 0; v < W; v++) {
      const r = Math.round(Math.hypot(ff(u, H), ff(v, W)) / d);
      if (r >= bins) continue;
      cnt[r]++;
      for (let b = 0; b < batch; b++) for (let c = 0; c < C; c++) sum[(b * C + c) * bins + r] += power[((b * H + u) * W + v) * C + c];
    }
    const mean = sum.map((s, i) => s / (cnt[i % bins] || 1));
    return { frequency: Float64Array.from({ length: bins }, (_, k) => k * d), mean, bins };
  },
};

test('artificial CSF: an achromatic low-frequency and a red-green high-frequency eigenvector land in their channels and rings', (t) => {
  const B = 8, n = B * B * 3;
  const opp: Mat3 = [[1 / 3, 1 / 3, 1 / 3], [1, -1, 0], [0.5, 0.5, -1]];
  const vectorsRe = new Float64Array(n * n), vectorsIm = new Float64Array(n * n);
  // eigenvector 0: achromatic cosine along x at 1 cycle / 8 px; eigenvector 1: red-green cosine at 2 cycles / 8 px
  for (let y = 0; y < B; y++) for (let x = 0; x < B; x++) {
    const p = y * B + x;
    for (let c = 0; c < 3; c++) vectorsRe[(p * 3 + c) * n + 0] = Math.cos(2 * Math.PI * x / B);
    vectorsRe[(p * 3 + 0) * n + 1] = Math.cos(2 * Math.PI * 2 * x / B);
    vectorsRe[(p * 3 + 1) * n + 1] = -Math.cos(2 * Math.PI * 2 * x / B);
  }
  const valuesRe = new Float64Array(n); valuesRe[0] = 1; valuesRe[1] = 0.5;
  const csf = artificialCsf({ block: B, valuesRe, valuesIm: new Float64Array(n), vectorsRe, vectorsIm }, opp, directCore);
  t.deepEqual(csf.cyclesPerPixel, [0.125, 0.25, 0.375, 0.5]);
  const argmax = (a: number[]) => a.indexOf(Math.max(...a));
  t.is(argmax(csf.raw.achromatic), 0);
  t.is(argmax(csf.raw['red-green']), 1);
  t.true(csf.raw['yellow-blue'].every((v) => Math.abs(v) < 1e-18));
  t.is(csf.relative.achromatic[0], 1);
  // |λ|-weighting: RG power (eigenvalue 0.5, opponent gain 2 → power ×4) spread over ring 2 (12 samples) vs
  // achromatic (eigenvalue 1, gain 1) over ring 1 (8 samples): ratio 0.5·4·8/12
  const ratio = Math.max(...csf.raw['red-green']) / Math.max(...csf.raw.achromatic);
  t.true(Math.abs(ratio - (0.5 * 4 * 8) / 12) < 1e-9, String(ratio));
});

test('log-shape correlation and log interpolation', (t) => {
  t.true(Math.abs(logShapeCorrelation([1, 10, 100], [2, 20, 200]) - 1) < 1e-12);
  t.true(Number.isNaN(logShapeCorrelation([1, 2], [1, 2])));
  const y = interpolateLog([1, 4], [0, 2], [2, 0.5, 5]);
  t.true(Math.abs(y[0] - 1) < 1e-12);
  t.true(Number.isNaN(y[1]) && Number.isNaN(y[2]));
});
