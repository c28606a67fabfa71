// Parameter checks shared by the generators: each failure is a StimulusError naming the stimulus, the
// parameter and what is wrong with its value.
import type { Rgb } from '../image.ts';
import { StimulusError } from './types.ts';

export function positiveNumber(stim: string, name: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new StimulusError(`${stim}: ${name} must be a positive number, got ${String(v)}`);
  }
  return v;
}

export function positiveInteger(stim: string, name: string, v: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
    throw new StimulusError(`${stim}: ${name} must be a positive whole number, got ${String(v)}`);
  }
  return v;
}

/** A number in [lo, hi] (inclusive). */
export function numberInRange(stim: string, name: string, v: number, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    throw new StimulusError(`${stim}: ${name} must be in [${lo}, ${hi}], got ${String(v)}`);
  }
  return v;
}

/** An RGB colour with each value in [0, 1]. */
export function colour(stim: string, name: string, c: Rgb): Rgb {
  if (!Array.isArray(c) || c.length !== 3 || c.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)) {
    throw new StimulusError(`${stim}: ${name} must be three RGB values in [0, 1], got ${JSON.stringify(c)}`);
  }
  return [c[0], c[1], c[2]];
}

/** A grey level in [0,1] or an RGB colour; returns the RGB colour. */
export function colourOrGrey(stim: string, name: string, c: Rgb | number): Rgb {
  if (typeof c === 'number') return colour(stim, name, [c, c, c]);
  return colour(stim, name, c);
}

/** Check that the rectangle rows [top, top+height) × cols [left, left+width) lies inside an H×W canvas. */
export function rectInside(stim: string, what: string, top: number, left: number, height: number, width: number,
  H: number, W: number): void {
  if (top < 0 || left < 0 || top + height > H || left + width > W) {
    throw new StimulusError(`${stim}: ${what} (rows ${top}–${top + height - 1}, cols ${left}–${left + width - 1}) ` +
      `lies outside the ${H}×${W} canvas`);
  }
}

export function sub(a: Rgb, b: Rgb): Rgb {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/** a·k, with −0 written as 0 */
export function scale(a: Rgb, k: number): Rgb {
  return [a[0] * k + 0, a[1] * k + 0, a[2] * k + 0];
}
