// Simultaneous brightness (or colour) contrast: the canvas split into a left half of colour ind1 and a right half
// of ind2, each holding a centred square target of the test colour. Mask 1 = left target, 2 = right target.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { paint, paintTest, rect } from './draw.ts';
import { lengthPx, resolveSize, sizeParams, type Length, type SizeOptions } from './size.ts';
import type { Stimulus, Variant } from './types.ts';
import { colour, rectInside, sub } from './validate.ts';

export interface SbcParams extends SizeOptions {
  /** side of each square target (default 32 px) */
  targetSize?: Length;
  ind1?: Rgb;
  ind2?: Rgb;
  test?: Rgb;
}

export function sbc(p: SbcParams = {}, variant: Variant = 'grey', name = `sbc-${variant}`): Stimulus {
  const size = resolveSize(name, p, [128, 256]);
  const [H, W] = size.shape;
  const side = lengthPx(name, 'targetSize', p.targetSize ?? 32, size.ppd);
  const ind1 = colour(name, 'ind1', p.ind1 ?? (variant === 'grey' ? [0, 0, 0] : [1, 0, 0]));
  const ind2 = colour(name, 'ind2', p.ind2 ?? (variant === 'grey' ? [1, 1, 1] : [0, 1, 0]));
  const test = colour(name, 'test', p.test ?? [0.5, 0.5, 0.5]);
  const half = Math.floor(W / 2);
  const top = Math.floor((H - side) / 2);
  const lefts = [Math.floor((half - side) / 2), half + Math.floor((W - half - side) / 2)];
  lefts.forEach((l, k) => rectInside(name, `target ${k + 1}`, top, l, side, side, H, k === 0 ? half : W));
  const img = createImage(H, W, ind1);
  const mask = createLabels(H, W);
  paint(img, (_y, x) => x >= half, ind2);
  lefts.forEach((l, k) => paintTest(img, mask, rect(top, l, side, side), test, k + 1));
  return {
    name, family: 'sbc', variant, images: [img], masks: [mask],
    params: { ...sizeParams(size), targetSize: side, ind1, ind2, test, targetRows: [top, top + side - 1], targetLefts: lefts },
    human: {
      kind: 'contrast',
      note: 'simultaneous contrast: each target shifts away from its surround (on the dark/red side lighter/greener)',
      direction: { 1: sub(test, ind1), 2: sub(test, ind2) },
    },
  };
}

export const sbcGrey = (p: SbcParams = {}): Stimulus => sbc(p, 'grey');
export const sbcColour = (p: SbcParams = {}): Stimulus => sbc(p, 'colour');
