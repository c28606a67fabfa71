// PNG encode/decode of RgbImage and LabelImage (pngjs). Values are stored as 8-bit sRGB-coded numbers
// round(v·255) (v clamped to [0, 1]; no transfer function is applied: a value v in an RgbImage is the display's
// coded value), decoded as byte/255. Label images are 8-bit grey with pixel = label·scale (default 51, so that
// labels 0..5 span black..white and stay visible); decoding divides by the same scale.
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { createImage, createLabels, type LabelImage, type RgbImage } from '../image.ts';
import { writeFileAtomic } from '../util/atomic.ts';
import { UserError } from '../util/errors.ts';

/** Pixel value of label 1 in a mask PNG: labels 0..5 map to 0, 51, …, 255. */
export const LABEL_PNG_SCALE = 51;

export const toByte = (v: number): number => Math.round(Math.min(1, Math.max(0, v)) * 255);

export function encodePng(img: RgbImage): Buffer {
  const png = new PNG({ width: img.width, height: img.height });
  const n = img.width * img.height;
  for (let p = 0; p < n; p++) {
    png.data[p * 4] = toByte(img.data[p * 3]);
    png.data[p * 4 + 1] = toByte(img.data[p * 3 + 1]);
    png.data[p * 4 + 2] = toByte(img.data[p * 3 + 2]);
    png.data[p * 4 + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 2 });
}

function readPng(bytes: Uint8Array, what: string): PNG {
  try {
    return PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new UserError(`${what}: not a readable PNG (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Decode a PNG (any colour type; alpha is ignored) to an RgbImage with values byte/255. */
export function decodePng(bytes: Uint8Array, what = 'PNG'): RgbImage {
  const png = readPng(bytes, what);
  const img = createImage(png.height, png.width);
  const n = png.width * png.height;
  for (let p = 0; p < n; p++) {
    img.data[p * 3] = png.data[p * 4] / 255;
    img.data[p * 3 + 1] = png.data[p * 4 + 1] / 255;
    img.data[p * 3 + 2] = png.data[p * 4 + 2] / 255;
  }
  return img;
}

export function encodeLabelPng(mask: LabelImage, scale = LABEL_PNG_SCALE): Buffer {
  const png = new PNG({ width: mask.width, height: mask.height });
  for (let p = 0; p < mask.data.length; p++) {
    const v = mask.data[p] * scale;
    if (v > 255) throw new UserError(`label ${mask.data[p]} × scale ${scale} does not fit an 8-bit mask PNG`);
    png.data[p * 4] = v; png.data[p * 4 + 1] = v; png.data[p * 4 + 2] = v; png.data[p * 4 + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 0 });
}

export function decodeLabelPng(bytes: Uint8Array, scale = LABEL_PNG_SCALE, what = 'mask PNG'): LabelImage {
  const png = readPng(bytes, what);
  const mask = createLabels(png.height, png.width);
  for (let p = 0; p < mask.data.length; p++) {
    const v = png.data[p * 4];
    if (v % scale !== 0 || png.data[p * 4 + 1] !== v || png.data[p * 4 + 2] !== v) {
      throw new UserError(`${what}: pixel ${p} has value ${v}, not a multiple of the label scale ${scale}`);
    }
    mask.data[p] = v / scale;
  }
  return mask;
}

export function writePng(path: string, img: RgbImage): void {
  writeFileAtomic(path, encodePng(img));
}

export function writeLabelPng(path: string, mask: LabelImage, scale = LABEL_PNG_SCALE): void {
  writeFileAtomic(path, encodeLabelPng(mask, scale));
}

export function readPngFile(path: string): RgbImage {
  return decodePng(readFileSync(path), path);
}
