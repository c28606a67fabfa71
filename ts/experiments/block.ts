// A central block of a larger canvas: the part of input and output a Jacobian is taken over (SCIENCE.md
// §5: J = ∂(central block of m) / ∂(central block of the input), embedded at the operating point so the
// network's receptive fields are not cut by padding). Flattening inside the block follows the project's
// convention: (y·b + x)·3 + c.
import { createImage, type Rgb, type RgbImage } from '../image.ts';

export interface BlockGeometry {
  /** canvas height and width (the network's input) */
  canvas: number;
  /** block side in pixels */
  block: number;
  /** top-left corner of the block in the canvas */
  y0: number;
  x0: number;
  /** number of block values: block·block·3 */
  dim: number;
}

export function blockGeometry(canvas: number, block: number): BlockGeometry {
  if (!Number.isInteger(block) || block <= 0) throw new RangeError(`block side must be a positive integer, got ${block}`);
  if (!Number.isInteger(canvas) || canvas < block) throw new RangeError(`canvas (${canvas}) must be an integer at least the block side (${block})`);
  const y0 = Math.floor((canvas - block) / 2);
  return { canvas, block, y0, x0: y0, dim: block * block * 3 };
}

/** Canvas-flat index of block-flat index k. */
export function canvasIndex(g: BlockGeometry, k: number): number {
  const c = k % 3;
  const p = (k - c) / 3;
  const y = Math.floor(p / g.block);
  const x = p % g.block;
  return ((g.y0 + y) * g.canvas + (g.x0 + x)) * 3 + c;
}

/** Copy the block out of a canvas-sized image (flat, length dim). */
export function extractBlock(g: BlockGeometry, img: RgbImage | Float32Array): Float64Array {
  const data = img instanceof Float32Array ? img : img.data;
  const out = new Float64Array(g.dim);
  for (let k = 0; k < g.dim; k++) out[k] = data[canvasIndex(g, k)];
  return out;
}

/** A canvas filled with the operating point, with `values` (length dim, or none) added in the block. */
export function embedBlock(g: BlockGeometry, operatingPoint: Rgb, values?: ArrayLike<number>): RgbImage {
  const img = createImage(g.canvas, g.canvas, operatingPoint);
  if (values) {
    if (values.length !== g.dim) throw new RangeError(`block values have length ${values.length}, expected ${g.dim}`);
    for (let k = 0; k < g.dim; k++) img.data[canvasIndex(g, k)] += values[k];
  }
  return img;
}
