// Luminance / colour gradient with test discs (simultaneous contrast on a ramp), as in the study.
// The background is a horizontal ramp: column x has colour from + (to − from)·x/(W−1).
//   grey:   128×192, from 0 to 1; discs of 0.5, radius r, centres (x, y) = (21,21), (149,21), (21,106), (149,106)
//   colour: 128×128, R = (x+1)/128, G = (127−x)/128, B = 0 (green → red), i.e. from (1/W, (W−1)/W, 0) to (1, 0, 0);
//           discs (0.5, 0.5, 0) at (64,64), (21,21), (106,21), (21,106), (106,106)
// Mask labels of the discs, by the column x of their centre: x < W/2 − 1 → 1 (the left end: dark in grey, green in
// colour), x > W/2 + 1 → 2 (the right end: light / red), otherwise → 3 (the centre disc, no predicted shift).
import { createImage, createLabels, type Rgb } from '../image.ts';
import { disc, mix, paintColumns, paintTest } from './draw.ts';
import { resolveSize, sizeParams, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus, type Variant } from './types.ts';
import { colour, positiveNumber, sub } from './validate.ts';

export interface GradientParams extends SizeOptions {
  /** disc radius in px (default 5; the study sweeps 1, 3, 5, 7, 9, 12) */
  r?: number;
  /** ramp colour at column 0 and at column W−1 */
  from?: Rgb;
  to?: Rgb;
  test?: Rgb;
  /** disc centres as [x, y] */
  centres?: readonly (readonly [number, number])[];
}

const GREY_CENTRES: [number, number][] = [[21, 21], [149, 21], [21, 106], [149, 106]];
const COLOUR_CENTRES: [number, number][] = [[64, 64], [21, 21], [106, 21], [21, 106], [106, 106]];

export function gradient(p: GradientParams = {}, variant: Variant = 'grey', name = `gradient-${variant}`): Stimulus {
  const size = resolveSize(name, p, variant === 'grey' ? [128, 192] : [128, 128]);
  const [H, W] = size.shape;
  if (W < 2) throw new StimulusError(`${name}: the ramp needs a canvas at least 2 px wide`);
  const r = positiveNumber(name, 'r', p.r ?? 5);
  const from = colour(name, 'from', p.from ?? (variant === 'grey' ? [0, 0, 0] : [1 / W, (W - 1) / W, 0]));
  const to = colour(name, 'to', p.to ?? (variant === 'grey' ? [1, 1, 1] : [1, 0, 0]));
  const test = colour(name, 'test', p.test ?? (variant === 'grey' ? [0.5, 0.5, 0.5] : [0.5, 0.5, 0]));
  const centres = (p.centres ?? (variant === 'grey' ? GREY_CENTRES : COLOUR_CENTRES)).map((c) => [c[0], c[1]] as [number, number]);
  if (centres.length === 0) throw new StimulusError(`${name}: centres must hold at least one disc`);
  const rampAt = (x: number) => mix(from, to, x / (W - 1));

  const img = createImage(H, W);
  const mask = createLabels(H, W);
  paintColumns(img, rampAt);
  const labels: number[] = [];
  const direction: Partial<Record<number, Rgb>> = {};
  for (const [x, y] of centres) {
    if (!Number.isFinite(x) || !Number.isFinite(y) || x - r < 0 || y - r < 0 || x + r > W - 1 || y + r > H - 1) {
      throw new StimulusError(`${name}: disc of radius ${r} at (x, y) = (${x}, ${y}) lies outside the ${H}×${W} canvas`);
    }
    const value = x < W / 2 - 1 ? 1 : x > W / 2 + 1 ? 2 : 3;
    labels.push(value);
    paintTest(img, mask, disc(y, x, r), test, value);
    if (value !== 3) direction[value] = sub(test, rampAt(x));
  }
  return {
    name, family: 'gradient', variant, images: [img], masks: [mask],
    params: { ...sizeParams(size), r, from, to, test, centres, discLabels: labels },
    human: {
      kind: 'contrast',
      note: variant === 'grey'
        ? 'discs on the dark end of the ramp look lighter, on the light end darker (away from the local background)'
        : 'the disc on the red side looks greener, on the green side redder (away from the local background)',
      direction,
    },
  };
}

export const gradientGrey = (p: GradientParams = {}): Stimulus => gradient(p, 'grey');
export const gradientColour = (p: GradientParams = {}): Stimulus => gradient(p, 'colour');
