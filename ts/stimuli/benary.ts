// Benary's cross: a cross of colour `cross` (arms `thickness` wide, `extent` long overall, centred) on a
// `background`. Target 1: a right isosceles triangle with legs `targetSize` on the background, its right angle in
// the upper-left inner corner between the arms (legs along the arms' edges). Target 2: a triangle of the same area
// inside the right arm, its hypotenuse on the arm's upper edge and its apex pointing into the arm (height
// round(targetSize/√2), hypotenuse twice that). Both touch the cross and the background along similar lengths;
// the one that "belongs" to the cross looks lighter.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { paint, paintTest } from './draw.ts';
import { lengthPx, resolveSize, sizeParams, type Length, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus } from './types.ts';
import { colour, rectInside, sub } from './validate.ts';

export interface BenaryParams extends SizeOptions {
  extent?: Length;
  thickness?: Length;
  targetSize?: Length;
  background?: Rgb;
  cross?: Rgb;
  test?: Rgb;
}

export function benary(p: BenaryParams = {}, name = 'benary-grey'): Stimulus {
  const size = resolveSize(name, p, [128, 128]);
  const [H, W] = size.shape;
  const extent = lengthPx(name, 'extent', p.extent ?? 100, size.ppd);
  const t = lengthPx(name, 'thickness', p.thickness ?? 28, size.ppd);
  const s = lengthPx(name, 'targetSize', p.targetSize ?? 16, size.ppd);
  const background = colour(name, 'background', p.background ?? [1, 1, 1]);
  const cross = colour(name, 'cross', p.cross ?? [0, 0, 0]);
  const test = colour(name, 'test', p.test ?? [0.5, 0.5, 0.5]);
  const top = Math.floor((H - extent) / 2), left = Math.floor((W - extent) / 2);
  rectInside(name, 'cross', top, left, extent, extent, H, W);
  const hTop = Math.floor((H - t) / 2), vLeft = Math.floor((W - t) / 2);
  const arm = (extent - t) / 2;
  const depth = Math.round(s / Math.SQRT2);
  if (t >= extent) throw new StimulusError(`${name}: thickness ${t} px must be smaller than extent ${extent} px`);
  if (s > arm || depth > t || 2 * depth > arm) {
    throw new StimulusError(`${name}: targetSize ${s} px does not fit arms ${arm} px long and ${t} px thick`);
  }
  const img = createImage(H, W, background);
  const mask = createLabels(H, W);
  paint(img, (y, x) => (y >= hTop && y < hTop + t && x >= left && x < left + extent) ||
    (x >= vLeft && x < vLeft + t && y >= top && y < top + extent), cross);
  const yc = hTop - 1, xc = vLeft - 1;
  paintTest(img, mask, (y, x) => y <= yc && x <= xc && (yc - y) + (xc - x) < s, test, 1);
  const xm = Math.round(vLeft + t + arm / 2);
  paintTest(img, mask, (y, x) => y >= hTop && y < hTop + depth && Math.abs(x - xm) < depth - (y - hTop), test, 2);
  return {
    name, family: 'benary', variant: 'grey', images: [img], masks: [mask],
    params: { ...sizeParams(size), extent, thickness: t, targetSize: s, background, cross, test, crossTopLeft: [top, left] },
    human: {
      kind: 'contrast',
      note: "Benary's cross: the triangle inside the cross looks lighter than the one in the corner on the background",
      direction: { 1: sub(test, background), 2: sub(test, cross) },
    },
  };
}
