import test from 'ava';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { psnr, ssim } from '../ts/train/metrics.ts';
import { createImage, type RgbImage } from '../ts/image.ts';
import { initBackend } from '../ts/tf/backend.ts';
import { loadModel } from '../ts/models/model-io.ts';
import { degradationFromCard, evaluateModel, listImages } from '../ts/train/evaluate.ts';
import { loadEvalImages } from '../ts/data/eval-images.ts';
import { encodePng } from '../ts/io/png.ts';
import { Prng } from '../ts/data/prng.ts';
import { evalCommand } from '../ts/cli/commands/eval.ts';
import { UserError } from '../ts/util/errors.ts';

const committed = join(import.meta.dirname, '..', 'models', 'shallow-denoise');
const kodak = '/work/shared/datasets/kodak24';

function texture(seed: number, h: number, w: number): RgbImage {
  const r = new Prng(seed);
  const img = createImage(h, w);
  const f = [r.uniform() * 0.3, r.uniform() * 0.3];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) {
    img.data[(y * w + x) * 3 + c] = 0.5 + 0.3 * Math.sin(f[0] * x + c) * Math.cos(f[1] * y);
  }
  return img;
}

test('PSNR and SSIM match their closed forms', (t) => {
  const a = createImage(16, 16, [0.3, 0.3, 0.3]);
  const b = createImage(16, 16, [0.4, 0.4, 0.4]);
  t.true(Math.abs(psnr(a, b) - 20) < 1e-5);
  t.is(psnr(a, a), Infinity);
  const C1 = 0.0001;
  t.true(Math.abs(ssim(a, b) - (2 * 0.3 * 0.4 + C1) / (0.09 + 0.16 + C1)) < 1e-6);
  const tex = texture(1, 24, 24);
  t.true(Math.abs(ssim(tex, tex) - 1) < 1e-9);
  t.throws(() => ssim(createImage(8, 8), createImage(8, 8)), { message: /at least 11×11/ });
});

test('evaluation images come from the validation split, centre crops first, without /work/shared', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'illusion-evalimg-'));
  for (let i = 0; i < 10; i++) writeFileSync(join(dir, `p${i}.png`), encodePng(texture(i + 1, 40, 50)));
  const imgs = await loadEvalImages({ dir, count: 3, size: 32 });
  t.is(imgs.length, 3);
  t.true(imgs.every((im) => im.height === 32 && im.width === 32 && im.data.length === 32 * 32 * 3));
  t.regex(imgs[0].name, /^p\d\.png@4,9$/); // centre of 40×50
  t.is(imgs[1].name.split('@')[0], imgs[0].name.split('@')[0], '1 validation image of 10: later crops reuse it');
  t.deepEqual(await loadEvalImages({ dir, count: 3, size: 32 }), imgs);
  await t.throwsAsync(loadEvalImages({ dir, size: 64 }), { instanceOf: UserError, message: /at least 64×64/ });
  rmSync(dir, { recursive: true });
});

(existsSync(committed) ? test : test.skip)('the committed shallow denoiser restores unseen images better than their noisy inputs', async (t) => {
  await initBackend({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'illusion-eval-'));
  for (let i = 0; i < 2; i++) writeFileSync(join(dir, `t${i}.png`), encodePng(texture(10 + i, 48, 64)));
  const { model, card } = await loadModel(committed);
  const s = evaluateModel(model, degradationFromCard(card), listImages(dir), 0);
  t.is(s.images.length, 2);
  t.true(Math.abs(s.psnrInput - 20) < 0.3, `input ${s.psnrInput}`);
  t.true(s.psnr > s.psnrInput + 3, `restored ${s.psnr} dB vs input ${s.psnrInput} dB`);
  t.true(s.ssim > s.ssimInput);
  rmSync(dir, { recursive: true });
});

const haveKodak = existsSync(kodak) && existsSync(committed);
if (!haveKodak) console.log(`eval.test: ${kodak} (or models/shallow-denoise) absent: skipping the Kodak24 check`);
(haveKodak ? test : test.skip)('Kodak24 (first 2 images, workplace data set): the shallow denoiser gains over 4 dB', async (t) => {
  await initBackend({ quiet: true });
  const { model, card } = await loadModel(committed);
  const s = evaluateModel(model, degradationFromCard(card), listImages(kodak).slice(0, 2), 0);
  t.true(s.psnr > s.psnrInput + 4, `restored ${s.psnr.toFixed(2)} dB vs input ${s.psnrInput.toFixed(2)} dB`);
});

test('eval refuses missing options, folders and models with one clear message', async (t) => {
  await t.throwsAsync(evalCommand.run(['--images', '/tmp']), { instanceOf: UserError, message: /--model DIR is required/ });
  await t.throwsAsync(evalCommand.run(['--model', '/nonexistent', '--images', '/nonexistent-images']), { instanceOf: UserError, message: /image folder \/nonexistent-images does not exist/ });
  const dir = mkdtempSync(join(tmpdir(), 'illusion-eval-empty-'));
  writeFileSync(join(dir, 'a.png'), encodePng(texture(1, 16, 16)));
  await t.throwsAsync(evalCommand.run(['--model', join(dir, 'none'), '--images', dir]), { instanceOf: UserError, message: /model folder .* does not exist/ });
  rmSync(dir, { recursive: true });
});
