import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend } from '../ts/tf/backend.ts';
import { buildModel } from '../ts/models/build-model.ts';
import { resolveArch, receptiveField } from '../ts/models/arch.ts';
import { loadModel, saveLayersModel, saveModel } from '../ts/models/model-io.ts';
import type { ModelCard } from '../ts/models/card.ts';
import { UserError } from '../ts/util/errors.ts';

test.before(async () => { await initBackend({ quiet: true }); });
const tmp = () => mkdtempSync(join(tmpdir(), 'illusion-models-'));
const params = (m: tf.LayersModel) => m.weights.reduce((s, w) => s + w.shape.reduce((a, b) => a! * b!, 1)!, 0);

test('the three architectures have the published layer structure and parameter counts', (t) => {
  const shallow = buildModel({ arch: 'shallow' });
  t.is(params(shallow), 5 * 5 * 3 * 8 + 8 + 5 * 5 * 8 * 3 + 3);
  const deep = buildModel({ arch: 'deep' });
  t.is(params(deep), (10 * 10 * 3 * 24 + 24) + 2 * (10 * 10 * 24 * 24 + 24) + (10 * 10 * 24 * 3 + 3));
  const dncnn = buildModel({ arch: 'dncnn' });
  t.is(dncnn.layers.filter((l) => l.getClassName() === 'Conv2D').length, 17);
  t.is(dncnn.layers.filter((l) => l.getClassName() === 'BatchNormalization').length, 15);
  t.is(params(dncnn), (27 * 64 + 64) + 15 * (9 * 64 * 64 + 4 * 64) + (9 * 64 * 3 + 3));
  t.is(buildModel({ arch: 'dncnn', depth: 20 }).layers.filter((l) => l.getClassName() === 'Conv2D').length, 20);
  t.is(receptiveField(resolveArch({ arch: 'shallow' })), 9);
  t.is(receptiveField(resolveArch({ arch: 'deep' })), 37);
  t.throws(() => resolveArch({ arch: 'shallow', depth: 3 }), { message: /exactly 2 conv layers/ });
  t.throws(() => resolveArch({ arch: 'nope' as 'deep' }), { message: /unknown architecture/ });
  [shallow, deep, dncnn].forEach((m) => m.dispose());
});

test('models map [N,H,W,3] to [N,H,W,3] for any size; sigmoid outputs lie in (0,1); relu switch', (t) => {
  const x = tf.randomUniform([2, 13, 17, 3], 0, 1, 'float32', 3);
  for (const arch of ['shallow', 'deep', 'dncnn'] as const) {
    const m = buildModel({ arch, depth: arch === 'dncnn' ? 4 : undefined });
    const y = m.predict(x) as tf.Tensor;
    t.deepEqual(y.shape, [2, 13, 17, 3]);
    if (arch !== 'dncnn') {
      const v = y.dataSync();
      t.true(v.every((z) => z > 0 && z < 1));
    }
    m.dispose();
  }
  const relu = buildModel({ arch: 'shallow', activation: 'relu' });
  t.is((relu.layers[1].getConfig() as { activation: string }).activation, 'relu');
  t.is((relu.layers[2].getConfig() as { activation: string }).activation, 'sigmoid');
});

test('DnCNN is residual: with a zero last layer it returns its input', (t) => {
  const m = buildModel({ arch: 'dncnn', depth: 3 });
  const last = m.getLayer('conv3');
  last.setWeights(last.getWeights().map((w) => tf.zerosLike(w)));
  const x = tf.randomUniform([1, 8, 8, 3], 0, 1, 'float32', 1);
  const y = m.predict(x) as tf.Tensor;
  t.deepEqual(Array.from(y.dataSync()), Array.from(x.dataSync()));
});

test('initial weights are reproducible from the seed', (t) => {
  const a = buildModel({ arch: 'shallow' }, 5).getWeights()[0].dataSync();
  const b = buildModel({ arch: 'shallow' }, 5).getWeights()[0].dataSync();
  const c = buildModel({ arch: 'shallow' }, 6).getWeights()[0].dataSync();
  t.deepEqual(Array.from(a), Array.from(b));
  t.notDeepEqual(Array.from(a), Array.from(c));
});

const card: ModelCard = {
  format: 'illusion-lab-model/1', name: 'test', origin: 'trained', arch: resolveArch({ arch: 'dncnn', depth: 3 }), task: 'denoise',
  degradation: { task: 'denoise', noiseSigma: 0.1, clipped: false, blur: null }, training: null, validation: null,
  backend: 'wasm', seconds: 1, command: null, created: null, packageVersion: null,
};

test('a saved model loads back with identical outputs and its card (layers format)', async (t) => {
  const dir = tmp();
  const m = buildModel({ arch: 'dncnn', depth: 3 }, 2);
  await saveModel(m, dir, card);
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  t.is(json.format, 'layers-model');
  t.deepEqual(json.weightsManifest[0].paths, ['weights.bin']);
  const { model, card: back } = await loadModel(dir);
  t.deepEqual(back, card);
  const x = tf.randomUniform([1, 9, 9, 3], 0, 1, 'float32', 4);
  t.deepEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()), Array.from((m.predict(x) as tf.Tensor).dataSync()));
  rmSync(dir, { recursive: true });
});

test('a layers model without a card loads as an external model', async (t) => {
  const dir = tmp();
  await saveLayersModel(buildModel({ arch: 'shallow' }), dir);
  const { card: c } = await loadModel(dir);
  t.is(c.origin, 'external');
  t.is(c.arch, null);
  rmSync(dir, { recursive: true });
});

test('missing or corrupt models are rejected with a clear message', async (t) => {
  const dir = tmp();
  await t.throwsAsync(loadModel(join(dir, 'none')), { instanceOf: UserError, message: /model folder .* does not exist/ });
  await t.throwsAsync(loadModel(dir), { instanceOf: UserError, message: /no model in .*model\.json is missing/ });
  await saveModel(buildModel({ arch: 'shallow' }), dir, card);
  const weights = readFileSync(join(dir, 'weights.bin'));
  writeFileSync(join(dir, 'weights.bin'), weights.subarray(0, 100));
  await t.throwsAsync(loadModel(dir), { instanceOf: UserError, message: /corrupt: weight files weights\.bin hold 100 bytes, the manifest needs 4844/ });
  unlinkSync(join(dir, 'weights.bin'));
  await t.throwsAsync(loadModel(dir), { instanceOf: UserError, message: /weight file weights\.bin is missing/ });
  writeFileSync(join(dir, 'weights.bin'), weights);
  writeFileSync(join(dir, 'card.json'), '{"format":');
  await t.throwsAsync(loadModel(dir), { instanceOf: UserError, message: /card .* is corrupt/ });
  writeFileSync(join(dir, 'model.json'), '{"modelTopology": ');
  await t.throwsAsync(loadModel(dir), { instanceOf: UserError, message: /model\.json is corrupt: not valid JSON/ });
  writeFileSync(join(dir, 'model.json'), '{"hello": 1}');
  await t.throwsAsync(loadModel(dir), { instanceOf: UserError, message: /not a TensorFlow\.js layers model/ });
  rmSync(dir, { recursive: true });
});
