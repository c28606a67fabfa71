// The one image type of illusion-lab (SCIENCE.md conventions): RGB, interleaved HWC, values in [0, 1],
// flat index (y·W + x)·3 + c. Jacobians use the same flattening for rows (outputs) and columns (inputs).

export interface RgbImage {
  readonly height: number;
  readonly width: number;
  /** length height·width·3; data[(y * width + x) * 3 + c] */
  readonly data: Float32Array;
}

/** An integer label image (H×W, flat index y·W + x), e.g. a stimulus's test mask: 0 = elsewhere. */
export interface LabelImage {
  readonly height: number;
  readonly width: number;
  readonly data: Uint8Array;
}

export type Rgb = readonly [number, number, number];

export class ImageError extends Error {
  override name = 'ImageError';
}

export function createImage(height: number, width: number, fill: Rgb = [0, 0, 0]): RgbImage {
  checkSize(height, width);
  const data = new Float32Array(height * width * 3);
  if (fill[0] !== 0 || fill[1] !== 0 || fill[2] !== 0) {
    for (let i = 0; i < height * width; i++) {
      data[i * 3] = fill[0];
      data[i * 3 + 1] = fill[1];
      data[i * 3 + 2] = fill[2];
    }
  }
  return { height, width, data };
}

export function createLabels(height: number, width: number): LabelImage {
  checkSize(height, width);
  return { height, width, data: new Uint8Array(height * width) };
}

/** Wrap existing data, checking its length. */
export function imageFrom(height: number, width: number, data: Float32Array): RgbImage {
  checkSize(height, width);
  if (data.length !== height * width * 3) {
    throw new ImageError(`image data has ${data.length} values, expected ${height}×${width}×3 = ${height * width * 3}`);
  }
  return { height, width, data };
}

export function pixelIndex(width: number, y: number, x: number, c = 0): number {
  return (y * width + x) * 3 + c;
}

export function getPixel(img: RgbImage, y: number, x: number): Rgb {
  const i = (y * img.width + x) * 3;
  return [img.data[i], img.data[i + 1], img.data[i + 2]];
}

export function setPixel(img: RgbImage, y: number, x: number, rgb: Rgb): void {
  const i = (y * img.width + x) * 3;
  img.data[i] = rgb[0];
  img.data[i + 1] = rgb[1];
  img.data[i + 2] = rgb[2];
}

export function cloneImage(img: RgbImage): RgbImage {
  return { height: img.height, width: img.width, data: new Float32Array(img.data) };
}

/** Mean RGB over the pixels where labels == label. Throws if the label is absent. */
export function meanOverLabel(img: RgbImage, labels: LabelImage, label: number): Rgb {
  if (img.height !== labels.height || img.width !== labels.width) {
    throw new ImageError(`mask is ${labels.height}×${labels.width} but image is ${img.height}×${img.width}`);
  }
  let r = 0, g = 0, b = 0, n = 0;
  for (let p = 0; p < labels.data.length; p++) {
    if (labels.data[p] === label) {
      r += img.data[p * 3]; g += img.data[p * 3 + 1]; b += img.data[p * 3 + 2]; n++;
    }
  }
  if (n === 0) throw new ImageError(`mask has no pixel labelled ${label}`);
  return [r / n, g / n, b / n];
}

function checkSize(height: number, width: number): void {
  if (!Number.isInteger(height) || !Number.isInteger(width) || height <= 0 || width <= 0) {
    throw new ImageError(`image size must be positive integers, got ${height}×${width}`);
  }
  if (height * width > 1 << 26) throw new ImageError(`image size ${height}×${width} is too large`);
}
