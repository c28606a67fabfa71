// Hong–Shevell rings as in the study: filled circles centred (floor(H/2), floor(W/2)) = (64, 64), drawn from the
// outside in: circle i (i = 0..n−1) has radius int(R − i·s) and colour ind1 for even i, ind2 for odd i, with
// ring spacing s = R·f and n = int((R − r0)/s) (R = 45, r0 = 9: s = 45f, n = int(36/s)); then the inner disc of
// radius r0 continues the alternation (colour of index n). Ring t = int(n/2) (the annulus r_{t+1} ≤ d < r_t)
// is drawn in the test colour, so both its neighbours (indices t−1 and t+1) have the same inducer. Image B swaps
// ind1/ind2. Outside radius R the canvas has the colour `background` (definition: ours, default mid-grey 0.5:
// unlike black or white it differs from both inducers, so B is an exact swap of A and no ring merges with it).
import { createImage, createLabels, type Rgb } from '../image.ts';
import { disc, paint, paintTest } from './draw.ts';
import { DUNGEON_COLOUR, GREY } from './palettes.ts';
import { resolveSize, sizeParams, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus, type Variant } from './types.ts';
import { colour, positiveNumber, sub } from './validate.ts';

export interface RingsParams extends SizeOptions {
  /** ring frequency: spacing s = outerRadius·f (default 0.1: s = 4.5, n = 8) */
  f?: number;
  /** default 45 px */
  outerRadius?: number;
  /** radius of the inner disc, default 9 px */
  innerRadius?: number;
  ind1?: Rgb;
  ind2?: Rgb;
  test?: Rgb;
  background?: Rgb;
}

export function rings(p: RingsParams = {}, variant: Variant = 'grey', name = `rings-${variant}`): Stimulus {
  const palette = variant === 'grey' ? GREY : DUNGEON_COLOUR;
  const size = resolveSize(name, p, [128, 128]);
  const [H, W] = size.shape;
  const f = positiveNumber(name, 'f', p.f ?? 0.1);
  const R = positiveNumber(name, 'outerRadius', p.outerRadius ?? 45);
  const r0 = positiveNumber(name, 'innerRadius', p.innerRadius ?? 9);
  const ind1 = colour(name, 'ind1', p.ind1 ?? palette.ind1);
  const ind2 = colour(name, 'ind2', p.ind2 ?? palette.ind2);
  const test = colour(name, 'test', p.test ?? palette.test);
  const background = colour(name, 'background', p.background ?? [0.5, 0.5, 0.5]);
  if (r0 >= R) throw new StimulusError(`${name}: innerRadius ${r0} must be smaller than outerRadius ${R}`);
  const cy = Math.floor(H / 2), cx = Math.floor(W / 2);
  if (cy - R < 0 || cx - R < 0 || cy + R > H - 1 || cx + R > W - 1) {
    throw new StimulusError(`${name}: rings of outer radius ${R} centred (${cy}, ${cx}) lie outside the ${H}×${W} canvas`);
  }
  const s = R * f;
  const n = Math.trunc((R - r0) / s);
  if (n < 2) throw new StimulusError(`${name}: f = ${f} gives ring spacing ${s} px and ${n} ring(s): need at least 2`);
  const radii = Array.from({ length: n }, (_, i) => Math.trunc(R - i * s));
  radii.push(Math.trunc(r0));
  for (let i = 1; i < radii.length; i++) {
    if (radii[i] >= radii[i - 1]) {
      throw new StimulusError(`${name}: f = ${f} gives rings thinner than 1 px (radii ${radii[i - 1]} and ${radii[i]})`);
    }
  }
  const t = Math.trunc(n / 2);

  const draw = (even: Rgb, odd: Rgb, value: number) => {
    const img = createImage(H, W, background);
    const mask = createLabels(H, W);
    radii.forEach((r, i) => paint(img, disc(cy, cx, r), i % 2 === 0 ? even : odd));
    const outer = disc(cy, cx, radii[t]), inner = disc(cy, cx, radii[t + 1]);
    paintTest(img, mask, (y, x) => outer(y, x) && !inner(y, x), test, value);
    return { img, mask };
  };
  const a = draw(ind1, ind2, 1);
  const b = draw(ind2, ind1, 2);
  const flankA = (t + 1) % 2 === 0 ? ind1 : ind2;
  const flankB = (t + 1) % 2 === 0 ? ind2 : ind1;
  return {
    name, family: 'rings', variant, images: [a.img, b.img], masks: [a.mask, b.mask],
    params: {
      ...sizeParams(size), f, outerRadius: R, innerRadius: r0, ind1, ind2, test, background,
      centre: [cy, cx], spacing: s, rings: n, radii, testRing: t, testRadii: [radii[t + 1], radii[t]],
    },
    human: {
      kind: 'assimilation',
      note: 'Hong–Shevell: the test ring shifts toward the colour of its two flanking rings',
      direction: { 1: sub(flankA, test), 2: sub(flankB, test) },
    },
  };
}

export const ringsGrey = (p: RingsParams = {}): Stimulus => rings(p, 'grey');
export const ringsColour = (p: RingsParams = {}): Stimulus => rings(p, 'colour');
