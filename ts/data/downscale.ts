// Integer downscaling with an area (box) filter: each output pixel is the mean of a factor×factor block,
// so sensor noise and compression artefacts average down and the clean targets are clean. Edge rows and
// columns that do not fill a block are dropped.
import type { RgbImage } from '../image.ts';

export function downscaleArea(img: RgbImage, factor: number): RgbImage {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`downscale factor must be a positive integer, got ${factor}`);
  if (factor === 1) return img;
  const height = Math.floor(img.height / factor);
  const width = Math.floor(img.width / factor);
  if (height < 1 || width < 1) throw new RangeError(`image ${img.height}×${img.width} is smaller than the factor ${factor}`);
  const out = new Float32Array(height * width * 3);
  const scale = 1 / (factor * factor);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * img.width + x * factor) * 3;
        for (let dx = 0; dx < factor; dx++, i += 3) {
          r += img.data[i]; g += img.data[i + 1]; b += img.data[i + 2];
        }
      }
      const o = (y * width + x) * 3;
      out[o] = r * scale; out[o + 1] = g * scale; out[o + 2] = b * scale;
    }
  }
  return { height, width, data: out };
}
