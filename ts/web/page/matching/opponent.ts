// The three axes a person adjusts a test colour along: lightness L = (R+G+B)/3, red–green a = R − G and
// yellow–blue b = (R+G)/2 − B, an invertible linear map of RGB, so keyboard steps move one axis at a time.
import type { Rgb } from '../../../image.ts';

export type Opponent = readonly [lightness: number, redGreen: number, yellowBlue: number];

export function rgbToOpponent([r, g, b]: Rgb): Opponent {
  return [(r + g + b) / 3, r - g, (r + g) / 2 - b];
}

export function opponentToRgb([l, a, b]: Opponent): Rgb {
  return [l + b / 3 + a / 2, l + b / 3 - a / 2, l - (2 * b) / 3];
}

export function clampRgb(c: Rgb): Rgb {
  return [Math.min(1, Math.max(0, c[0])), Math.min(1, Math.max(0, c[1])), Math.min(1, Math.max(0, c[2]))];
}

/** Move colour c by delta along one opponent axis (0 = L, 1 = red–green, 2 = yellow–blue), kept displayable. */
export function stepOpponent(c: Rgb, axis: 0 | 1 | 2, delta: number): Rgb {
  const o = [...rgbToOpponent(c)] as [number, number, number];
  o[axis] += delta;
  return clampRgb(opponentToRgb(o));
}
