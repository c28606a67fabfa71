import test from 'ava';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng } from '../ts/io/png.ts';
import { Prng } from '../ts/data/prng.ts';
import { resolveTrainSpec, trainCommand } from '../ts/train/train-spec.ts';
import { train } from '../ts/train/trainer.ts';
import { loadModel } from '../ts/models/model-io.ts';
import { ensureModel, defaultModelSpecs } from '../ts/train/default-models.ts';
import { statSync } from 'node:fs';
import { UserError } from '../ts/util/errors.ts';
import type { RgbImage } from '../ts/image.ts';

// Synthetic "photos": smooth colour gradients with overlapping rectangles and discs (piecewise smooth, like
// natural scenes at coarse scale), so the test needs no downloaded data.
function scene(seed: number, h = 72, w = 80): RgbImage {
  const r = new Prng(seed);
  const data = new Float32Array(h * w * 3);
  const base = [r.uniform(), r.uniform(), r.uniform()], gx = [r.normal(), r.normal(), r.normal()].map((v) => v * 0.3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) {
    data[(y * w + x) * 3 + c] = Math.min(1, Math.max(0, base[c] + gx[c] * (x / w - 0.5) + 0.2 * (y / h - 0.5)));
  }
  for (let k = 0; k < 8; k++) {
    const col = [r.uniform(), r.uniform(), r.uniform()];
    const cy = r.int(h), cx = r.int(w), rad = 4 + r.int(14), disc = r.uniform() < 0.5;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const inside = disc ? (y - cy) ** 2 + (x - cx) ** 2 < rad * rad : Math.abs(y - cy) < rad && Math.abs(x - cx) < rad * 0.7;
      if (inside) for (let c = 0; c < 3; c++) data[(y * w + x) * 3 + c] = col[c];
    }
  }
  return { height: h, width: w, data };
}

function imageFolder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'illusion-train-imgs-'));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `scene${i}.png`), encodePng(scene(i + 1)));
  return dir;
}

const images = imageFolder(6);
test.after.always(() => rmSync(images, { recursive: true, force: true }));
const quiet = { log: () => {}, progress: false } as const;

test.serial('a short real training run lowers the validation loss and saves a model with its card', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'illusion-train-out-'));
  const spec = resolveTrainSpec({ arch: { arch: 'shallow' }, task: 'denoise', steps: 80, stepsPerEpoch: 20, patch: 24, batch: 8,
    validationPatches: 8, validationPatch: 32, patience: 10, learningRate: 0.01, validationFraction: 0.34 });
  const r = await train({ spec, imagesDir: images, outDir: out, ...quiet });
  t.false(r.interrupted);
  const h = r.card!.training!.history;
  t.is(h.length, 4);
  t.true(h[3].validationPsnr > h[0].validationPsnr + 1, `validation PSNR ${h.map((e) => e.validationPsnr.toFixed(2)).join(' → ')}`);
  t.true(h[3].trainLoss < h[0].trainLoss);
  const { card } = await loadModel(out);
  t.is(card.task, 'denoise');
  t.is(card.training!.data.trainImages + card.training!.data.validationImages, 6);
  t.regex(card.training!.data.manifestHash, /^[0-9a-f]{64}$/);
  t.is(card.validation!.psnr, Math.max(...h.map((e) => e.validationPsnr)), 'the saved weights are the best epoch\'s');
  t.true(Math.abs(card.validation!.psnrDegraded - 20) < 0.5, 'σ = 0.1 noise: input PSNR ≈ 20 dB');
  t.true(card.validation!.ssim > 0 && card.validation!.ssim <= 1);
  t.is(card.command, trainCommand(spec, out));
  t.false(existsSync(join(out, 'checkpoint')), 'the checkpoint is removed once the model is saved');
  rmSync(out, { recursive: true });
});

test.serial('an interrupted run resumed with --resume ends bit-identical to an uninterrupted one', async (t) => {
  const spec = resolveTrainSpec({ arch: { arch: 'dncnn', depth: 3, channels: 8 }, task: 'restore', steps: 12, stepsPerEpoch: 4,
    patch: 16, batch: 4, validationPatches: 4, validationPatch: 24, patience: 10, validationFraction: 0.34, seed: 3 });
  const a = mkdtempSync(join(tmpdir(), 'illusion-train-a-')), b = mkdtempSync(join(tmpdir(), 'illusion-train-b-'));
  const full = await train({ spec, imagesDir: images, outDir: a, ...quiet });
  const first = await train({ spec, imagesDir: images, outDir: b, stopAfterSteps: 6, ...quiet });
  t.true(first.interrupted);
  t.is(first.step, 6);
  t.true(existsSync(join(b, 'checkpoint', 'state.json')));
  const resumed = await train({ spec, imagesDir: images, outDir: b, resume: true, ...quiet });
  t.false(resumed.interrupted);
  t.deepEqual(readFileSync(join(b, 'weights.bin')), readFileSync(join(a, 'weights.bin')));
  t.deepEqual(resumed.card!.training!.history, full.card!.training!.history);
  t.deepEqual(resumed.card!.validation, full.card!.validation);
  rmSync(a, { recursive: true }); rmSync(b, { recursive: true });
});

test.serial('--resume refuses a missing checkpoint and one made with other settings', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'illusion-train-r-'));
  const spec = resolveTrainSpec({ arch: { arch: 'shallow' }, task: 'deblur', steps: 4, stepsPerEpoch: 2, patch: 16, batch: 2,
    validationPatches: 2, validationPatch: 24, validationFraction: 0.34 });
  await t.throwsAsync(train({ spec, imagesDir: images, outDir: out, resume: true, ...quiet }), { instanceOf: UserError, message: /no checkpoint in/ });
  await train({ spec, imagesDir: images, outDir: out, stopAfterSteps: 1, ...quiet });
  await t.throwsAsync(train({ spec: { ...spec, batch: 3 }, imagesDir: images, outDir: out, resume: true, ...quiet }),
    { instanceOf: UserError, message: /made with different settings/ });
  rmSync(out, { recursive: true });
});

test.serial('training refuses a missing folder and a corrupt image, naming them', async (t) => {
  const spec = resolveTrainSpec({ arch: { arch: 'shallow' }, task: 'denoise', steps: 2, patch: 16, batch: 2, validationFraction: 0.34 });
  const out = mkdtempSync(join(tmpdir(), 'illusion-train-c-'));
  await t.throwsAsync(train({ spec, imagesDir: join(out, 'nothing'), outDir: out, ...quiet }), { instanceOf: UserError, message: /nothing does not exist/ });
  const bad = imageFolder(3);
  writeFileSync(join(bad, 'scene1.png'), readFileSync(join(bad, 'scene1.png')).subarray(0, 60));
  await t.throwsAsync(train({ spec, imagesDir: bad, outDir: out, ...quiet }), { instanceOf: UserError, message: /scene1\.png is a corrupt or unsupported PNG/ });
  rmSync(bad, { recursive: true }); rmSync(out, { recursive: true });
});

test('train specs validate their numbers and build the reproducing command', (t) => {
  t.throws(() => resolveTrainSpec({ arch: { arch: 'deep' }, task: 'denoise', steps: 0 }), { message: /steps must be an integer ≥ 1/ });
  t.throws(() => resolveTrainSpec({ arch: { arch: 'deep' }, task: 'x' as 'denoise' }), { message: /unknown task/ });
  const s = resolveTrainSpec({ arch: { arch: 'deep', activation: 'relu' }, task: 'deblur', blur: { kind: 'motion', length: 10, angleDeg: 0 } });
  t.is(s.name, 'deep-deblur-relu');
  t.is(trainCommand(s, 'models/x'), 'illusion-lab train --task deblur --arch deep --seed 1 --steps 600 --patch 24 --batch 32 --activation relu --blur motion:10:0 --out models/x');
});

test.serial('ensureModel trains a missing model once, then returns the existing one', async (t) => {
  const modelsDir = mkdtempSync(join(tmpdir(), 'illusion-ensure-'));
  const spec = resolveTrainSpec({ arch: { arch: 'shallow' }, task: 'restore', steps: 4, stepsPerEpoch: 2, patch: 16, batch: 2,
    validationPatches: 2, validationPatch: 24, validationFraction: 0.34, name: 'tiny-restore' });
  const dir = await ensureModel(spec, { modelsDir, imagesDir: images, log: () => {} });
  t.is(dir, join(modelsDir, 'tiny-restore'));
  const mtime = statSync(join(dir, 'weights.bin')).mtimeMs;
  t.is(await ensureModel(spec, { modelsDir, imagesDir: images, log: () => {} }), dir);
  t.is(statSync(join(dir, 'weights.bin')).mtimeMs, mtime);
  rmSync(modelsDir, { recursive: true });
});

test('the default model set: shallow and deep for three tasks and a DnCNN-17 denoiser', (t) => {
  t.deepEqual(defaultModelSpecs.map((s) => s.name), ['shallow-denoise', 'deep-denoise', 'shallow-deblur', 'deep-deblur',
    'shallow-restore', 'deep-restore', 'dncnn17-denoise']);
  t.true(defaultModelSpecs.every((s) => s.learningRate === 1e-3 && s.seed === 1));
});
