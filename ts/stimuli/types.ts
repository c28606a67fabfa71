// The one shape every stimulus generator returns (stimupy style: image(s) + test mask(s) + resolved parameters),
// plus the machine-checkable human expectation the study checks network shifts against (SCIENCE.md §1).
import type { LabelImage, Rgb, RgbImage } from '../image.ts';
import { UserError } from '../util/errors.ts';

export type Variant = 'grey' | 'colour';

/**
 * What people see, as signs a network's shift can be checked against.
 * direction[label]: the RGB direction in which the perceived colour of the test region with that label shifts
 * relative to its physical colour. Only the direction is meaningful (compare by sign or cosine); by construction it
 * is the vector from the test colour toward the colour it is pulled to (assimilation) or from the colour of the
 * surround it is pushed away from (contrast). Labels without an entry have no predicted mean shift.
 * edges[label] (Chevreul staircase): the direction of the perceived shift near the region's left and right edges
 * (the scallop: lighter next to a darker neighbour, darker next to a lighter one); the mean may not shift.
 * weakerThan: the name of the stimulus on which the same effect is predicted to be stronger (cancellation conditions).
 */
export interface HumanExpectation {
  kind: 'contrast' | 'assimilation';
  note: string;
  direction: Partial<Record<number, Rgb>>;
  edges?: Partial<Record<number, { left: Rgb; right: Rgb }>>;
  weakerThan?: string;
}

export interface Stimulus {
  /** unique within the catalogue, e.g. 'whites-grey', 'dungeon-colour' */
  name: string;
  /** the generator family, e.g. 'whites', 'dungeon' */
  family: string;
  variant: Variant;
  /** one image, or two for an A/B pair (A first) */
  images: RgbImage[];
  /** one per image: 1 = left test / A's test, 2 = right test / B's test, 0 = elsewhere (Chevreul: 1..steps) */
  masks: LabelImage[];
  /** every parameter after defaults and unit resolution (sizes in pixels), JSON-serialisable */
  params: Record<string, unknown>;
  human?: HumanExpectation;
}

/** Invalid stimulus parameters; a UserError, so the CLI prints it as one line. */
export class StimulusError extends UserError {
  override name = 'StimulusError';
}
