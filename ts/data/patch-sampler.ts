// Seeded patch sampler: random square crops of the stored images, one of the 8 flips/90° rotations, then
// the task's degradation. The clean crop is cut larger by the blur radius so the blurred patch needs no
// invented border; the target is its centre. Every random draw comes from the given Prng, so a run is
// reproduced exactly by its seed, and resumed exactly from a saved Prng state.
import type { RgbImage } from '../image.ts';
import type { StoredImage } from './image-folder.ts';
import type { Prng } from './prng.ts';
import { type Degradation, addNoise, blurValid, degradationMargin } from './degrade.ts';

export interface PatchBatch {
  /** degraded patches, n×P×P×3 (NHWC, same flattening as RgbImage) */
  input: Float32Array;
  /** clean patches */
  target: Float32Array;
  n: number;
  patch: number;
}

export class PatchSampler {
  private readonly usable: StoredImage[];
  private readonly margin: number;

  constructor(images: readonly StoredImage[], private readonly patch: number, private readonly degradation: Degradation) {
    if (!Number.isInteger(patch) || patch < 4) throw new RangeError(`patch size must be an integer ≥ 4, got ${patch}`);
    this.margin = degradationMargin(degradation);
    const size = patch + 2 * this.margin;
    this.usable = images.filter((im) => im.height >= size && im.width >= size);
    if (this.usable.length === 0) throw new RangeError(`no image is at least ${size}×${size} pixels (patch ${patch} + blur margin)`);
  }

  /** Draw n degraded/clean patch pairs. */
  batch(n: number, rng: Prng): PatchBatch {
    const P = this.patch, S = P + 2 * this.margin;
    const input = new Float32Array(n * P * P * 3);
    const target = new Float32Array(n * P * P * 3);
    const crop = new Float32Array(S * S * 3);
    for (let k = 0; k < n; k++) {
      const img = this.usable[rng.int(this.usable.length)];
      const y0 = rng.int(img.height - S + 1), x0 = rng.int(img.width - S + 1);
      const transform = rng.int(8);
      cropTransformed(img, y0, x0, S, transform, crop);
      const m = this.margin;
      for (let y = 0; y < P; y++) {
        target.set(crop.subarray(((y + m) * S + m) * 3, ((y + m) * S + m + P) * 3), (k * P + y) * P * 3);
      }
      const degraded = this.degradation.blur
        ? blurValid({ height: S, width: S, data: crop } as RgbImage, this.degradation.blur).data
        : target.slice(k * P * P * 3, (k + 1) * P * P * 3);
      addNoise(degraded, this.degradation.noiseSigma, rng);
      input.set(degraded, k * P * P * 3);
    }
    return { input, target, n, patch: P };
  }
}

/** Copy an S×S crop at (y0, x0), flipped (transform ≥ 4) and rotated by (transform mod 4)·90°. */
export function cropTransformed(img: StoredImage, y0: number, x0: number, S: number, transform: number, out: Float32Array): void {
  const flip = transform >= 4, rot = transform & 3;
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      const fx = flip ? S - 1 - x : x;
      let sy: number, sx: number;
      if (rot === 0) { sy = y; sx = fx; } else if (rot === 1) { sy = fx; sx = S - 1 - y; } else if (rot === 2) { sy = S - 1 - y; sx = S - 1 - fx; } else { sy = S - 1 - fx; sx = y; }
      const i = ((y0 + sy) * img.width + x0 + sx) * 3, o = (y * S + x) * 3;
      out[o] = img.data[i] / 255; out[o + 1] = img.data[i + 1] / 255; out[o + 2] = img.data[i + 2] / 255;
    }
  }
}
