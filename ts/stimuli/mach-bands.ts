// Mach bands: a dark plateau, a linear ramp of rampWidth columns, a light plateau; the ramp is centred
// (it starts at column floor((W − rampWidth)/2)). Column x in the ramp [a, a + w) has colour
// low + (high − low)·(x − a + 1)/(w + 1). Mask 1 = the bandWidth columns of the dark plateau next to the ramp's
// foot (where a dark band is seen), 2 = the bandWidth columns of the light plateau next to its top (a light band).
import { createImage, createLabels, type Rgb } from '../image.ts';
import { label, mix, paintColumns, rect } from './draw.ts';
import { lengthPx, resolveSize, sizeParams, type Length, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus } from './types.ts';
import { colour, sub } from './validate.ts';

export interface MachBandsParams extends SizeOptions {
  rampWidth?: Length;
  bandWidth?: Length;
  low?: Rgb;
  high?: Rgb;
}

export function machBands(p: MachBandsParams = {}, name = 'mach-bands-grey'): Stimulus {
  const size = resolveSize(name, p, [128, 128]);
  const [H, W] = size.shape;
  const w = lengthPx(name, 'rampWidth', p.rampWidth ?? 32, size.ppd);
  const band = lengthPx(name, 'bandWidth', p.bandWidth ?? 4, size.ppd);
  const low = colour(name, 'low', p.low ?? [0.2, 0.2, 0.2]);
  const high = colour(name, 'high', p.high ?? [0.8, 0.8, 0.8]);
  const a = Math.floor((W - w) / 2);
  if (a < band || a + w + band > W) {
    throw new StimulusError(`${name}: a ramp of ${w} px with bands of ${band} px does not fit a canvas ${W} px wide`);
  }
  const img = createImage(H, W);
  const mask = createLabels(H, W);
  paintColumns(img, (x) => (x < a ? low : x >= a + w ? high : mix(low, high, (x - a + 1) / (w + 1))));
  label(mask, rect(0, a - band, H, band), 1);
  label(mask, rect(0, a + w, H, band), 2);
  return {
    name, family: 'mach-bands', variant: 'grey', images: [img], masks: [mask],
    params: { ...sizeParams(size), rampWidth: w, bandWidth: band, low, high, rampCols: [a, a + w - 1] },
    human: {
      kind: 'contrast',
      note: 'Mach bands: a dark band at the foot of the ramp, a light band at its top',
      direction: { 1: sub(low, high), 2: sub(high, low) },
    },
  };
}
