// Figures of the study report: network outputs on the stimuli, luminance profiles, eigenvector mosaics,
// receptive fields, and the SVG plots (sweeps, eigenvalue spectra, CSFs, spectral sensitivities).
import type { RgbImage } from '../image.ts';
import { createImage } from '../image.ts';
import { contactSheet } from '../io/contact-sheet.ts';
import { encodePng } from '../io/png.ts';
import { predictImages, type ImageNetwork } from '../experiments/net-io.ts';
import type { Stimulus } from '../stimuli/index.ts';
import { linePlotSvg, type Series } from '../report/svg-plot.ts';

/** Input image(s) of a stimulus followed by each network's output(s), as one PNG. */
export async function outputsSheet(stim: Stimulus, nets: { name: string; net: ImageNetwork }[]): Promise<{ png: Uint8Array; outputs: Map<string, RgbImage[]> }> {
  const tiles: RgbImage[] = [...stim.images];
  const outputs = new Map<string, RgbImage[]>();
  for (const { name, net } of nets) {
    const out = await predictImages(net, stim.images, stim.images.length);
    outputs.set(name, out);
    tiles.push(...out);
  }
  return { png: encodePng(contactSheet(tiles, { columns: stim.images.length * Math.min(4, nets.length + 1), cell: 128, gap: 4 })), outputs };
}

/** Mean over channels along the row through the centre of the first image. */
export function rowProfile(img: RgbImage, row = Math.floor(img.height / 2)): number[] {
  return Array.from({ length: img.width }, (_, x) => {
    const i = (row * img.width + x) * 3;
    return (img.data[i] + img.data[i + 1] + img.data[i + 2]) / 3;
  });
}

export function profilePlot(stim: Stimulus, outputs: Map<string, RgbImage[]>, row?: number): string {
  const x = Array.from({ length: stim.images[0].width }, (_, i) => i);
  const series: Series[] = [{ name: 'input', x, y: rowProfile(stim.images[0], row), colour: '#000', dashed: true }];
  for (const [name, out] of outputs) series.push({ name, x, y: rowProfile(out[0], row) });
  return linePlotSvg(series, { title: `${stim.name}: profile along row ${row ?? Math.floor(stim.images[0].height / 2)} (mean of R, G, B)`, xlabel: 'column (px)', ylabel: 'value', width: 720 });
}

/** A vector over a B×B×3 block as an image: 0.5 + v / (2·max|v|). */
export function blockImage(v: ArrayLike<number>, side: number): RgbImage {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  const img = createImage(side, side);
  for (let i = 0; i < side * side * 3; i++) img.data[i] = m > 0 ? 0.5 + v[i] / (2 * m) : 0.5;
  return img;
}

export function mosaicPng(vectors: readonly ArrayLike<number>[], side: number, columns = 12): Uint8Array {
  return encodePng(contactSheet(vectors.map((v) => blockImage(v, side)), { columns, cell: Math.max(side * 3, 48), gap: 2, background: [1, 1, 1] }));
}

export { linePlotSvg, type Series };
