// Stimuli: the study's five illusions (grey and colour) and a wider library, each with test masks, resolved
// parameters and the human expectation (SCIENCE.md §1).
export { StimulusError, type HumanExpectation, type Stimulus, type Variant } from './types.ts';
export { resolveSize, lengthPx, type Length, type ResolvedSize, type Shape, type SizeOptions } from './size.ts';
export { pasteCentred, type CanvasOptions } from './canvas.ts';
export { maskStatistics, type LabelStats } from './mask-stats.ts';
export { GREY, WHITES_COLOUR, DUNGEON_COLOUR, type Palette } from './palettes.ts';
export { whites, whitesGrey, whitesColour, munkerWhite, whitesGeometry, type WhitesParams, type WhitesGeometry } from './whites.ts';
export { dungeon, dungeonGrey, dungeonColour, type DungeonParams } from './dungeon.ts';
export { rings, ringsGrey, ringsColour, type RingsParams } from './rings.ts';
export { gradient, gradientGrey, gradientColour, type GradientParams } from './gradient.ts';
export { chevreul, chevreulGrey, chevreulColour, chevreulReversedGrey, chevreulReversedColour, type ChevreulParams } from './chevreul.ts';
export { sbc, sbcGrey, sbcColour, type SbcParams } from './sbc.ts';
export { machBands, type MachBandsParams } from './mach-bands.ts';
export { todorovic, type TodorovicParams } from './todorovic.ts';
export { benary, type BenaryParams } from './benary.ts';
export { checkerShadow, type CheckerShadowParams } from './checker-shadow.ts';
export { cornsweet, type CornsweetParams } from './cornsweet.ts';
export {
  stimulusCatalogue, stimulusNames, makeStimulus, studyStimuli,
  type CatalogueEntry, type Sweep, type StudyStimuliOptions,
} from './catalogue.ts';
