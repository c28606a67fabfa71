// The fixed validation set of a run: patches cut from the validation images (never trained on) with their
// degradations, drawn once from a PRNG seeded by the run's seed, so every epoch and every resumed run scores
// the same inputs. Scores: PSNR over all patches, SSIM averaged per patch.
import * as tf from '@tensorflow/tfjs';
import type { StoredImage } from '../data/image-folder.ts';
import type { Degradation } from '../data/degrade.ts';
import { PatchSampler } from '../data/patch-sampler.ts';
import { Prng } from '../data/prng.ts';
import { mse, psnrFromMse, ssim } from './metrics.ts';

export interface ValidationSet {
  input: Float32Array;
  target: Float32Array;
  n: number;
  patch: number;
}

export function makeValidationSet(images: readonly StoredImage[], degradation: Degradation, n: number, patch: number, seed: number): ValidationSet {
  const rng = new Prng(seed * 7919 + 104729);
  const b = new PatchSampler(images, patch, degradation).batch(n, rng);
  return { input: b.input, target: b.target, n, patch };
}

/** Run the model over inputs of n patches in chunks; returns the outputs, same layout. */
export function predictPatches(model: tf.LayersModel, input: Float32Array, n: number, patch: number, chunk = 8): Float32Array {
  const out = new Float32Array(input.length);
  const per = patch * patch * 3;
  for (let k = 0; k < n; k += chunk) {
    const m = Math.min(chunk, n - k);
    const y = tf.tidy(() => model.predict(tf.tensor4d(input.subarray(k * per, (k + m) * per), [m, patch, patch, 3])) as tf.Tensor);
    out.set(y.dataSync() as Float32Array, k * per);
    y.dispose();
  }
  return out;
}

export function scorePatches(output: Float32Array, target: Float32Array, n: number, patch: number): { psnr: number; ssim: number } {
  const per = patch * patch * 3;
  let s = 0;
  for (let k = 0; k < n; k++) {
    s += ssim({ height: patch, width: patch, data: output.subarray(k * per, (k + 1) * per) },
      { height: patch, width: patch, data: target.subarray(k * per, (k + 1) * per) });
  }
  return { psnr: psnrFromMse(mse(output, target)), ssim: s / n };
}

export function validationPsnr(model: tf.LayersModel, v: ValidationSet): number {
  return psnrFromMse(mse(predictPatches(model, v.input, v.n, v.patch), v.target));
}
