// Drawing RgbImages on canvases: each stimulus pixel becomes a zoom×zoom block of canvas pixels (nearest
// neighbour, no smoothing), bytes = round(v·255) as in the PNG files, optionally through a display map.
import type { RgbImage } from '../../image.ts';
import { element } from './dom.ts';

export function toImageData(img: RgbImage, zoom = 1, map: (v: number) => number = (v) => v): ImageData {
  const w = img.width * zoom, h = img.height * zoom;
  const out = new ImageData(w, h);
  const lut = (v: number) => Math.round(Math.min(1, Math.max(0, map(v))) * 255);
  for (let y = 0; y < h; y++) {
    const sy = Math.floor(y / zoom);
    for (let x = 0; x < w; x++) {
      const s = (sy * img.width + Math.floor(x / zoom)) * 3, d = (y * w + x) * 4;
      out.data[d] = lut(img.data[s]);
      out.data[d + 1] = lut(img.data[s + 1]);
      out.data[d + 2] = lut(img.data[s + 2]);
      out.data[d + 3] = 255;
    }
  }
  return out;
}

export function drawImage(canvas: HTMLCanvasElement, img: RgbImage, zoom = 1, map?: (v: number) => number): void {
  canvas.width = img.width * zoom;
  canvas.height = img.height * zoom;
  canvas.getContext('2d')!.putImageData(toImageData(img, zoom, map), 0, 0);
}

export function figure(caption: string, img: RgbImage, zoom: number, map?: (v: number) => number): { fig: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = element('canvas');
  drawImage(canvas, img, zoom, map);
  const fig = element('figure', {}, [canvas, element('figcaption', { textContent: caption })]);
  return { fig, canvas };
}

/** The image mirrored left–right. */
export function mirrorImage(img: RgbImage): RgbImage {
  const data = new Float32Array(img.data.length);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + x) * 3, d = (y * img.width + (img.width - 1 - x)) * 3;
      data[d] = img.data[s]; data[d + 1] = img.data[s + 1]; data[d + 2] = img.data[s + 2];
    }
  }
  return { height: img.height, width: img.width, data };
}
