// The main job's default models, and ensureModel(): use a committed/trained model when present, else
// train it with the default budget (fetching the photos first when needed).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../data/manifest.ts';
import { defaultPhotoDir } from '../data/paths.ts';
import { fetchPhotos } from '../data/fetch-photos.ts';
import { cardFile, modelFile, readCard } from '../models/model-io.ts';
import { type TrainOptions, type TrainSpec, resolveTrainSpec } from './train-spec.ts';
import { train } from './trainer.ts';

/** shallow and deep nets for denoise, deblur and restore, and a short-trained DnCNN-17 denoiser. */
export const defaultModelSpecs: readonly TrainSpec[] = [
  ...(['denoise', 'deblur', 'restore'] as const).flatMap((task) => [
    resolveTrainSpec({ arch: { arch: 'shallow' }, task }),
    resolveTrainSpec({ arch: { arch: 'deep' }, task }),
  ]),
  resolveTrainSpec({ arch: { arch: 'dncnn' }, task: 'denoise' }),
];

/** The repository's models/ folder (committed default models), from ts/ or dist/ts/. */
export function defaultModelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'models');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'models');
}

/** The default photo folder, fetched from the Debian packages first when it has no manifest. */
export function ensurePhotoDir(log?: (line: string) => void): string {
  const dir = defaultPhotoDir();
  if (!readManifest(dir)) {
    log?.(`training photos not found in ${dir}: fetching them from Debian packages (once)`);
    fetchPhotos({ dir, log });
  }
  return dir;
}

export interface EnsureOptions {
  modelsDir?: string;
  /** training images (default: the fetched photos, fetched if absent) */
  imagesDir?: string;
  log?: (line: string) => void;
}

/**
 * Folder of the model for `spec` under modelsDir (name = spec.name): returned as is when it holds a model
 * whose card has the same architecture and task; otherwise trained now with the spec's budget.
 */
export async function ensureModel(spec: TrainSpec | TrainOptions, options: EnsureOptions = {}): Promise<string> {
  const s = 'stepsPerEpoch' in spec && 'validationPatch' in spec ? (spec as TrainSpec) : resolveTrainSpec(spec as TrainOptions);
  const dir = join(options.modelsDir ?? defaultModelsDir(), s.name);
  if (existsSync(join(dir, modelFile)) && existsSync(join(dir, cardFile))) {
    const card = readCard(dir);
    if (card.task === s.task && JSON.stringify(card.arch) === JSON.stringify(s.arch)) return dir;
  }
  const imagesDir = options.imagesDir ?? ensurePhotoDir(options.log);
  await train({ spec: s, imagesDir, outDir: dir, resume: existsSync(join(dir, 'checkpoint', 'state.json')), log: options.log });
  return dir;
}
