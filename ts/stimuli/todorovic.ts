// Todorović's illusion (1997): the canvas split into a left half ind1 (dark) and a right half ind2 (light); each
// half holds a centred square target of the test colour whose four corners are covered by squares of the other
// half's colour (covers of side coverSize centred on the target's corners). Mask 1 = the visible part of the left
// target, 2 = of the right target. Although the left target touches mostly light covers, it is seen on the dark
// background (T-junctions) and looks lighter, as in simultaneous contrast.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { paint, paintTest, rect } from './draw.ts';
import { lengthPx, resolveSize, sizeParams, type Length, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus } from './types.ts';
import { colour, rectInside, sub } from './validate.ts';

export interface TodorovicParams extends SizeOptions {
  targetSize?: Length;
  coverSize?: Length;
  ind1?: Rgb;
  ind2?: Rgb;
  test?: Rgb;
}

export function todorovic(p: TodorovicParams = {}, name = 'todorovic-grey'): Stimulus {
  const size = resolveSize(name, p, [128, 256]);
  const [H, W] = size.shape;
  const side = lengthPx(name, 'targetSize', p.targetSize ?? 40, size.ppd);
  const cover = lengthPx(name, 'coverSize', p.coverSize ?? 24, size.ppd);
  const ind1 = colour(name, 'ind1', p.ind1 ?? [0, 0, 0]);
  const ind2 = colour(name, 'ind2', p.ind2 ?? [1, 1, 1]);
  const test = colour(name, 'test', p.test ?? [0.5, 0.5, 0.5]);
  if (cover >= side) throw new StimulusError(`${name}: coverSize ${cover} px must be smaller than targetSize ${side} px`);
  const half = Math.floor(W / 2);
  const top = Math.floor((H - side) / 2);
  const lefts = [Math.floor((half - side) / 2), half + Math.floor((W - half - side) / 2)];
  const c = Math.floor(cover / 2);
  lefts.forEach((l, k) => rectInside(name, `target ${k + 1} with its covers`, top - c, l - c, side + cover, side + cover, H, k === 0 ? half : W));
  const img = createImage(H, W, ind1);
  const mask = createLabels(H, W);
  paint(img, (_y, x) => x >= half, ind2);
  lefts.forEach((l, k) => {
    paintTest(img, mask, rect(top, l, side, side), test, k + 1);
    const coverColour = k === 0 ? ind2 : ind1;
    for (const [cy, cx] of [[top, l], [top, l + side], [top + side, l], [top + side, l + side]]) {
      const r = rect(cy - c, cx - c, cover, cover);
      paintTest(img, mask, r, coverColour, 0);
    }
  });
  return {
    name, family: 'todorovic', variant: 'grey', images: [img], masks: [mask],
    params: { ...sizeParams(size), targetSize: side, coverSize: cover, ind1, ind2, test, targetRows: [top, top + side - 1], targetLefts: lefts },
    human: {
      kind: 'contrast',
      note: "Todorović: the target on the dark half looks lighter than the one on the light half, despite the covers' colours",
      direction: { 1: sub(test, ind1), 2: sub(test, ind2) },
    },
  };
}
