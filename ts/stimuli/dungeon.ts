// The Dungeon illusion (Bressan 2001) as in the study: image A has background ind1 and a centred square test
// region of side 2·round(min(H,W)/2·h); a grid of ind2 lines (period round(W·f), line width round(period/3), both
// orientations starting at row/column 0: a pixel is on a line when y mod period < lineWidth or x mod period <
// lineWidth) is drawn over everything, so the test is the grid cells inside the square. Image B swaps ind1/ind2.
// h defaults to 0.40, 0.45 for f ≥ .12. SCIENCE.md §1, f=.05: period 6, lines 2, square rows/cols 38–89.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { paint, paintTest, rect } from './draw.ts';
import { DUNGEON_COLOUR, GREY } from './palettes.ts';
import { resolveSize, sizeParams, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus, type Variant } from './types.ts';
import { colour, numberInRange, positiveNumber, rectInside, sub } from './validate.ts';

export interface DungeonParams extends SizeOptions {
  /** grid frequency as a fraction of the canvas width: period = round(W·f) (default 0.05) */
  f?: number;
  /** test square side = 2·round(min(H,W)/2·h) (default 0.40, or 0.45 when f ≥ .12) */
  h?: number;
  ind1?: Rgb;
  ind2?: Rgb;
  test?: Rgb;
}

export function dungeon(p: DungeonParams = {}, variant: Variant = 'grey', name = `dungeon-${variant}`): Stimulus {
  const palette = variant === 'grey' ? GREY : DUNGEON_COLOUR;
  const size = resolveSize(name, p, [128, 128]);
  const [H, W] = size.shape;
  const f = positiveNumber(name, 'f', p.f ?? 0.05);
  const h = numberInRange(name, 'h', p.h ?? (f >= 0.12 ? 0.45 : 0.4), 0, 1);
  const ind1 = colour(name, 'ind1', p.ind1 ?? palette.ind1);
  const ind2 = colour(name, 'ind2', p.ind2 ?? palette.ind2);
  const test = colour(name, 'test', p.test ?? palette.test);

  const period = Math.round(W * f);
  const lineWidth = Math.round(period / 3);
  if (period < 2 || lineWidth < 1) {
    throw new StimulusError(`${name}: f = ${f} gives a grid period of ${period} px and lines of ${lineWidth} px: no grid`);
  }
  if (period > Math.min(H, W)) throw new StimulusError(`${name}: f = ${f} gives a grid period of ${period} px, larger than the canvas`);
  const side = 2 * Math.round((Math.min(H, W) / 2) * h);
  if (side < 1) throw new StimulusError(`${name}: h = ${h} gives an empty test square`);
  const top = Math.floor(H / 2) - side / 2;
  const left = Math.floor(W / 2) - side / 2;
  rectInside(name, 'test square', top, left, side, side, H, W);
  const onLine = (y: number, x: number) => y % period < lineWidth || x % period < lineWidth;
  const inSquare = rect(top, left, side, side);

  const draw = (background: Rgb, lines: Rgb, value: number) => {
    const img = createImage(H, W, background);
    const mask = createLabels(H, W);
    paintTest(img, mask, (y, x) => inSquare(y, x) && !onLine(y, x), test, value);
    paint(img, onLine, lines);
    return { img, mask };
  };
  const a = draw(ind1, ind2, 1);
  const b = draw(ind2, ind1, 2);
  if (!a.mask.data.includes(1)) {
    throw new StimulusError(`${name}: the test square (side ${side} px) holds no grid cell between the lines`);
  }
  return {
    name, family: 'dungeon', variant, images: [a.img, b.img], masks: [a.mask, b.mask],
    params: {
      ...sizeParams(size), f, h, ind1, ind2, test, period, lineWidth, squareSide: side,
      squareRows: [top, top + side - 1], squareCols: [left, left + side - 1],
    },
    human: {
      kind: 'assimilation',
      note: 'Dungeon illusion: the test shifts toward the colour of the grid lines over it (A: ind2 lines, B: ind1 lines)',
      direction: { 1: sub(ind2, test), 2: sub(ind1, test) },
    },
  };
}

export const dungeonGrey = (p: DungeonParams = {}): Stimulus => dungeon(p, 'grey');
export const dungeonColour = (p: DungeonParams = {}): Stimulus => dungeon(p, 'colour');
