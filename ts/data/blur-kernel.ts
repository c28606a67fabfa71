// Blur kernels for the deblurring tasks, normalised to sum 1, odd-sized and centred, stored row-major
// (kernel[dy][dx], dy down, dx right) so a model card can save the exact kernel that was used.
//  - gaussian: exp(−(dx²+dy²)/(2σ²)) on a (2·ceil(3σ)+1)² grid, normalised.
//  - motion:   a straight segment of `length` pixels through the centre at `angleDeg` (0 = horizontal,
//              counter-clockwise), rasterised by splatting 64 samples per pixel of length with bilinear
//              weights, normalised. A horizontal 10-px motion is [½,1,…,1,½]/10 over 11 columns.

export type BlurSpec =
  | { kind: 'gaussian'; sigma: number }
  | { kind: 'motion'; length: number; angleDeg: number };

export interface BlurKernel {
  spec: BlurSpec;
  size: number;
  /** size×size weights, rows top to bottom */
  weights: number[][];
}

export function makeBlurKernel(spec: BlurSpec): BlurKernel {
  if (spec.kind === 'gaussian') {
    if (!(spec.sigma > 0 && spec.sigma <= 20)) throw new RangeError(`gaussian blur sigma must be in (0, 20], got ${spec.sigma}`);
    const r = Math.ceil(3 * spec.sigma);
    const size = 2 * r + 1;
    const w = grid(size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      w[y][x] = Math.exp(-((x - r) ** 2 + (y - r) ** 2) / (2 * spec.sigma ** 2));
    }
    return { spec, size, weights: normalise(w) };
  }
  if (!(spec.length >= 1 && spec.length <= 64)) throw new RangeError(`motion blur length must be in [1, 64], got ${spec.length}`);
  if (!Number.isFinite(spec.angleDeg)) throw new RangeError(`motion blur angle must be finite, got ${spec.angleDeg}`);
  const r = Math.ceil(spec.length / 2);
  const size = 2 * r + 1;
  const w = grid(size);
  const a = (spec.angleDeg * Math.PI) / 180;
  const ux = Math.cos(a), uy = -Math.sin(a);
  const n = Math.max(2, Math.ceil(spec.length * 64));
  for (let i = 0; i <= n; i++) {
    const t = -spec.length / 2 + (spec.length * i) / n;
    const weight = i === 0 || i === n ? 0.5 : 1; // trapezoid rule along the segment
    const fx = r + t * ux, fy = r + t * uy;
    const x0 = Math.floor(fx), y0 = Math.floor(fy);
    const ax = fx - x0, ay = fy - y0;
    splat(w, y0, x0, weight * (1 - ax) * (1 - ay));
    splat(w, y0, x0 + 1, weight * ax * (1 - ay));
    splat(w, y0 + 1, x0, weight * (1 - ax) * ay);
    splat(w, y0 + 1, x0 + 1, weight * ax * ay);
  }
  return { spec, size, weights: normalise(w) };
}

export function describeBlur(spec: BlurSpec): string {
  return spec.kind === 'gaussian' ? `Gaussian blur σ = ${spec.sigma} px` : `linear motion blur ${spec.length} px at ${spec.angleDeg}°`;
}

function grid(size: number): number[][] {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

function splat(w: number[][], y: number, x: number, v: number): void {
  if (v === 0) return;
  if (y >= 0 && y < w.length && x >= 0 && x < w.length) w[y][x] += v;
}

function normalise(w: number[][]): number[][] {
  let s = 0;
  for (const row of w) for (const v of row) s += v;
  return w.map((row) => row.map((v) => (Math.abs(v / s) < 1e-12 ? 0 : v / s)));
}
