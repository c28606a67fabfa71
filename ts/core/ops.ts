// The core's operations by name: what a pool worker can run. Every op takes and returns plain data
// (numbers, typed arrays, objects of them), so jobs cross threads by structured clone or transfer.
import { colourMatrix, convertColour, convertColour3, convertImage } from './colour.ts';
import { csf, csfSso2d } from './csf.ts';
import { eigGeneral, eigSymmetric } from './eig.ts';
import { fft2, fftshift, ifft2, ifftshift, powerSpectrum, radialAverage } from './fft.ts';
import { matmul } from './matrix.ts';
import { lstsq, pinv, svd } from './svd.ts';
import { coreVersion } from './version.ts';

export const coreOps = {
  coreVersion,
  matmul,
  eigGeneral,
  eigSymmetric,
  svd,
  pinv,
  lstsq,
  fft2,
  ifft2,
  powerSpectrum,
  fftshift,
  ifftshift,
  radialAverage,
  convertColour,
  convertColour3,
  convertImage,
  colourMatrix,
  csf,
  csfSso2d,
} as const;

export type CoreOps = typeof coreOps;
export type CoreOpName = keyof CoreOps;
