// Decode a PNG, JPEG or TIFF file into the project's RgbImage (RGB interleaved HWC, values in [0, 1]).
// Alpha is dropped (composited on nothing: the colour values are kept as stored); grey images are
// expanded to three equal channels. A file that cannot be decoded raises a UserError naming it.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import UTIF from 'utif2';
import type { RgbImage } from '../image.ts';
import { UserError, errorMessage } from '../util/errors.ts';

export const imageExtensions = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'] as const;

export function isImageFile(path: string): boolean {
  return (imageExtensions as readonly string[]).includes(extname(path).toLowerCase());
}

/** Read and decode an image file; the format is recognised by its first bytes, not its name. */
export function readImage(path: string): RgbImage {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UserError(`cannot read image ${path}: ${errorMessage(e)}`);
  }
  return decodeImage(bytes, path);
}

/** Decode encoded image bytes; `name` is used in error messages. */
export function decodeImage(bytes: Uint8Array, name: string): RgbImage {
  const format = sniffFormat(bytes);
  if (format === undefined) {
    throw new UserError(`${name} is not a PNG, JPEG or TIFF file (unrecognised first bytes)`);
  }
  let rgba: { width: number; height: number; data: Uint8Array };
  try {
    rgba = decodeRgba(format, bytes);
  } catch (e) {
    throw new UserError(`${name} is a corrupt or unsupported ${format.toUpperCase()} file: ${errorMessage(e)}`);
  }
  const { width, height, data } = rgba;
  if (!(width > 0 && height > 0) || data.length < width * height * 4) {
    throw new UserError(`${name} is a corrupt ${format.toUpperCase()} file: decoded ${width}×${height} with ${data.length} bytes`);
  }
  const out = new Float32Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    out[p * 3] = data[p * 4] / 255;
    out[p * 3 + 1] = data[p * 4 + 1] / 255;
    out[p * 3 + 2] = data[p * 4 + 2] / 255;
  }
  return { height, width, data: out };
}

type Format = 'png' | 'jpeg' | 'tiff';

function sniffFormat(b: Uint8Array): Format | undefined {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0)
    || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff';
  return undefined;
}

function decodeRgba(format: Format, bytes: Uint8Array): { width: number; height: number; data: Uint8Array } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'png') {
    const png = PNG.sync.read(buf);
    return { width: png.width, height: png.height, data: png.data };
  }
  if (format === 'jpeg') {
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 2048, maxResolutionInMP: 200 });
    return { width: img.width, height: img.height, data: img.data };
  }
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(ab);
  if (ifds.length === 0) throw new Error('no image directory');
  const ifd = ifds[0];
  UTIF.decodeImage(ab, ifd);
  return { width: ifd.width, height: ifd.height, data: UTIF.toRGBA8(ifd) };
}
