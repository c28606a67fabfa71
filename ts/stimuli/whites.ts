// White's illusion (and the Munker–White colour version): vertical bars of width round(W·f) alternating
// ind1 (even bars, from column 0) and ind2 (odd bars); two test patches, each one bar wide and `testHeightBars`
// bar-widths tall, centred on row floor(H/2): test 1 replaces a segment of the first even (ind1) bar at index
// ≥ testPositions[0]·bars, test 2 a segment of the first odd (ind2) bar at index ≥ testPositions[1]·bars, where
// bars = ceil(W / barWidth) counts every bar touching the canvas (definition: ours where the width does not divide).
// SCIENCE.md §1, f=.03 on 128×128: bar width 4, rows 56–71, test columns 32–35 and 84–87.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { paint, paintTest, rect } from './draw.ts';
import { GREY, WHITES_COLOUR, type Palette } from './palettes.ts';
import { resolveSize, sizeParams, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus, type Variant } from './types.ts';
import { colour, numberInRange, positiveInteger, positiveNumber, rectInside, sub } from './validate.ts';

export interface WhitesParams extends SizeOptions {
  /** bar frequency as a fraction of the canvas width: bar width = round(W·f) (default 0.03) */
  f?: number;
  ind1?: Rgb;
  ind2?: Rgb;
  test?: Rgb;
  /** test height in bar widths (default 4) */
  testHeightBars?: number;
  /** where the two tests sit, as fractions of the bar count (default [0.23, 0.6]) */
  testPositions?: readonly [number, number];
}

export interface WhitesGeometry {
  barWidth: number;
  bars: number;
  testBars: [number, number];
  testRows: [number, number];
  testCols: [[number, number], [number, number]];
}

export function whitesGeometry(name: string, H: number, W: number, f: number, testHeightBars: number,
  testPositions: readonly [number, number]): WhitesGeometry {
  positiveNumber(name, 'f', f);
  const barWidth = Math.round(W * f);
  if (barWidth < 1) throw new StimulusError(`${name}: f = ${f} gives bars of width round(${W}·${f}) = 0 px: no bars`);
  const bars = Math.ceil(W / barWidth);
  if (bars < 2) throw new StimulusError(`${name}: f = ${f} gives one bar of width ${barWidth} px on a ${W} px canvas: no grating`);
  const firstWithParity = (min: number, parity: number) => {
    let i = Math.ceil(min);
    if (i % 2 !== parity) i++;
    return i;
  };
  const testBars: [number, number] = [firstWithParity(testPositions[0] * bars, 0), firstWithParity(testPositions[1] * bars, 1)];
  const h = testHeightBars * barWidth;
  const top = Math.floor(H / 2) - Math.floor(h / 2);
  testBars.forEach((b, k) => rectInside(name, `test ${k + 1} (bar ${b})`, top, b * barWidth, h, barWidth, H, W));
  return {
    barWidth, bars, testBars,
    testRows: [top, top + h - 1],
    testCols: [[testBars[0] * barWidth, testBars[0] * barWidth + barWidth - 1], [testBars[1] * barWidth, testBars[1] * barWidth + barWidth - 1]],
  };
}

/** The general White's generator: one image, mask 1 = test on an ind1 bar, 2 = test on an ind2 bar. */
export function whites(p: WhitesParams = {}, variant: Variant = 'grey', name = `whites-${variant}`,
  palette: Palette = variant === 'grey' ? GREY : WHITES_COLOUR): Stimulus {
  const size = resolveSize(name, p, [128, 128]);
  const [H, W] = size.shape;
  const f = p.f ?? 0.03;
  const ind1 = colour(name, 'ind1', p.ind1 ?? palette.ind1);
  const ind2 = colour(name, 'ind2', p.ind2 ?? palette.ind2);
  const test = colour(name, 'test', p.test ?? palette.test);
  const testHeightBars = positiveInteger(name, 'testHeightBars', p.testHeightBars ?? 4);
  const testPositions = p.testPositions ?? [0.23, 0.6];
  numberInRange(name, 'testPositions[0]', testPositions[0], 0, 1);
  numberInRange(name, 'testPositions[1]', testPositions[1], 0, 1);
  const g = whitesGeometry(name, H, W, f, testHeightBars, testPositions);

  const img = createImage(H, W, ind1);
  const mask = createLabels(H, W);
  paint(img, (_y, x) => Math.floor(x / g.barWidth) % 2 === 1, ind2);
  const h = g.testRows[1] - g.testRows[0] + 1;
  g.testBars.forEach((b, k) => paintTest(img, mask, rect(g.testRows[0], b * g.barWidth, h, g.barWidth), test, k + 1));
  return {
    name, family: 'whites', variant, images: [img], masks: [mask],
    params: { ...sizeParams(size), f, ind1, ind2, test, testHeightBars, testPositions: [...testPositions], ...g },
    human: {
      kind: 'assimilation',
      note: "White's effect: each test shifts toward the bars flanking it left and right (the test on the dark " +
        'ind2 bar looks lighter than the test on the light ind1 bar)',
      direction: { 1: sub(ind2, test), 2: sub(ind1, test) },
    },
  };
}

export const whitesGrey = (p: WhitesParams = {}): Stimulus => whites(p, 'grey');
export const whitesColour = (p: WhitesParams = {}): Stimulus => whites(p, 'colour');

/**
 * Munker–White: White's geometry in colour, red tests on blue (ind1) and yellow (ind2) bars (definition: ours).
 * The test between yellow bars looks orange, the test between blue bars purple (assimilation to the flankers).
 */
export const munkerWhite = (p: WhitesParams = {}): Stimulus =>
  whites({ f: 0.06, ...p }, 'colour', 'munker-white', { ind1: [0, 0, 1], ind2: [1, 1, 0], test: [1, 0, 0] });
