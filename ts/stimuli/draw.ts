// Drawing primitives on RgbImage / LabelImage. Pixel (y, x) has its centre at integer coordinates; a disc of
// radius r centred (cy, cx) holds the pixels with (y−cy)² + (x−cx)² < r² (strict, as skimage.draw.disk: with ≤,
// every circle would carry one-pixel spikes where r² is a sum of two squares, e.g. (45, 0) and (27, 36)).
import type { LabelImage, Rgb, RgbImage } from '../image.ts';

export type Region = (y: number, x: number) => boolean;

export function paint(img: RgbImage, region: Region, rgb: Rgb): void {
  const { height: H, width: W, data } = img;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      if (!region(y, x)) continue;
      const i = (y * W + x) * 3;
      data[i] = rgb[0]; data[i + 1] = rgb[1]; data[i + 2] = rgb[2];
    }
  }
}

export function label(mask: LabelImage, region: Region, value: number): void {
  const { height: H, width: W, data } = mask;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (region(y, x)) data[y * W + x] = value;
}

/** Paint the region and label it in one go. */
export function paintTest(img: RgbImage, mask: LabelImage, region: Region, rgb: Rgb, value: number): void {
  paint(img, region, rgb);
  label(mask, region, value);
}

export const rect = (top: number, left: number, height: number, width: number): Region =>
  (y, x) => y >= top && y < top + height && x >= left && x < left + width;

export const disc = (cy: number, cx: number, r: number): Region =>
  (y, x) => (y - cy) * (y - cy) + (x - cx) * (x - cx) < r * r;

/** Fill every column x with colour(x). */
export function paintColumns(img: RgbImage, colourAt: (x: number) => Rgb): void {
  const { height: H, width: W, data } = img;
  for (let x = 0; x < W; x++) {
    const c = colourAt(x);
    for (let y = 0; y < H; y++) {
      const i = (y * W + x) * 3;
      data[i] = c[0]; data[i + 1] = c[1]; data[i + 2] = c[2];
    }
  }
}

/** Linear mix a + t·(b − a). */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])];
}
