// The study's inputs: its trained networks (loaded from the models folder, trained there first when
// absent — on the training photos, fetched when absent) and natural images for the linearity analysis
// (a given folder, else the validation split of the training photos: images the nets never trained on).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { RgbImage } from '../image.ts';
import { isImageFile, readImage } from '../io/read-image.ts';
import { openImageFolder, splitBySource } from '../data/image-folder.ts';
import { loadModel } from '../models/model-io.ts';
import { modelFile } from '../models/model-io.ts';
import { defaultName } from '../train/train-spec.ts';
import { ensureModel, ensurePhotoDir } from '../train/default-models.ts';
import { resolveArch } from '../models/arch.ts';
import { UserError } from '../util/errors.ts';
import type { ModelRef, StudyConfig } from './config.ts';
import { modelName } from './config.ts';

export interface AcquiredModel {
  name: string;
  ref: ModelRef;
  dir: string;
  model: tf.LayersModel;
  /** sha256 of model.json + weights */
  hash: string;
  /** photos of the training folder the net was validated on (never trained on) */
  validationFiles: string[];
  cardSummary: { validationPsnr: number | null; validationSsim: number | null; degradedPsnr: number | null; steps: number | null; seconds: number | null; backend: string | null; command: string | null; trained: 'committed' | 'this run' };
}

/** Folder of a model: the trainer's default name, with -seedN for seeds other than 1. */
export function modelDir(modelsDir: string, ref: ModelRef): string {
  const base = defaultName(resolveArch({ arch: ref.arch }), ref.task);
  return join(modelsDir, ref.seed === 1 ? base : `${base}-seed${ref.seed}`);
}

function hashDir(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).filter((f) => f === modelFile || f.endsWith('.bin')).sort()) {
    h.update(f);
    h.update(readFileSync(join(dir, f)));
  }
  return h.digest('hex').slice(0, 16);
}


export async function acquireModels(config: StudyConfig, log: (s: string) => void): Promise<AcquiredModel[]> {
  const out: AcquiredModel[] = [];
  for (const ref of config.models) {
    const dir = modelDir(config.modelsDir, ref);
    const trained: 'committed' | 'this run' = existsSync(join(dir, modelFile)) ? 'committed' : 'this run';
    if (trained === 'this run') log(`model ${modelName(ref)} not found in ${dir}: training it with the default budget`);
    await ensureModel({ arch: { arch: ref.arch }, task: ref.task, seed: ref.seed, name: basename(dir) }, { modelsDir: dirname(dir), log });
    const { model, card } = await loadModel(dir);
    out.push({
      name: modelName(ref), ref, dir, model, hash: hashDir(dir), validationFiles: card.training?.data.validationFiles ?? [],
      cardSummary: {
        validationPsnr: card.validation?.psnr ?? null, validationSsim: card.validation?.ssim ?? null,
        degradedPsnr: card.validation?.psnrDegraded ?? null, steps: card.training?.stepsDone ?? null,
        seconds: card.seconds, backend: card.backend, command: card.command, trained,
      },
    });
    log(`model ${modelName(ref)}: ${dir}${card.validation ? ` (validation PSNR ${card.validation.psnr.toFixed(2)} dB)` : ''}`);
  }
  return out;
}

export interface NaturalImages {
  source: string;
  images: RgbImage[];
  files: string[];
  hash: string;
}

/** At most this many images are used per network. */
const MAX_IMAGES = 24;

/**
 * Natural test images for one network: config.naturalImagesDir when given; else the validation split
 * recorded in the network's card (photos it never trained on), read from the photos folder.
 */
export class NaturalImageSource {
  private readonly loaded = new Map<string, RgbImage>();

  constructor(private readonly config: StudyConfig, private readonly log: (s: string) => void) {}

  forModel(m: AcquiredModel): NaturalImages {
    let dir: string, files: string[], source: string;
    if (this.config.naturalImagesDir) {
      dir = this.config.naturalImagesDir;
      if (!existsSync(dir)) throw new UserError(`naturalImagesDir ${dir} does not exist`);
      files = readdirSync(dir).filter((f) => !f.startsWith('.') && isImageFile(f)).sort();
      if (files.length === 0) throw new UserError(`naturalImagesDir ${dir} holds no PNG, JPEG or TIFF images`);
      source = `folder ${dir}`;
    } else {
      dir = ensurePhotoDir(this.log);
      files = m.validationFiles.length > 0 ? m.validationFiles : splitBySource(openImageFolder(dir).files, m.ref.seed).validation;
      source = `validation split of ${m.name} (photos it was not trained on) in ${dir}`;
    }
    files = files.slice(0, MAX_IMAGES);
    const h = createHash('sha256');
    const images = files.map((f) => {
      const path = join(dir, f);
      if (!existsSync(path)) throw new UserError(`natural image ${path} is missing (run illusion-lab data fetch)`);
      h.update(f);
      let img = this.loaded.get(path);
      if (!img) { img = readImage(path); this.loaded.set(path, img); }
      return img;
    });
    return { source, images, files, hash: h.digest('hex').slice(0, 16) };
  }
}
