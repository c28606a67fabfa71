// Chevreul staircase on a ramp, as in the study, and its reversed (cancellation) condition (Geier & Hudák 2011).
// Background: horizontal ramp from + (to − from)·x/(W−1) (grey: 0 → 1; colour: R = 1, G = B carry the ramp, i.e.
// (1,0,0) → (1,1,1)). A centred square of side round(min(H,W)·h) (top = floor((H−side)/2), same for left) holds
// vertical steps: column offset j within the square belongs to step floor(j·steps/side); step k has colour
// from + (to − from)·values[k], values 0.3, 0.4, 0.5, 0.6, 0.7 rising in the ramp's direction, or falling when
// reversed. Mask: step k (counted from the left) is labelled k + 1.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { mix, paintColumns, paintTest, rect } from './draw.ts';
import { resolveSize, sizeParams, type SizeOptions } from './size.ts';
import { StimulusError, type HumanExpectation, type Stimulus, type Variant } from './types.ts';
import { colour, numberInRange, scale, sub } from './validate.ts';

export interface ChevreulParams extends SizeOptions {
  /** side of the staircase square as a fraction of the canvas (default 0.5; the study sweeps .1 … .7) */
  h?: number;
  /** step values along the ramp, left to right before reversal (default 0.3, 0.4, 0.5, 0.6, 0.7) */
  values?: readonly number[];
  reversed?: boolean;
  from?: Rgb;
  to?: Rgb;
}

export function chevreul(p: ChevreulParams = {}, variant: Variant = 'grey',
  name = `chevreul${p.reversed ? '-reversed' : ''}-${variant}`): Stimulus {
  const size = resolveSize(name, p, [128, 128]);
  const [H, W] = size.shape;
  if (W < 2) throw new StimulusError(`${name}: the ramp needs a canvas at least 2 px wide`);
  const h = numberInRange(name, 'h', p.h ?? 0.5, 0, 1);
  const from = colour(name, 'from', p.from ?? (variant === 'grey' ? [0, 0, 0] : [1, 0, 0]));
  const to = colour(name, 'to', p.to ?? [1, 1, 1]);
  const reversed = p.reversed ?? false;
  const base = [...(p.values ?? [0.3, 0.4, 0.5, 0.6, 0.7])];
  if (base.length < 2) throw new StimulusError(`${name}: values must hold at least 2 steps`);
  base.forEach((v, k) => numberInRange(name, `values[${k}]`, v, 0, 1));
  const values = reversed ? base.reverse() : base;
  const steps = values.length;
  const side = Math.round(Math.min(H, W) * h);
  if (side < steps) throw new StimulusError(`${name}: h = ${h} gives a square of ${side} px, too narrow for ${steps} steps`);
  const top = Math.floor((H - side) / 2), left = Math.floor((W - side) / 2);
  const rampAt = (x: number) => mix(from, to, x / (W - 1));

  const img = createImage(H, W);
  const mask = createLabels(H, W);
  paintColumns(img, rampAt);
  const stepCols: [number, number][] = [];
  for (let k = 0; k < steps; k++) {
    const c0 = left + Math.ceil((k * side) / steps), c1 = left + Math.ceil(((k + 1) * side) / steps) - 1;
    stepCols.push([c0, c1]);
    paintTest(img, mask, rect(top, c0, side, c1 - c0 + 1), mix(from, to, values[k]), k + 1);
  }
  // The scallop: next to a darker neighbour an edge looks lighter, next to a lighter one darker.
  const light = sub(to, from);
  const valueLeftOf = (k: number) => (k === 0 ? (left - 1) / (W - 1) : values[k - 1]);
  const valueRightOf = (k: number) => (k === steps - 1 ? (left + side) / (W - 1) : values[k + 1]);
  const edges: NonNullable<HumanExpectation['edges']> = {};
  for (let k = 0; k < steps; k++) {
    edges[k + 1] = {
      left: scale(light, Math.sign(values[k] - valueLeftOf(k))),
      right: scale(light, Math.sign(values[k] - valueRightOf(k))),
    };
  }
  return {
    name, family: 'chevreul', variant, images: [img], masks: [mask],
    params: {
      ...sizeParams(size), h, reversed, from, to, values, squareSide: side,
      squareRows: [top, top + side - 1], stepCols,
    },
    human: {
      kind: 'contrast',
      note: 'Chevreul: each step looks scalloped, lighter at the edge next to a darker neighbour and darker at the ' +
        'edge next to a lighter one' + (reversed ? '; against the ramp the illusion is reduced (cancellation)' : ''),
      direction: {},
      edges,
      ...(reversed ? { weakerThan: `chevreul-${variant}` } : {}),
    },
  };
}

export const chevreulGrey = (p: ChevreulParams = {}): Stimulus => chevreul({ ...p, reversed: false }, 'grey');
export const chevreulColour = (p: ChevreulParams = {}): Stimulus => chevreul({ ...p, reversed: false }, 'colour');
export const chevreulReversedGrey = (p: ChevreulParams = {}): Stimulus => chevreul({ ...p, reversed: true }, 'grey');
export const chevreulReversedColour = (p: ChevreulParams = {}): Stimulus => chevreul({ ...p, reversed: true }, 'colour');
