// A contact sheet: images tiled row by row into square cells of `cell` pixels (each scaled by nearest neighbour
// so that its longer side fills the cell: an integer zoom when it is smaller, cell/longest when larger; centred),
// separated by `gap` pixels of `background`.
import { createImage, type Rgb, type RgbImage } from '../image.ts';
import { UserError } from '../util/errors.ts';

export interface ContactSheetOptions {
  columns?: number;
  cell?: number;
  gap?: number;
  background?: Rgb;
}

export function contactSheet(images: readonly RgbImage[], opts: ContactSheetOptions = {}): RgbImage {
  if (images.length === 0) throw new UserError('contact sheet: no images');
  const columns = Math.min(opts.columns ?? 6, images.length);
  const cell = opts.cell ?? 128, gap = opts.gap ?? 8;
  const background = opts.background ?? [0.25, 0.25, 0.3];
  const rows = Math.ceil(images.length / columns);
  const sheet = createImage(rows * cell + (rows + 1) * gap, columns * cell + (columns + 1) * gap, background);
  images.forEach((img, k) => {
    const longest = Math.max(img.height, img.width);
    const zoom = longest <= cell ? Math.floor(cell / longest) : cell / longest;
    const h = Math.floor(img.height * zoom), w = Math.floor(img.width * zoom);
    const top = gap + Math.floor(k / columns) * (cell + gap) + Math.floor((cell - h) / 2);
    const left = gap + (k % columns) * (cell + gap) + Math.floor((cell - w) / 2);
    for (let y = 0; y < h; y++) {
      const sy = Math.min(img.height - 1, Math.floor(y / zoom));
      for (let x = 0; x < w; x++) {
        const sx = Math.min(img.width - 1, Math.floor(x / zoom));
        const s = (sy * img.width + sx) * 3, d = ((top + y) * sheet.width + left + x) * 3;
        sheet.data[d] = img.data[s]; sheet.data[d + 1] = img.data[s + 1]; sheet.data[d + 2] = img.data[s + 2];
      }
    }
  });
  return sheet;
}
