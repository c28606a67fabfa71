// The catalogue of named stimuli: the study's set (SCIENCE.md §1, grey and colour) and the wider library, each
// with its default parameters and, for the study's, the parameter a sweep varies and the study's values.
import { benary } from './benary.ts';
import { pasteCentred, type CanvasOptions } from './canvas.ts';
import { checkerShadow } from './checker-shadow.ts';
import { chevreulColour, chevreulGrey, chevreulReversedColour, chevreulReversedGrey } from './chevreul.ts';
import { cornsweet } from './cornsweet.ts';
import { dungeonColour, dungeonGrey } from './dungeon.ts';
import { gradientColour, gradientGrey } from './gradient.ts';
import { machBands } from './mach-bands.ts';
import { ringsColour, ringsGrey } from './rings.ts';
import { sbcColour, sbcGrey } from './sbc.ts';
import { todorovic } from './todorovic.ts';
import { StimulusError, type Stimulus, type Variant } from './types.ts';
import { munkerWhite, whitesColour, whitesGrey } from './whites.ts';

export interface Sweep {
  param: string;
  values: readonly number[];
}

export interface CatalogueEntry {
  name: string;
  family: string;
  variant: Variant;
  /** part of the study's default set (SCIENCE.md §1) */
  study: boolean;
  /** generate with these parameters over the defaults */
  make(params?: Record<string, unknown>): Stimulus;
  /** the parameters the study fixes by default (the generator's own defaults apply to the rest) */
  defaults: Record<string, unknown>;
  sweep?: Sweep;
}

const F_SWEEP: Sweep = { param: 'f', values: [0.03, 0.05, 0.07, 0.09, 0.12, 0.15] };
/** the study's frequencies plus the rings' default 0.1 (s = 4.5: the inner disc of radius 9 continues the spacing) */
const RINGS_SWEEP: Sweep = { param: 'f', values: [0.03, 0.05, 0.07, 0.09, 0.1, 0.12, 0.15] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function entry(name: string, family: string, variant: Variant, study: boolean, gen: (p: any) => Stimulus,
  defaults: Record<string, unknown>, sweep?: Sweep): CatalogueEntry {
  return { name, family, variant, study, defaults, sweep, make: (params = {}) => gen({ ...defaults, ...params }) };
}

const entries: CatalogueEntry[] = [
  entry('whites-grey', 'whites', 'grey', true, whitesGrey, { f: 0.03 }, F_SWEEP),
  entry('whites-colour', 'whites', 'colour', true, whitesColour, { f: 0.03 }, F_SWEEP),
  entry('dungeon-grey', 'dungeon', 'grey', true, dungeonGrey, { f: 0.05 }, F_SWEEP),
  entry('dungeon-colour', 'dungeon', 'colour', true, dungeonColour, { f: 0.05 }, F_SWEEP),
  entry('rings-grey', 'rings', 'grey', true, ringsGrey, { f: 0.1 }, RINGS_SWEEP),
  entry('rings-colour', 'rings', 'colour', true, ringsColour, { f: 0.1 }, RINGS_SWEEP),
  entry('gradient-grey', 'gradient', 'grey', true, gradientGrey, { r: 5 }, { param: 'r', values: [1, 3, 5, 7, 9, 12] }),
  entry('gradient-colour', 'gradient', 'colour', true, gradientColour, { r: 5 }, { param: 'r', values: [1, 3, 5, 7, 9, 12] }),
  ...(['chevreul-grey', 'chevreul-colour', 'chevreul-reversed-grey', 'chevreul-reversed-colour'] as const).map((name, k) =>
    entry(name, 'chevreul', k % 2 === 0 ? 'grey' : 'colour', true,
      [chevreulGrey, chevreulColour, chevreulReversedGrey, chevreulReversedColour][k], { h: 0.5 },
      { param: 'h', values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] })),
  entry('sbc-grey', 'sbc', 'grey', false, sbcGrey, {}),
  entry('sbc-colour', 'sbc', 'colour', false, sbcColour, {}),
  entry('mach-bands-grey', 'mach-bands', 'grey', false, (p) => machBands(p), {}),
  entry('todorovic-grey', 'todorovic', 'grey', false, (p) => todorovic(p), {}),
  entry('benary-grey', 'benary', 'grey', false, (p) => benary(p), {}),
  entry('munker-white', 'whites', 'colour', false, munkerWhite, {}),
  entry('checker-shadow-grey', 'checker-shadow', 'grey', false, (p) => checkerShadow(p), {}),
  entry('cornsweet-grey', 'cornsweet', 'grey', false, (p) => cornsweet(p), {}),
];

export const stimulusCatalogue: Readonly<Record<string, CatalogueEntry>> = Object.freeze(
  Object.fromEntries(entries.map((e) => [e.name, e])));

export const stimulusNames: readonly string[] = entries.map((e) => e.name);

/** Generate a catalogued stimulus by name; unknown names are a StimulusError listing the valid ones. */
export function makeStimulus(name: string, params: Record<string, unknown> = {}): Stimulus {
  const e = stimulusCatalogue[name];
  if (!e) throw new StimulusError(`unknown stimulus "${name}"; valid names: ${stimulusNames.join(', ')}`);
  return e.make(params);
}

export interface StudyStimuliOptions {
  /** 'grey', 'colour' or both (default) */
  variant?: Variant | 'both';
  /** paste every stimulus centred into this canvas (e.g. { shape: 256, background: 0.5 }) */
  canvas?: CanvasOptions;
}

/** The study's default set (SCIENCE.md §1): White's, Dungeon, rings, gradient, Chevreul (+ reversed). */
export function studyStimuli(opts: StudyStimuliOptions = {}): Stimulus[] {
  const variant = opts.variant ?? 'both';
  return entries
    .filter((e) => e.study && (variant === 'both' || e.variant === variant))
    .map((e) => e.make())
    .map((s) => (opts.canvas ? pasteCentred(s, opts.canvas) : s));
}
