// 2D FFT, fftshift, power spectra and radial averages through the WASM facade: against NumPy fixtures
// and a direct DFT, on sizes that are not powers of two.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { loadCore } from '../ts/core/index.ts';

const fx = JSON.parse(readFileSync(new URL('./fixtures/core/core-fixtures.json', import.meta.url), 'utf8'));
const core = await loadCore();
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

test('fft2 matches numpy.fft.fft2 (real and complex, multi-channel, prime sizes) and ifft2 inverts it', (t) => {
  for (const c of fx.fft2) {
    const shape = { height: c.height, width: c.width, channels: c.channels };
    const f = c.im ? core.fft2({ ...shape, re: c.re, im: c.im }) : core.fft2({ ...shape, data: c.re });
    t.true(maxDiff(f.re, c.fre) < 1e-12, c.name);
    t.true(maxDiff(f.im, c.fim) < 1e-12, c.name);
    const back = core.ifft2({ ...shape, re: f.re, im: f.im });
    t.true(maxDiff(back.re, c.re) < 1e-14, c.name);
    t.true(maxDiff(back.im, c.im ?? new Array(c.re.length).fill(0)) < 1e-14, c.name);
    t.deepEqual([...core.fftshift({ ...shape, data: c.re }).data], c.shifted);
    t.deepEqual([...core.ifftshift({ ...shape, data: c.shifted }).data], c.re);
  }
});

test('fft2 of a batch equals a direct DFT of each plane; powerSpectrum = |F|²', (t) => {
  const [batch, h, w, ch] = [3, 6, 9, 2];
  const data = Float64Array.from({ length: batch * h * w * ch }, (_, i) => Math.sin(i * 0.37) + (i % 5) * 0.1);
  const f = core.fft2({ batch, height: h, width: w, channels: ch, data });
  const p = core.powerSpectrum({ batch, height: h, width: w, channels: ch, data });
  let worst = 0;
  for (let b = 0; b < batch; b++) for (let c = 0; c < ch; c++) for (let u = 0; u < h; u++) for (let v = 0; v < w; v++) {
    let sr = 0, si = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const ang = -2 * Math.PI * ((u * y) / h + (v * x) / w);
      const val = data[((b * h + y) * w + x) * ch + c];
      sr += val * Math.cos(ang);
      si += val * Math.sin(ang);
    }
    const idx = ((b * h + u) * w + v) * ch + c;
    worst = Math.max(worst, Math.abs(f.re[idx] - sr), Math.abs(f.im[idx] - si), Math.abs(p.data[idx] - (sr * sr + si * si)) / (1 + sr * sr + si * si));
  }
  t.true(worst < 1e-11, String(worst));
});

test('radialAverage: a single frequency lands in its ring; cycles/degree from pixels per degree', (t) => {
  // cos(2π·4x/32) along x: power only at (0, ±4) → ring 4 of 32 (0.125 cycles/pixel)
  const [h, w] = [32, 32];
  const data = Float64Array.from({ length: h * w }, (_, p) => Math.cos((2 * Math.PI * 4 * (p % w)) / w));
  const power = core.powerSpectrum({ height: h, width: w, data });
  const r = core.radialAverage(power, { pixelsPerDegree: 64 });
  t.is(r.bins, 17);
  t.is(r.cyclesPerPixel[4], 0.125);
  t.is(r.cyclesPerDegree![4], 8);
  const peak = Array.from(r.mean).indexOf(Math.max(...r.mean));
  t.is(peak, 4);
  // total power in ring 4 = 2 samples × (W·H/2)² = Parseval; mean = that / count
  t.true(Math.abs(r.mean[4] * r.count[4] - 2 * (h * w / 2) ** 2) < 1e-6);
  for (let k = 0; k < r.bins; k++) if (k !== 4) t.true(r.mean[k] < 1e-18, `ring ${k}`);
  // counts cover every sample inside the Nyquist disc once
  t.is(r.count.reduce((s, v) => s + v, 0), Array.from({ length: h * w }, (_, p) => {
    const fy = (p / w | 0) <= (h - 1) / 2 ? (p / w | 0) / h : (p / w | 0) / h - 1;
    const fx2 = p % w <= (w - 1) / 2 ? (p % w) / w : (p % w) / w - 1;
    return Math.round(Math.hypot(fx2, fy) * 32) <= 16 ? 1 : 0;
  }).reduce((s: number, v) => s + v, 0));
});

test('radialAverage of stacks keeps planes separate: mean[(b·C + c)·bins + k]', (t) => {
  const [batch, h, w, ch] = [2, 8, 8, 3];
  const data = new Float64Array(batch * h * w * ch);
  for (let b = 0; b < batch; b++) for (let c = 0; c < ch; c++) data[(b * h * w) * ch + c] = 10 * b + c + 1; // DC only
  const r = core.radialAverage({ batch, height: h, width: w, channels: ch, data });
  for (let b = 0; b < batch; b++) for (let c = 0; c < ch; c++) t.is(r.mean[(b * ch + c) * r.bins], 10 * b + c + 1);
  t.is(r.mean.length, batch * ch * r.bins);
});
