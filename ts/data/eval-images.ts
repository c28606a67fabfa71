// Natural test images for the study (linearisation, restoration errors), with no dependency on the
// workplace's evaluation sets: square crops of the provisioned photos' validation split (seed 1, the
// default models' split, so the default models never trained on them). The first crop of each image is
// its centre; further crops (count > images) are at seeded positions. Photos are fetched if absent.
import type { RgbImage } from '../image.ts';
import { UserError } from '../util/errors.ts';
import { fetchPhotos } from './fetch-photos.ts';
import { loadStoredImage, openImageFolder, splitBySource } from './image-folder.ts';
import { readManifest } from './manifest.ts';
import { defaultPhotoDir } from './paths.ts';
import { Prng } from './prng.ts';

export interface EvalImageOptions {
  /** number of crops (default 8) */
  count?: number;
  /** crop side in pixels (default 128) */
  size?: number;
  /** photo folder (default: the fetched photos) */
  dir?: string;
  /** split seed: use the training seed of the models under test (default 1) */
  splitSeed?: number;
  /** fetch the photos when the folder has none (default true) */
  fetch?: boolean;
}

export type NamedImage = RgbImage & { readonly name: string };

export async function loadEvalImages(options: EvalImageOptions = {}): Promise<NamedImage[]> {
  const count = options.count ?? 8, size = options.size ?? 128;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${size}`);
  const dir = options.dir ?? defaultPhotoDir();
  if (options.dir === undefined && !readManifest(dir) && options.fetch !== false) fetchPhotos({ dir });
  const folder = openImageFolder(dir);
  const { validation } = splitBySource(folder.files, options.splitSeed ?? 1);
  const images = validation.map((f) => loadStoredImage(dir, f)).filter((im) => im.height >= size && im.width >= size);
  if (images.length === 0) throw new UserError(`no validation image in ${dir} is at least ${size}×${size}`);
  const rng = new Prng(4242);
  const out: NamedImage[] = [];
  for (let k = 0; k < count; k++) {
    const im = images[k % images.length];
    const centre = k < images.length;
    const y0 = centre ? Math.floor((im.height - size) / 2) : rng.int(im.height - size + 1);
    const x0 = centre ? Math.floor((im.width - size) / 2) : rng.int(im.width - size + 1);
    const data = new Float32Array(size * size * 3);
    for (let y = 0; y < size; y++) {
      for (let i = 0; i < size * 3; i++) data[y * size * 3 + i] = im.data[((y0 + y) * im.width + x0) * 3 + i] / 255;
    }
    out.push({ name: `${im.name}@${y0},${x0}`, height: size, width: size, data });
  }
  return out;
}
