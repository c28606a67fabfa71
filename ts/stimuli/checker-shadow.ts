// Checker-shadow-type stimulus (after Adelson's checker shadow): a checkerboard of `checks`×`checks` squares,
// light and dark, under a soft-edged circular shadow that multiplies the light by shadowFactor inside radius
// shadowRadius and fades linearly to 1 over `penumbra` pixels outside it. Test A (label 1): a dark check fully in
// the light; test B (label 2): a light check fully inside the shadow. With the defaults (light 0.8, dark 0.4,
// factor 0.5) A and B have the same value, 0.4; people see B much lighter than A.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { label, rect } from './draw.ts';
import { lengthPx, resolveSize, sizeParams, type Length, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus } from './types.ts';
import { colour, numberInRange, positiveInteger, sub } from './validate.ts';

export interface CheckerShadowParams extends SizeOptions {
  checks?: number;
  light?: Rgb;
  dark?: Rgb;
  shadowFactor?: number;
  shadowRadius?: Length;
  penumbra?: Length;
  /** [row, col] of the check used as test A (dark, lit) and test B (light, shadowed) */
  testA?: readonly [number, number];
  testB?: readonly [number, number];
}

export function checkerShadow(p: CheckerShadowParams = {}, name = 'checker-shadow-grey'): Stimulus {
  const size = resolveSize(name, p, [128, 128]);
  const [H, W] = size.shape;
  const checks = positiveInteger(name, 'checks', p.checks ?? 8);
  const light = colour(name, 'light', p.light ?? [0.8, 0.8, 0.8]);
  const dark = colour(name, 'dark', p.dark ?? [0.4, 0.4, 0.4]);
  const factor = numberInRange(name, 'shadowFactor', p.shadowFactor ?? 0.5, 0, 1);
  const radius = lengthPx(name, 'shadowRadius', p.shadowRadius ?? 30, size.ppd);
  const penumbra = lengthPx(name, 'penumbra', p.penumbra ?? 12, size.ppd, 0);
  const cell = Math.floor(Math.min(H, W) / checks);
  if (cell < 1) throw new StimulusError(`${name}: ${checks} checks do not fit a ${H}×${W} canvas`);
  const testA = p.testA ?? [3, 2];
  const testB = p.testB ?? [5, 5];
  const top = Math.floor((H - cell * checks) / 2), left = Math.floor((W - cell * checks) / 2);
  // The shadow is centred on test B's check.
  const sy = top + testB[0] * cell + (cell - 1) / 2, sx = left + testB[1] * cell + (cell - 1) / 2;
  const shade = (y: number, x: number) => {
    const d = Math.hypot(y - sy, x - sx);
    if (d <= radius) return factor;
    if (d >= radius + penumbra) return 1;
    return factor + (1 - factor) * (d - radius) / penumbra;
  };
  const isLight = (r: number, c: number) => (r + c) % 2 === 0;
  for (const [which, [r, c], wantLight] of [['testA', testA, false], ['testB', testB, true]] as const) {
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= checks || c >= checks) {
      throw new StimulusError(`${name}: ${which} [${r}, ${c}] is not a check of the ${checks}×${checks} board`);
    }
    if (isLight(r, c) !== wantLight) throw new StimulusError(`${name}: ${which} [${r}, ${c}] must be a ${wantLight ? 'light' : 'dark'} check`);
  }
  // Test B must lie in the umbra, test A fully outside the shadow.
  const corners = (r: number, c: number) => [[0, 0], [0, cell - 1], [cell - 1, 0], [cell - 1, cell - 1]]
    .map(([dy, dx]) => shade(top + r * cell + dy, left + c * cell + dx));
  if (corners(testB[0], testB[1]).some((v) => v !== factor)) {
    throw new StimulusError(`${name}: shadowRadius ${radius} px does not cover test B's check (${cell} px)`);
  }
  if (corners(testA[0], testA[1]).some((v) => v !== 1)) {
    throw new StimulusError(`${name}: the shadow reaches test A's check; move testA or shrink the shadow`);
  }
  const img = createImage(H, W, light);
  const mask = createLabels(H, W);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const r = Math.min(checks - 1, Math.floor((y - top) / cell)), c = Math.min(checks - 1, Math.floor((x - left) / cell));
      const base = y < top || x < left || y >= top + cell * checks || x >= left + cell * checks ? light
        : isLight(r, c) ? light : dark;
      const k = shade(y, x), i = (y * W + x) * 3;
      img.data[i] = base[0] * k; img.data[i + 1] = base[1] * k; img.data[i + 2] = base[2] * k;
    }
  }
  label(mask, rect(top + testA[0] * cell, left + testA[1] * cell, cell, cell), 1);
  label(mask, rect(top + testB[0] * cell, left + testB[1] * cell, cell, cell), 2);
  const shadowedLight: Rgb = [light[0] * factor, light[1] * factor, light[2] * factor];
  return {
    name, family: 'checker-shadow', variant: 'grey', images: [img], masks: [mask],
    params: { ...sizeParams(size), checks, cell, light, dark, shadowFactor: factor, shadowRadius: radius, penumbra,
      testA: [...testA], testB: [...testB], shadowCentre: [sy, sx], valueA: dark, valueB: shadowedLight },
    human: {
      kind: 'contrast',
      note: 'checker shadow: the shadowed light check (B) looks much lighter than the lit dark check (A)',
      direction: { 1: sub(dark, light), 2: sub(light, dark) },
    },
  };
}
