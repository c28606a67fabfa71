// Study step: eigen-analysis of one Jacobian (SCIENCE.md §6) — eigenvalues, eigenvector images, the colour
// direction of every eigenvector and the opponent channel it loads on, the spectral sensitivities of the
// strongest mechanism of each channel (rows of V⁻¹, the analysis functions) against the human opponent
// curves, and the artificial CSFs.
import { artificialCsf, type ArtificialCsf, type SpectralCore } from '../../experiments/artificial-csf.ts';
import {
  classifyDirection, colourDirection, correlation, spectralSensitivity,
  OPPONENT_CHANNELS, type Mat3, type OpponentChannel,
} from '../../experiments/colour-direction.ts';
import type { DenseMatrix } from '../../experiments/dense.ts';

export interface EigResult {
  n: number;
  valuesRe: Float64Array;
  valuesIm: Float64Array;
  vectorsRe: Float64Array;
  vectorsIm: Float64Array;
  inverseRe: Float64Array;
  inverseIm: Float64Array;
  vectorsCondition: number;
}

export interface EigenCore {
  /** general eigen-decomposition with eigenvectors and rows of V⁻¹ (runs in the worker pool) */
  eig(j: DenseMatrix): Promise<EigResult>;
  spectral: SpectralCore;
  /** linear RGB → opponent (small signals about grey) */
  rgbToOpponent: Mat3;
  /** CIE XYZ → linear RGB (display primaries) */
  xyzToRgb: Mat3;
}

export interface MechanismRecord {
  channel: OpponentChannel;
  index: number;
  eigenvalue: [number, number];
  /** linear-RGB colour direction of the analysis function (row of V⁻¹) */
  colour: [number, number, number];
  share: number;
  spectral: number[];
  human: number[];
  /** Pearson r between the network's and the human curve (sign-aligned) */
  correlation: number;
}

export interface EigenRecord {
  block: number;
  seconds: number;
  eigenvalues: { re: number[]; im: number[] };
  complexPairs: number;
  vectorsCondition: number;
  /** per eigenvector (sorted by |λ|): opponent channel of its colour direction, and the rank-1 share */
  channels: OpponentChannel[];
  shares: number[];
  /** share of Σ|λ| carried by eigenvectors of each channel */
  weightByChannel: Record<OpponentChannel, number>;
  /** the first eigenvectors' real parts (HWC block), for mosaics */
  leadingVectors: number[][];
  mechanisms: MechanismRecord[];
  csf: ArtificialCsf;
}

export async function eigenStep(j: DenseMatrix & { geometry: { block: number } }, core: EigenCore, opts: { leading?: number } = {}): Promise<EigenRecord> {
  const t0 = performance.now();
  const eig = await core.eig(j);
  const seconds = (performance.now() - t0) / 1000;
  const n = eig.n;
  const col = (data: Float64Array, k: number) => Float64Array.from({ length: n }, (_, i) => data[i * n + k]);
  const row = (data: Float64Array, k: number) => data.subarray(k * n, (k + 1) * n);
  const channels: OpponentChannel[] = [];
  const shares: number[] = [];
  const weightByChannel = { achromatic: 0, 'red-green': 0, 'yellow-blue': 0 } as Record<OpponentChannel, number>;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const { direction, share } = colourDirection([col(eig.vectorsRe, k), col(eig.vectorsIm, k)]);
    const ch = classifyDirection(direction, core.rgbToOpponent).channel;
    channels.push(ch);
    shares.push(share);
    const w = Math.hypot(eig.valuesRe[k], eig.valuesIm[k]);
    weightByChannel[ch] += w;
    total += w;
  }
  for (const ch of OPPONENT_CHANNELS) weightByChannel[ch] = total > 0 ? weightByChannel[ch] / total : 0;

  const mechanisms: MechanismRecord[] = [];
  for (const ch of OPPONENT_CHANNELS) {
    const k = channels.indexOf(ch);
    if (k < 0 || eig.inverseRe.length === 0) continue;
    const { direction, share } = colourDirection([row(eig.inverseRe, k), row(eig.inverseIm, k)]);
    const human = spectralSensitivity(core.rgbToOpponent[OPPONENT_CHANNELS.indexOf(ch)] as unknown as [number, number, number], core.xyzToRgb);
    let spectral = spectralSensitivity(direction, core.xyzToRgb);
    let r = correlation(spectral, human);
    if (r < 0) { spectral = spectral.map((v) => -v); r = -r; }
    mechanisms.push({ channel: ch, index: k, eigenvalue: [eig.valuesRe[k], eig.valuesIm[k]], colour: direction as [number, number, number], share, spectral, human, correlation: r });
  }
  const leading = Math.min(n, opts.leading ?? 48);
  const csf = artificialCsf({ block: j.geometry.block, valuesRe: eig.valuesRe, valuesIm: eig.valuesIm, vectorsRe: eig.vectorsRe, vectorsIm: eig.vectorsIm }, core.rgbToOpponent, core.spectral);
  return {
    block: j.geometry.block, seconds,
    eigenvalues: { re: Array.from(eig.valuesRe), im: Array.from(eig.valuesIm) },
    complexPairs: Array.from(eig.valuesIm).filter((v) => v > 0).length,
    vectorsCondition: eig.vectorsCondition,
    channels, shares, weightByChannel,
    leadingVectors: Array.from({ length: leading }, (_, k) => Array.from(col(eig.vectorsRe, k))),
    mechanisms, csf,
  };
}
