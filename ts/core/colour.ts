// Colour spaces (definitions and sources: crates/illusion-core/src/colour.rs, README "Numerical core").
// All conversions pass through linear RGB (sRGB primaries, D65):
//   'srgb'        IEC 61966-2-1 encoded RGB (what images hold)
//   'linear-rgb'  linear RGB
//   'xyz'         CIE 1931 XYZ (IEC 61966-2-1 matrix)
//   'lms'         Stockman–Sharpe 2° cones (CIE 2006 LMS), via the CIE 170-2:2015 LMS→XYZ matrix
//   'opponent'    the study's default: white-normalised (l+m)/2, l−m, s−(l+m)/2, each scaled to peak |1|
//                 over the linear-RGB cube (definition: ours, SCIENCE.md §6)
//   'atd'         Jameson–Hurvich-type, Hering signs: (l+m)/2, l−m, (l+m)/2−s (definition: ours)
//   'yuv'         BT.601 Y′UV of the sRGB-encoded values
//   'ycbcr'       full-range (JFIF) Y′CbCr of the sRGB-encoded values, in [0, 1]
import type { RgbImage } from '../image.ts';
import { CoreError, callCore } from './errors.ts';
import { checkName, checkObject, checkSize, toF64, type NumericArray } from './outputs.ts';

export const COLOUR_SPACES = ['srgb', 'linear-rgb', 'xyz', 'lms', 'opponent', 'atd', 'yuv', 'ycbcr'] as const;
export type ColourSpace = (typeof COLOUR_SPACES)[number];

/** Convert a flat list of 3-vectors (e.g. HWC image data) from one space to another. */
export function convertColour(data: NumericArray, from: ColourSpace, to: ColourSpace): Float64Array {
  return convertAs('convertColour', toF64('convertColour', 'data', data), from, to);
}

/** The conversion itself; errors are reported as coming from `op` (the function the user called). */
function convertAs(op: string, x: Float64Array, from: ColourSpace, to: ColourSpace): Float64Array {
  const [f, t] = [checkName(op, 'colour space', from, COLOUR_SPACES), checkName(op, 'colour space', to, COLOUR_SPACES)];
  return callCore(op, (w) => w.convertColour(x, f, t));
}

/** Convert one colour. */
export function convertColour3(rgb: readonly [number, number, number], from: ColourSpace, to: ColourSpace): [number, number, number] {
  const x = toF64('convertColour3', 'the colour', rgb);
  if (x.length !== 3) throw new CoreError(`expected a 3-vector, got length ${x.length}`, 'convertColour3');
  const o = convertAs('convertColour3', x, from, to);
  return [o[0], o[1], o[2]];
}

export interface ColourImage {
  height: number;
  width: number;
  space: ColourSpace;
  /** HWC, 3 channels, f64 (opponent channels are signed) */
  data: Float64Array;
}

/** Convert a whole image (an RgbImage holds sRGB-encoded values unless `from` says otherwise). */
export function convertImage(img: RgbImage | ColourImage, to: ColourSpace, from?: ColourSpace): ColourImage {
  const op = 'convertImage';
  checkObject(op, 'the image', img, 'an image { height, width, data }');
  checkSize(op, 'height', img.height);
  checkSize(op, 'width', img.width);
  const data = toF64(op, 'data', img.data);
  const source = from ?? ('space' in img ? img.space : 'srgb');
  if (img.data.length !== img.height * img.width * 3) {
    throw new CoreError(`image data has length ${img.data.length}, expected ${img.height}×${img.width}×3 = ${img.height * img.width * 3}`, 'convertImage');
  }
  return { height: img.height, width: img.width, space: to, data: convertAs(op, data, source, to) };
}

/**
 * The 3×3 matrix M (row-major, as number[][]) with to = M·from, for spaces linear in linear RGB
 * ('linear-rgb', 'xyz', 'lms', 'opponent', 'atd'); a CoreError for 'srgb', 'yuv', 'ycbcr'.
 */
export function colourMatrix(from: ColourSpace, to: ColourSpace): number[][] {
  const op = 'colourMatrix';
  const [f, t] = [checkName(op, 'colour space', from, COLOUR_SPACES), checkName(op, 'colour space', to, COLOUR_SPACES)];
  const m = callCore(op, (w) => w.colourMatrix(f, t));
  return [[m[0], m[1], m[2]], [m[3], m[4], m[5]], [m[6], m[7], m[8]]];
}
