import type { Command } from '../command.ts';
import { checkOutputFile, numberOption, parseCommandArgs } from '../command.ts';
import { UserError } from '../../util/errors.ts';
import { writeJsonAtomic } from '../../util/atomic.ts';
import { initBackend } from '../../tf/backend.ts';
import { loadModel } from '../../models/model-io.ts';
import { degradationFromCard, evaluateModel, listImages } from '../../train/evaluate.ts';

const usage = `illusion-lab eval --model DIR --images DIR [--seed N] [--limit N] [--json FILE]

Degrades every image of the folder as the model was trained (task, noise σ, blur kernel from its card),
restores it, and prints PSNR (dB) and SSIM per image and on average, next to the degraded input's scores.
Outputs are clipped to [0, 1]. For Kodak24, CBSD68, McMaster or any folder of PNG/JPEG/TIFF images.

  --model DIR    model folder (model.json, weights.bin, card.json)
  --images DIR   folder of clean images
  --seed N       seed of the noise (default 0)
  --limit N      evaluate only the first N images (sorted by name)
  --json FILE    also write the scores as JSON`;

export const evalCommand: Command = {
  name: 'eval',
  summary: 'PSNR/SSIM of a trained model on a folder of images',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('eval', {
      options: { model: { type: 'string' }, images: { type: 'string' }, seed: { type: 'string' }, limit: { type: 'string' }, json: { type: 'string' } },
    }, argv);
    if (!values.model) throw new UserError('eval: --model DIR is required');
    if (!values.images) throw new UserError('eval: --images DIR is required');
    const seed = numberOption('seed', values.seed, 0, { min: 0, integer: true });
    if (values.json) checkOutputFile('json', values.json);
    let files = listImages(values.images);
    if (values.limit !== undefined) files = files.slice(0, numberOption('limit', values.limit, files.length, { min: 1, integer: true }));
    await initBackend();
    const { model, card } = await loadModel(values.model);
    const degradation = degradationFromCard(card);
    const out = (l: string) => process.stdout.write(l + '\n');
    out(`${card.name} on ${values.images} (${files.length} image${files.length === 1 ? '' : 's'}): PSNR dB / SSIM, degraded input in brackets`);
    const summary = evaluateModel(model, degradation, files, seed, (s) =>
      out(`  ${s.file.padEnd(24)} ${s.psnr.toFixed(2)} / ${s.ssim.toFixed(4)}   [${s.psnrInput.toFixed(2)} / ${s.ssimInput.toFixed(4)}]`));
    out(`  ${'mean'.padEnd(24)} ${summary.psnr.toFixed(2)} / ${summary.ssim.toFixed(4)}   [${summary.psnrInput.toFixed(2)} / ${summary.ssimInput.toFixed(4)}]`);
    if (values.json) writeJsonAtomic(values.json, { model: values.model, card: card.name, folder: values.images, seed, ...summary });
  },
};
