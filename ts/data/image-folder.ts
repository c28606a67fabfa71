// A folder of training images (the provisioned photos or any folder of PNG/JPEG/TIFF files), its seeded
// train/validation split by source image, and compact in-memory storage (8-bit RGB).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isImageFile, readImage } from '../io/read-image.ts';
import { UserError } from '../util/errors.ts';
import { hashFileList, readManifest, sha256 } from './manifest.ts';
import { Prng } from './prng.ts';

/** An image kept as 8-bit RGB (HWC) to hold many photos in memory; values are byte/255. */
export interface StoredImage {
  name: string;
  height: number;
  width: number;
  data: Uint8Array;
}

export interface ImageFolder {
  dir: string;
  /** sorted file names */
  files: string[];
  /** hash of the (file, sha256) list: the manifest's when the folder has one */
  hash: string;
  fromManifest: boolean;
}

export function openImageFolder(dir: string): ImageFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`image folder ${dir} does not exist (run illusion-lab data fetch, or pass --images DIR)`);
  }
  const manifest = readManifest(dir);
  const files = manifest
    ? manifest.photos.map((p) => p.file).sort()
    : readdirSync(dir).filter((f) => !f.startsWith('.') && isImageFile(f)).sort();
  if (files.length === 0) throw new UserError(`image folder ${dir} holds no PNG, JPEG or TIFF files`);
  for (const f of files) {
    if (!existsSync(join(dir, f))) throw new UserError(`image ${join(dir, f)} is listed in the manifest but missing (run illusion-lab data fetch again)`);
  }
  const hash = manifest
    ? hashFileList(manifest.photos)
    : hashFileList(files.map((file) => ({ file, sha256: sha256(readFileSync(join(dir, file))) })));
  return { dir, files, hash, fromManifest: manifest !== undefined };
}

/** Seeded split by source image: each file is one source; at least one image on each side. */
export function splitBySource(files: readonly string[], seed: number, validationFraction = 0.1): { train: string[]; validation: string[] } {
  if (files.length < 2) throw new UserError(`a train/validation split needs at least 2 images, got ${files.length}`);
  if (!(validationFraction > 0 && validationFraction < 1)) throw new RangeError(`validation fraction must be in (0, 1), got ${validationFraction}`);
  const order = new Prng(seed).shuffle([...files].sort());
  const nVal = Math.min(files.length - 1, Math.max(1, Math.round(files.length * validationFraction)));
  return { train: order.slice(nVal).sort(), validation: order.slice(0, nVal).sort() };
}

export function loadStoredImage(dir: string, file: string): StoredImage {
  const img = readImage(join(dir, file));
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(Math.min(1, Math.max(0, img.data[i])) * 255);
  return { name: file, height: img.height, width: img.width, data };
}
