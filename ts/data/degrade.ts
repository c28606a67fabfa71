// Degradations of the study's tasks (SCIENCE.md §2), on RgbImage values in [0, 1]:
//  denoise: additive white Gaussian noise of standard deviation σ (study: 0.1), not clipped;
//  deblur:  convolution with a blur kernel (blur-kernel.ts);
//  restore: blur, then noise.
// Blurring a training patch uses a margin: the sampler cuts the clean crop larger by the kernel radius and
// `blurValid` returns only pixels whose whole kernel footprint lies inside, so no border is invented.
// Whole images (evaluation) are blurred with mirror-reflected borders (`blurReflect`).
import type { RgbImage } from '../image.ts';
import type { Prng } from './prng.ts';
import { type BlurKernel, type BlurSpec, makeBlurKernel } from './blur-kernel.ts';

export type Task = 'denoise' | 'deblur' | 'restore';
export const tasks: readonly Task[] = ['denoise', 'deblur', 'restore'];

export interface Degradation {
  task: Task;
  /** noise σ on [0, 1] (0 for deblur) */
  noiseSigma: number;
  /** blur (absent for denoise) */
  blur?: BlurKernel;
}

/** The default degradation of each task: σ = 0.1; Gaussian blur σ = 1.5 px (11×11 kernel). */
export function defaultDegradation(task: Task, opts: { noiseSigma?: number; blur?: BlurSpec } = {}): Degradation {
  const noiseSigma = opts.noiseSigma ?? 0.1;
  const blurSpec = opts.blur ?? { kind: 'gaussian', sigma: 1.5 };
  if (task === 'denoise') return { task, noiseSigma };
  if (task === 'deblur') return { task, noiseSigma: 0, blur: makeBlurKernel(blurSpec) };
  return { task, noiseSigma, blur: makeBlurKernel(blurSpec) };
}

/** Pixels of margin the degradation needs around a patch (the blur kernel radius). */
export function degradationMargin(d: Degradation): number {
  return d.blur ? (d.blur.size - 1) / 2 : 0;
}

/** Add N(0, σ²) noise in place. */
export function addNoise(data: Float32Array, sigma: number, rng: Prng): void {
  if (sigma === 0) return;
  for (let i = 0; i < data.length; i++) data[i] += sigma * rng.normal();
}

/** 'valid' convolution: output (H−k+1)×(W−k+1). */
export function blurValid(img: RgbImage, kernel: BlurKernel): RgbImage {
  const k = kernel.size;
  const height = img.height - k + 1, width = img.width - k + 1;
  if (height < 1 || width < 1) throw new RangeError(`image ${img.height}×${img.width} is smaller than the ${k}×${k} blur kernel`);
  const out = new Float32Array(height * width * 3);
  const w = kernel.weights;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let dy = 0; dy < k; dy++) {
        const row = w[dy];
        let i = ((y + dy) * img.width + x) * 3;
        for (let dx = 0; dx < k; dx++, i += 3) {
          const c = row[dx];
          if (c === 0) continue;
          r += c * img.data[i]; g += c * img.data[i + 1]; b += c * img.data[i + 2];
        }
      }
      const o = (y * width + x) * 3;
      out[o] = r; out[o + 1] = g; out[o + 2] = b;
    }
  }
  return { height, width, data: out };
}

/** Same-size convolution with mirror-reflected borders (…c b | a b c | b a…). */
export function blurReflect(img: RgbImage, kernel: BlurKernel): RgbImage {
  return blurValid(padReflect(img, (kernel.size - 1) / 2), kernel);
}

export function padReflect(img: RgbImage, m: number): RgbImage {
  if (m === 0) return img;
  if (m >= img.height || m >= img.width) throw new RangeError(`cannot reflect-pad a ${img.height}×${img.width} image by ${m}`);
  const height = img.height + 2 * m, width = img.width + 2 * m;
  const out = new Float32Array(height * width * 3);
  const reflect = (v: number, n: number): number => (v < 0 ? -v : v >= n ? 2 * n - 2 - v : v);
  for (let y = 0; y < height; y++) {
    const sy = reflect(y - m, img.height);
    for (let x = 0; x < width; x++) {
      const sx = reflect(x - m, img.width);
      const i = (sy * img.width + sx) * 3, o = (y * width + x) * 3;
      out[o] = img.data[i]; out[o + 1] = img.data[i + 1]; out[o + 2] = img.data[i + 2];
    }
  }
  return { height, width, data: out };
}

/** Degrade a whole image (same size; reflected borders for the blur). */
export function degradeImage(img: RgbImage, d: Degradation, rng: Prng): RgbImage {
  const blurred = d.blur ? blurReflect(img, d.blur) : { height: img.height, width: img.width, data: new Float32Array(img.data) };
  addNoise(blurred.data, d.noiseSigma, rng);
  return blurred;
}
