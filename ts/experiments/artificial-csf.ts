// Artificial contrast sensitivity functions from the eigen-decomposition of a Jacobian (SCIENCE.md §6):
// each eigenvector v_k (B×B×3, complex) is mapped to the opponent space (a 3×3 matrix applied to every
// pixel: small signals about a grey operating point), its 2D power spectrum |FFT2|² is taken per opponent
// channel and radially averaged; the spectra are accumulated weighted by |λ_k|. Frequencies in
// cycles/pixel become cycles/degree with pixels-per-degree (ppd). Definition of the weighting: the
// study's; the normalisation (each channel by the achromatic maximum, and each by its own) is ours.
import type { Mat3 } from './colour-direction.ts';
import { OPPONENT_CHANNELS, type OpponentChannel } from './colour-direction.ts';

export interface SpectralCore {
  /** 2D FFT of a stack (batch×H×W×C, HWC) of complex images */
  fft2(re: Float64Array, im: Float64Array | undefined, shape: { batch: number; height: number; width: number; channels: number }): { re: Float64Array; im: Float64Array };
  /** radial average of unshifted power spectra; mean is (plane·bins + k) */
  radialAverage(power: Float64Array, shape: { batch: number; height: number; width: number; channels: number }): { frequency: Float64Array; mean: Float64Array; bins: number };
}

export interface EigenInput {
  /** block side */
  block: number;
  valuesRe: Float64Array;
  valuesIm: Float64Array;
  /** n×n row-major, column k = eigenvector k */
  vectorsRe: Float64Array;
  vectorsIm: Float64Array;
}

export interface ArtificialCsf {
  /** ring centres in cycles/pixel (DC excluded) */
  cyclesPerPixel: number[];
  /** per opponent channel: accumulated |λ|-weighted power, raw */
  raw: Record<OpponentChannel, number[]>;
  /** divided by the achromatic channel's maximum (keeps the channels' relative levels) */
  relative: Record<OpponentChannel, number[]>;
  /** each channel divided by its own maximum (shape only) */
  shape: Record<OpponentChannel, number[]>;
  eigenvectorsUsed: number;
}

/** Column k of a row-major n×n matrix. */
function column(data: Float64Array, n: number, k: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = data[i * n + k];
}

export function artificialCsf(eig: EigenInput, rgbToOpponent: Mat3, core: SpectralCore, opts: { maxVectors?: number } = {}): ArtificialCsf {
  const n = eig.valuesRe.length;
  const B = eig.block;
  if (B * B * 3 !== n) throw new RangeError(`eigen-decomposition of size ${n} does not match a ${B}×${B}×3 block`);
  const K = Math.min(n, opts.maxVectors ?? n);
  const re = new Float64Array(K * n), im = new Float64Array(K * n);
  const vr = new Float64Array(n), vi = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    column(eig.vectorsRe, n, k, vr);
    column(eig.vectorsIm, n, k, vi);
    for (let p = 0; p < B * B; p++) {
      for (let o = 0; o < 3; o++) {
        const m = rgbToOpponent[o];
        re[k * n + p * 3 + o] = m[0] * vr[p * 3] + m[1] * vr[p * 3 + 1] + m[2] * vr[p * 3 + 2];
        im[k * n + p * 3 + o] = m[0] * vi[p * 3] + m[1] * vi[p * 3 + 1] + m[2] * vi[p * 3 + 2];
      }
    }
  }
  const shape = { batch: K, height: B, width: B, channels: 3 };
  const spec = core.fft2(re, im, shape);
  const power = new Float64Array(spec.re.length);
  for (let i = 0; i < power.length; i++) power[i] = spec.re[i] ** 2 + spec.im[i] ** 2;
  const radial = core.radialAverage(power, shape);
  const bins = radial.bins;
  const raw = { achromatic: new Array(bins).fill(0), 'red-green': new Array(bins).fill(0), 'yellow-blue': new Array(bins).fill(0) } as Record<OpponentChannel, number[]>;
  for (let k = 0; k < K; k++) {
    const weight = Math.hypot(eig.valuesRe[k], eig.valuesIm[k]);
    for (let c = 0; c < 3; c++) {
      const ch = OPPONENT_CHANNELS[c];
      for (let b = 0; b < bins; b++) raw[ch][b] += weight * radial.mean[(k * 3 + c) * bins + b];
    }
  }
  // Drop DC (ring 0): a CSF is defined for gratings.
  const freqs = Array.from(radial.frequency).slice(1);
  for (const ch of OPPONENT_CHANNELS) raw[ch] = raw[ch].slice(1);
  const achroMax = Math.max(...raw.achromatic);
  const relative = {} as Record<OpponentChannel, number[]>, shapeOnly = {} as Record<OpponentChannel, number[]>;
  for (const ch of OPPONENT_CHANNELS) {
    const own = Math.max(...raw[ch]);
    relative[ch] = raw[ch].map((v) => (achroMax > 0 ? v / achroMax : NaN));
    shapeOnly[ch] = raw[ch].map((v) => (own > 0 ? v / own : NaN));
  }
  return { cyclesPerPixel: freqs, raw, relative, shape: shapeOnly, eigenvectorsUsed: K };
}

/** Shape agreement of two curves on log axes: Pearson r of log values at the given frequencies. */
export function logShapeCorrelation(a: readonly number[], b: readonly number[]): number {
  const pairs = a.map((v, i) => [v, b[i]] as const).filter(([x, y]) => x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y));
  if (pairs.length < 3) return NaN;
  const la = pairs.map(([x]) => Math.log(x)), lb = pairs.map(([, y]) => Math.log(y));
  const ma = la.reduce((s, v) => s + v, 0) / la.length, mb = lb.reduce((s, v) => s + v, 0) / lb.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < la.length; i++) { sab += (la[i] - ma) * (lb[i] - mb); saa += (la[i] - ma) ** 2; sbb += (lb[i] - mb) ** 2; }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/** Linear interpolation of (x, y) at xs on log-frequency axes; NaN outside the data's range. */
export function interpolateLog(x: readonly number[], y: readonly number[], xs: readonly number[]): number[] {
  return xs.map((v) => {
    if (v < x[0] || v > x[x.length - 1]) return NaN;
    let i = 0;
    while (i < x.length - 2 && x[i + 1] < v) i++;
    const t = (Math.log(v) - Math.log(x[i])) / (Math.log(x[i + 1]) - Math.log(x[i]) || 1);
    return y[i] + t * (y[i + 1] - y[i]);
  });
}
