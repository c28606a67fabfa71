// The study's inducer and test colours (SCIENCE.md §1), RGB in [0, 1].
import type { Rgb } from '../image.ts';

export interface Palette {
  ind1: Rgb;
  ind2: Rgb;
  test: Rgb;
}

/** Grey version of every study illusion: ind1 white, ind2 black, test mid-grey. */
export const GREY: Palette = { ind1: [1, 1, 1], ind2: [0, 0, 0], test: [0.5, 0.5, 0.5] };

/** Colour White's: red / yellow / orange. */
export const WHITES_COLOUR: Palette = { ind1: [1, 0, 0], ind2: [1, 1, 0], test: [1, 0.5, 0] };

/** Colour Dungeon and Hong–Shevell rings: azure / magenta / yellow-green (0.58, 1, 0). */
export const DUNGEON_COLOUR: Palette = { ind1: [0, 0.58, 1], ind2: [1, 0, 1], test: [0.58, 1, 0] };
