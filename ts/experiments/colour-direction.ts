// The colour part of a spatio-chromatic vector (an eigenvector or an analysis function over a block,
// HWC-flattened): the dominant 3-vector w of its pixels-by-channels matrix P (rank-1 fit P ≈ s·wᵀ), i.e.
// the top eigenvector of the 3×3 matrix PᵀP (cyclic Jacobi). For a complex vector, Re and Im parts are
// stacked as pixels. Also: which opponent channel a colour direction belongs to, and its spectral
// sensitivity through the display primaries and the CIE 1931 colour-matching functions.
import type { Rgb } from '../image.ts';
import { CIE1931_START_NM, CIE1931_STEP_NM, CIE1931_X, CIE1931_Y, CIE1931_Z } from '../colour/cie1931.ts';

export type Mat3 = [[number, number, number], [number, number, number], [number, number, number]];

/** Eigen-decomposition of a symmetric 3×3 matrix: values descending, vectors as rows. */
export function symmetricEig3(a: Mat3): { values: number[]; vectors: Rgb[] } {
  const m = a.map((r) => [...r]);
  const v = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = m[0][1] ** 2 + m[0][2] ** 2 + m[1][2] ** 2;
    if (off < 1e-30 * (m[0][0] ** 2 + m[1][1] ** 2 + m[2][2] ** 2 + 1e-300)) break;
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]] as const) {
      if (Math.abs(m[p][q]) < 1e-300) continue;
      const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < 3; k++) {
        const mkp = m[k][p], mkq = m[k][q];
        m[k][p] = c * mkp - s * mkq; m[k][q] = s * mkp + c * mkq;
      }
      for (let k = 0; k < 3; k++) {
        const mpk = m[p][k], mqk = m[q][k];
        m[p][k] = c * mpk - s * mqk; m[q][k] = s * mpk + c * mqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k][p], vkq = v[k][q];
        v[k][p] = c * vkp - s * vkq; v[k][q] = s * vkp + c * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => m[j][j] - m[i][i]);
  return { values: order.map((i) => m[i][i]), vectors: order.map((i) => [v[0][i], v[1][i], v[2][i]] as Rgb) };
}

/**
 * Dominant colour direction of HWC vectors (one or two parts: Re, Im), unit length, sign chosen so that
 * its largest component is positive; `share` = fraction of the energy the rank-1 fit explains.
 */
export function colourDirection(parts: readonly ArrayLike<number>[]): { direction: Rgb; share: number } {
  const g: Mat3 = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (const p of parts) {
    for (let i = 0; i + 2 < p.length; i += 3) {
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) g[a][b] += p[i + a] * p[i + b];
    }
  }
  const { values, vectors } = symmetricEig3(g);
  const total = values.reduce((s, x) => s + Math.max(0, x), 0);
  let w = vectors[0];
  const big = w.reduce((bi, x, i) => (Math.abs(x) > Math.abs(w[bi]) ? i : bi), 0);
  if (w[big] < 0) w = [-w[0], -w[1], -w[2]];
  return { direction: w, share: total > 0 ? Math.max(0, values[0]) / total : 0 };
}

export type OpponentChannel = 'achromatic' | 'red-green' | 'yellow-blue';
export const OPPONENT_CHANNELS: readonly OpponentChannel[] = ['achromatic', 'red-green', 'yellow-blue'];

/** The opponent channel a (linear-RGB) colour direction loads on most, given the RGB→opponent matrix. */
export function classifyDirection(w: Rgb, rgbToOpponent: Mat3): { channel: OpponentChannel; opponent: Rgb } {
  const o = rgbToOpponent.map((r) => r[0] * w[0] + r[1] * w[1] + r[2] * w[2]) as unknown as Rgb;
  const k = [0, 1, 2].reduce((bi, i) => (Math.abs(o[i]) > Math.abs(o[bi]) ? i : bi), 0);
  return { channel: OPPONENT_CHANNELS[k], opponent: o };
}

/** Wavelengths (nm) of the CIE 1931 table, 360–830 at 5 nm. */
export const cieWavelengths: readonly number[] = CIE1931_X.map((_, i) => CIE1931_START_NM + i * CIE1931_STEP_NM);

/**
 * Spectral sensitivity of a mechanism with linear-RGB weights w: the response to a monochromatic light of
 * unit radiance at λ is wᵀ·(XYZ→linear RGB)·[x̄ ȳ z̄](λ).
 */
export function spectralSensitivity(w: Rgb, xyzToRgb: Mat3): number[] {
  return cieWavelengths.map((_, i) => {
    const xyz = [CIE1931_X[i], CIE1931_Y[i], CIE1931_Z[i]];
    let s = 0;
    for (let c = 0; c < 3; c++) s += w[c] * (xyzToRgb[c][0] * xyz[0] + xyzToRgb[c][1] * xyz[1] + xyzToRgb[c][2] * xyz[2]);
    return s;
  });
}

export function invert3(m: Mat3): Mat3 {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-300) throw new RangeError('singular 3×3 matrix');
  return [
    [A / det, -(b * i - c * h) / det, (b * f - c * e) / det],
    [B / det, (a * i - c * g) / det, -(a * f - c * d) / det],
    [C / det, -(a * h - b * g) / det, (a * e - b * d) / det],
  ];
}

/** Pearson correlation. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return NaN;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
