// Image quality metrics on [0, 1] data.
//  PSNR = 10·log10(1 / MSE) dB (peak 1), over all pixels and channels.
//  SSIM (Wang et al. 2004): 11×11 Gaussian window σ = 1.5, K1 = 0.01, K2 = 0.03, L = 1, computed per RGB
//  channel over the positions where the window fits ('valid'), averaged over positions and channels.
import type { RgbImage } from '../image.ts';

export function mse(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`mse: lengths differ (${a.length} vs ${b.length})`);
  let s = 0;
  for (let i = 0; i < a.length; i++) { const d = a[i] - b[i]; s += d * d; }
  return s / a.length;
}

export function psnrFromMse(m: number): number {
  return m <= 0 ? Infinity : 10 * Math.log10(1 / m);
}

export function psnr(a: RgbImage, b: RgbImage): number {
  sameSize(a, b);
  return psnrFromMse(mse(a.data, b.data));
}

const window1d = (() => {
  const w: number[] = [];
  for (let i = -5; i <= 5; i++) w.push(Math.exp(-(i * i) / (2 * 1.5 * 1.5)));
  const s = w.reduce((x, y) => x + y, 0);
  return w.map((v) => v / s);
})();

export function ssim(a: RgbImage, b: RgbImage): number {
  sameSize(a, b);
  const { height: H, width: W } = a;
  if (H < 11 || W < 11) throw new RangeError(`SSIM needs images of at least 11×11, got ${H}×${W}`);
  const C1 = 0.01 ** 2, C2 = 0.03 ** 2;
  const n = H * W;
  const ch = (src: Float32Array, c: number, f: (v: number, w: number) => number, other?: Float32Array) => {
    const out = new Float64Array(n);
    for (let p = 0; p < n; p++) out[p] = f(src[p * 3 + c], other ? other[p * 3 + c] : 0);
    return out;
  };
  let total = 0;
  for (let c = 0; c < 3; c++) {
    const mx = filterValid(ch(a.data, c, (v) => v), H, W);
    const my = filterValid(ch(b.data, c, (v) => v), H, W);
    const mxx = filterValid(ch(a.data, c, (v) => v * v), H, W);
    const myy = filterValid(ch(b.data, c, (v) => v * v), H, W);
    const mxy = filterValid(ch(a.data, c, (v, w) => v * w, b.data), H, W);
    let s = 0;
    for (let i = 0; i < mx.length; i++) {
      const vx = mxx[i] - mx[i] * mx[i], vy = myy[i] - my[i] * my[i], cxy = mxy[i] - mx[i] * my[i];
      s += ((2 * mx[i] * my[i] + C1) * (2 * cxy + C2)) / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
    }
    total += s / mx.length;
  }
  return total / 3;
}

/** Separable 11-tap Gaussian filter, 'valid' region: (H−10)×(W−10). */
function filterValid(src: Float64Array, H: number, W: number): Float64Array {
  const k = window1d.length, Wo = W - k + 1, Ho = H - k + 1;
  const tmp = new Float64Array(H * Wo);
  for (let y = 0; y < H; y++) for (let x = 0; x < Wo; x++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += window1d[i] * src[y * W + x + i];
    tmp[y * Wo + x] = s;
  }
  const out = new Float64Array(Ho * Wo);
  for (let y = 0; y < Ho; y++) for (let x = 0; x < Wo; x++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += window1d[i] * tmp[(y + i) * Wo + x];
    out[y * Wo + x] = s;
  }
  return out;
}

function sameSize(a: RgbImage, b: RgbImage): void {
  if (a.height !== b.height || a.width !== b.width) throw new RangeError(`images differ in size: ${a.height}×${a.width} vs ${b.height}×${b.width}`);
}
