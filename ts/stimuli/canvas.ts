// Paste a stimulus centred into a larger canvas of a given background colour (the study pasted its 128²
// stimuli into 256² canvases for the large nets). The offset is floor((H − h)/2), floor((W − w)/2); masks are
// pasted at the same offset with 0 around.
import { createImage, createLabels, type Rgb } from '../image.ts';
import { resolveSize, type SizeOptions } from './size.ts';
import { StimulusError, type Stimulus } from './types.ts';
import { colourOrGrey } from './validate.ts';

export interface CanvasOptions extends SizeOptions {
  background: Rgb | number;
}

export function pasteCentred(stim: Stimulus, canvas: CanvasOptions): Stimulus {
  const what = `${stim.name} (pasted)`;
  const size = resolveSize(what, canvas, [stim.images[0].height, stim.images[0].width]);
  const [H, W] = size.shape;
  const background = colourOrGrey(what, 'background', canvas.background);
  const { height: h, width: w } = stim.images[0];
  if (h > H || w > W) throw new StimulusError(`${what}: a ${h}×${w} stimulus does not fit a ${H}×${W} canvas`);
  const top = Math.floor((H - h) / 2), left = Math.floor((W - w) / 2);
  const images = stim.images.map((img) => {
    const out = createImage(H, W, background);
    for (let y = 0; y < h; y++) out.data.set(img.data.subarray(y * w * 3, (y + 1) * w * 3), ((y + top) * W + left) * 3);
    return out;
  });
  const masks = stim.masks.map((m) => {
    const out = createLabels(H, W);
    for (let y = 0; y < h; y++) out.data.set(m.data.subarray(y * w, (y + 1) * w), (y + top) * W + left);
    return out;
  });
  return {
    ...stim, images, masks,
    params: { ...stim.params, canvas: { shape: [H, W], background, offset: [top, left], ...(size.ppd ? { ppd: size.ppd } : {}) } },
  };
}
