// Evaluate a restoration model on a folder of clean images (e.g. Kodak24, CBSD68, McMaster): each image is
// degraded as in training (the card's task, noise σ and blur kernel; blur with mirrored borders; noise
// seeded), restored, clipped to [0, 1] and scored against the clean image (PSNR, SSIM); the degraded
// input's scores are reported too (its PSNR unclipped, as in published tables; its SSIM after clipping).
import type * as tf from '@tensorflow/tfjs';
import { basename } from 'node:path';
import { readImage, isImageFile } from '../io/read-image.ts';
import { readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../util/errors.ts';
import type { ModelCard } from '../models/card.ts';
import { type Degradation, degradeImage } from '../data/degrade.ts';
import { makeBlurKernel } from '../data/blur-kernel.ts';
import { Prng } from '../data/prng.ts';
import { psnr, ssim } from './metrics.ts';
import { clip01, restoreImages } from './restore-image.ts';

export interface ImageScore { file: string; psnr: number; ssim: number; psnrInput: number; ssimInput: number }
export interface EvalSummary { images: ImageScore[]; psnr: number; ssim: number; psnrInput: number; ssimInput: number }

export function degradationFromCard(card: ModelCard): Degradation {
  if (!card.degradation || !card.task) {
    throw new UserError(`model ${card.name} has no card describing its degradation; cannot evaluate it without knowing its task`);
  }
  const d = card.degradation;
  return { task: d.task, noiseSigma: d.noiseSigma, blur: d.blur ? makeBlurKernel(d.blur.spec) : undefined };
}

export function listImages(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`image folder ${dir} does not exist`);
  const files = readdirSync(dir).filter((f) => !f.startsWith('.') && isImageFile(f)).sort();
  if (files.length === 0) throw new UserError(`image folder ${dir} holds no PNG, JPEG or TIFF files`);
  return files.map((f) => join(dir, f));
}

export function evaluateModel(model: tf.LayersModel, degradation: Degradation, files: readonly string[], seed = 0,
  onImage?: (s: ImageScore) => void): EvalSummary {
  const rng = new Prng(seed);
  const images: ImageScore[] = [];
  for (const file of files) {
    const clean = readImage(file);
    const degraded = degradeImage(clean, degradation, rng);
    const [restored] = restoreImages(model, [degraded]);
    const out = clip01(restored);
    const s = { file: basename(file), psnr: psnr(out, clean), ssim: ssim(out, clean), psnrInput: psnr(degraded, clean), ssimInput: ssim(clip01(degraded), clean) };
    images.push(s);
    onImage?.(s);
  }
  const mean = (k: keyof Omit<ImageScore, 'file'>) => images.reduce((a, s) => a + s[k], 0) / images.length;
  return { images, psnr: mean('psnr'), ssim: mean('ssim'), psnrInput: mean('psnrInput'), ssimInput: mean('ssimInput') };
}
