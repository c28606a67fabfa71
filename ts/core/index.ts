// illusion-lab/core: the typed facade over the Rust→WebAssembly numerical core.
//   const core = await loadCore();  core.matmul(a, b)
// or, off the main thread, a CorePool (Node, piscina) / the comlink worker (browsers).
import { loadBindings } from './load.ts';
import { coreOps } from './ops.ts';

export { CoreError } from './errors.ts';
export type { Matrix } from './matrix.ts';
export { matrix } from './matrix.ts';
export type { CoreOps, CoreOpName } from './ops.ts';
export type { EigGeneralOptions, EigGeneralResult, EigSymmetricResult } from './eig.ts';
export type { SvdResult, PinvOptions, PinvResult, LstsqResult } from './svd.ts';
export type { Stack, ComplexStack, RadialAverageOptions, RadialAverageResult } from './fft.ts';
export type { ColourSpace, ColourImage } from './colour.ts';
export type { CsfModel } from './csf.ts';
export type { NumericArray } from './outputs.ts';
export { eigGeneral, eigSymmetric } from './eig.ts';
export { svd, pinv, lstsq } from './svd.ts';
export { fft2, ifft2, powerSpectrum, fftshift, ifftshift, radialAverage } from './fft.ts';
export { COLOUR_SPACES, convertColour, convertColour3, convertImage, colourMatrix } from './colour.ts';
export { CSF_MODELS, csf, csfSso2d } from './csf.ts';
export { matmul } from './matrix.ts';

export type Core = typeof coreOps;

/** Load the WebAssembly module (once) and return the core's synchronous API. */
export async function loadCore(): Promise<Core> {
  await loadBindings();
  return coreOps;
}

export { CorePool } from './pool.ts';
