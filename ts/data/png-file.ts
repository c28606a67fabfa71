// Encode an RgbImage as an 8-bit RGB PNG (for the provisioned training photos).
import { PNG } from 'pngjs';
import type { RgbImage } from '../image.ts';

export function encodePng(img: RgbImage): Buffer {
  const png = new PNG({ width: img.width, height: img.height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  const n = img.width * img.height * 3;
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = Math.max(0, Math.min(255, Math.round(img.data[i] * 255)));
  png.data = bytes;
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false });
}
