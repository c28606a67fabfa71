// The data manifest: which photos a data folder holds, where each came from (Debian package, version, path),
// its licence, checksum and size. Its hash identifies the training data in a model card.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, errorMessage } from '../util/errors.ts';

export interface PhotoEntry {
  /** file name inside the data folder */
  file: string;
  package: string;
  version: string;
  /** path inside the package */
  sourcePath: string;
  licence: string;
  /** sha256 of the stored (downscaled) file */
  sha256: string;
  /** sha256 of the original file in the package */
  sourceSha256: string;
  height: number;
  width: number;
  /** bytes of the stored file */
  bytes: number;
  downscale: number;
}

export interface PackageEntry {
  package: string;
  version: string;
  licence: string;
  /** the package's copyright file, copied into the data folder */
  copyrightFile: string;
  /** original files skipped because they duplicate another photo byte for byte */
  duplicates: string[];
}

export interface DataManifest {
  format: 'illusion-lab-photos/1';
  packages: PackageEntry[];
  photos: PhotoEntry[];
}

export const manifestName = 'manifest.json';

export function readManifest(dir: string): DataManifest | undefined {
  const path = join(dir, manifestName);
  if (!existsSync(path)) return undefined;
  let m: DataManifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as DataManifest;
  } catch (e) {
    throw new UserError(`data manifest ${path} is not valid JSON (${errorMessage(e)}); delete it and run illusion-lab data fetch again`);
  }
  if (m.format !== 'illusion-lab-photos/1' || !Array.isArray(m.photos) || !Array.isArray(m.packages)) {
    throw new UserError(`data manifest ${path} is not an illusion-lab photo manifest; delete it and run illusion-lab data fetch again`);
  }
  return m;
}

/** A hash of the data a model was trained on: the sorted (file, sha256) pairs. */
export function hashFileList(files: readonly { file: string; sha256: string }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) h.update(`${f.file}\0${f.sha256}\n`);
  return h.digest('hex');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
