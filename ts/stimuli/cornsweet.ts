// Cornsweet (Craik–O'Brien–Cornsweet) edge: two plateaus of the same colour `plateau`; at the centre column
// e = floor(W/2) the left side darkens and the right side lightens: column x in [e − w, e) has
// plateau − amplitude·(1 − (e − 1 − x)/w)^exponent, column x in [e, e + w) has
// plateau + amplitude·(1 − (x − e)/w)^exponent. Mask 1 = the left plateau outside the ramp, 2 = the right one.
// People see the whole left plateau darker and the right one lighter.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { label, paintColumns, rect } from './draw.ts';
import { lengthPx, resolveSize, sizeParams, type Length, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus } from './types.ts';
import { colour, numberInRange, positiveNumber } from './validate.ts';

export interface CornsweetParams extends SizeOptions {
  rampWidth?: Length;
  plateau?: Rgb;
  /** the largest offset from the plateau, at the edge (default 0.2) */
  amplitude?: number;
  exponent?: number;
}

export function cornsweet(p: CornsweetParams = {}, name = 'cornsweet-grey'): Stimulus {
  const size = resolveSize(name, p, [128, 128]);
  const [H, W] = size.shape;
  const w = lengthPx(name, 'rampWidth', p.rampWidth ?? 24, size.ppd);
  const plateau = colour(name, 'plateau', p.plateau ?? [0.5, 0.5, 0.5]);
  const amplitude = numberInRange(name, 'amplitude', p.amplitude ?? 0.2, 0, 1);
  const exponent = positiveNumber(name, 'exponent', p.exponent ?? 2);
  if (plateau.some((v) => v - amplitude < 0 || v + amplitude > 1)) {
    throw new StimulusError(`${name}: plateau ± amplitude ${amplitude} leaves [0, 1]`);
  }
  const e = Math.floor(W / 2);
  if (e - w < 1 || e + w > W - 1) throw new StimulusError(`${name}: rampWidth ${w} px leaves no plateau on a ${W} px canvas`);
  const at = (k: number): Rgb => [plateau[0] + k, plateau[1] + k, plateau[2] + k];
  const img = createImage(H, W);
  const mask = createLabels(H, W);
  paintColumns(img, (x) => {
    if (x >= e - w && x < e) return at(-amplitude * Math.pow(1 - (e - 1 - x) / w, exponent));
    if (x >= e && x < e + w) return at(amplitude * Math.pow(1 - (x - e) / w, exponent));
    return plateau;
  });
  label(mask, rect(0, 0, H, e - w), 1);
  label(mask, rect(0, e + w, H, W - e - w), 2);
  return {
    name, family: 'cornsweet', variant: 'grey', images: [img], masks: [mask],
    params: { ...sizeParams(size), rampWidth: w, plateau, amplitude, exponent, edgeCol: e },
    human: {
      kind: 'contrast',
      note: 'Cornsweet: the plateau on the dark side of the edge looks darker, the other lighter, though they are equal',
      direction: { 1: [-1, -1, -1], 2: [1, 1, 1] },
    },
  };
}
