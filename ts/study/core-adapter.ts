// What the study needs from the numerical core, in one place: the opponent transform (images and small
// signals), display and colour-matching matrices, the human CSF models, FFT and radial averages for the
// artificial CSFs, and eigen-decompositions run in the worker pool.
import type { Rgb } from '../image.ts';
import { CorePool, loadCore, matrix, type Core } from '../core/index.ts';
import type { Mat3 } from '../experiments/colour-direction.ts';
import type { SpectralCore } from '../experiments/artificial-csf.ts';
import type { EigenCore, EigResult } from './steps/eigen.ts';

export interface StudyCore {
  version: string;
  /** sRGB-coded colour → opponent space (the study's default space) */
  toOpponent: (rgb: Rgb) => Rgb;
  eigen: EigenCore;
  humanCsfModels(f: number[]): { sso: number[]; mullenRg: number[]; mullenYb: number[]; mannosSakrison: number[] };
  close(): Promise<void>;
}

function mat3(v: number[][]): Mat3 {
  return [[v[0][0], v[0][1], v[0][2]], [v[1][0], v[1][1], v[1][2]], [v[2][0], v[2][1], v[2][2]]];
}

export async function openStudyCore(log: (s: string) => void, opponent: 'opponent' | 'atd' = 'opponent'): Promise<StudyCore> {
  const core: Core = await loadCore();
  const pool = new CorePool();
  log(`numerical core ${core.coreVersion()} (WebAssembly), worker pool of ${pool.threads} threads, opponent space "${opponent}"`);
  const spectral: SpectralCore = {
    fft2: (re, im, shape) => core.fft2({ ...shape, re, im: im ?? new Float64Array(re.length) }),
    radialAverage: (power, shape) => {
      const r = core.radialAverage({ ...shape, data: power });
      return { frequency: r.cyclesPerPixel, mean: r.mean, bins: r.bins };
    },
  };
  const eigen: EigenCore = {
    async eig(j) {
      const r = await pool.run('eigGeneral', [matrix(j.rows, j.cols, j.data)]);
      if (!r.vectorsRe || !r.vectorsIm) throw new Error('eigGeneral returned no eigenvectors');
      const empty = new Float64Array(0);
      const out: EigResult = {
        n: r.n, valuesRe: r.valuesRe, valuesIm: r.valuesIm, vectorsRe: r.vectorsRe.data, vectorsIm: r.vectorsIm.data,
        inverseRe: r.inverseRe?.data ?? empty, inverseIm: r.inverseIm?.data ?? empty, vectorsCondition: r.vectorsCondition,
      };
      return out;
    },
    spectral,
    rgbToOpponent: mat3(core.colourMatrix('linear-rgb', opponent)),
    xyzToRgb: mat3(core.colourMatrix('xyz', 'linear-rgb')),
  };
  return {
    version: core.coreVersion(),
    toOpponent: (rgb) => {
      return core.convertColour3(rgb, 'srgb', opponent);
    },
    eigen,
    humanCsfModels: (f) => {
      const fa = Float64Array.from(f);
      return {
        sso: Array.from(core.csf('sso', fa)), mullenRg: Array.from(core.csf('mullen-rg', fa)),
        mullenYb: Array.from(core.csf('mullen-yb', fa)), mannosSakrison: Array.from(core.csf('mannos-sakrison', fa)),
      };
    },
    close: () => pool.close(),
  };
}
