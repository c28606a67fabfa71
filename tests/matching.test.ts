import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import { asNetwork } from '../ts/experiments/net-io.ts';
import { asymmetricMatch } from '../ts/experiments/matching.ts';
import { createImage, createLabels, type LabelImage, type RgbImage } from '../ts/image.ts';
import { useCpuBackend } from '../ts/tf/backend.ts';

test.before(async () => { await useCpuBackend(); });

function square(img: RgbImage, mask: LabelImage, y0: number, x0: number, side: number, rgb: [number, number, number], label: number) {
  for (let y = y0; y < y0 + side; y++) for (let x = x0; x < x0 + side; x++) {
    const i = (y * img.width + x) * 3;
    img.data[i] = rgb[0]; img.data[i + 1] = rgb[1]; img.data[i + 2] = rgb[2];
    mask.data[y * img.width + x] = label;
  }
}

function pair(testA: [number, number, number], testB: [number, number, number]) {
  const a = createImage(16, 16, [0.2, 0.2, 0.2]), ma = createLabels(16, 16);
  const b = createImage(16, 16, [0.2, 0.2, 0.2]), mb = createLabels(16, 16);
  square(a, ma, 4, 2, 4, testA, 1);
  square(b, mb, 4, 10, 4, testB, 2);
  return { a: { image: a, mask: ma, label: 1 }, b: { image: b, mask: mb, label: 2 } };
}

test('the identity network sees no illusion: matching shift 0', async (t) => {
  const net = asNetwork((x: tf.Tensor4D) => tf.add(x, 0) as tf.Tensor4D);
  const { a, b } = pair([0.4, 0.5, 0.6], [0.4, 0.5, 0.6]);
  const r = await asymmetricMatch(net, a, b);
  t.true(r.shift.every((s) => Math.abs(s) < 1e-6));
  t.true(r.residual < 1e-6);
});

test('a network with half gain on the right half needs twice the input there: known match', async (t) => {
  const gain = new Float32Array(16 * 16 * 3).map((_, i) => (Math.floor(i / 3) % 16 >= 8 ? 0.5 : 1));
  const g = tf.tensor4d(gain, [1, 16, 16, 3]);
  const net = asNetwork((x: tf.Tensor4D) => tf.mul(x, g) as tf.Tensor4D);
  const { a, b } = pair([0.4, 0.3, 0.2], [0.4, 0.3, 0.2]);
  const r = await asymmetricMatch(net, a, b);
  t.deepEqual(r.start.map((v) => +v.toFixed(6)), [0.4, 0.3, 0.2]);
  t.true(Math.abs(r.matched[0] - 0.8) < 1e-4 && Math.abs(r.matched[1] - 0.6) < 1e-4 && Math.abs(r.matched[2] - 0.4) < 1e-4, String(r.matched));
  t.true(Math.abs(r.shift[0] - 0.4) < 1e-4);
  t.true(r.residual < 1e-4);
  t.deepEqual(r.atBound, [false, false, false]);
});

test('a match that needs an undisplayable colour stops at the bound and says so', async (t) => {
  const gain = new Float32Array(16 * 16 * 3).map((_, i) => (Math.floor(i / 3) % 16 >= 8 ? 0.5 : 1));
  const g = tf.tensor4d(gain, [1, 16, 16, 3]);
  const net = asNetwork((x: tf.Tensor4D) => tf.mul(x, g) as tf.Tensor4D);
  const { a, b } = pair([0.7, 0.2, 0.2], [0.7, 0.2, 0.2]);
  const r = await asymmetricMatch(net, a, b);
  t.true(Math.abs(r.matched[0] - 1) < 1e-9);
  t.deepEqual(r.atBound, [true, false, false]);
  t.true(r.residual > 0.1);
});

test('a nonlinear, channel-mixing, spatially varying network is matched to a small residual', async (t) => {
  const mix = tf.tensor4d([0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.2, 0.9], [1, 1, 3, 3]);
  const ramp = tf.tensor4d(new Float32Array(16 * 16 * 3).map((_, i) => 0.6 + 0.05 * (Math.floor(i / 3) % 16) / 16), [1, 16, 16, 3]);
  const net = asNetwork((x: tf.Tensor4D) => tf.sigmoid(tf.mul(tf.sub(tf.conv2d(x, mix as tf.Tensor4D, 1, 'same'), 0.4), tf.mul(ramp, 3))) as tf.Tensor4D);
  const { a, b } = pair([0.4, 0.5, 0.3], [0.4, 0.5, 0.3]);
  const r = await asymmetricMatch(net, a, b);
  t.true(r.residual < 1e-5, `residual ${r.residual}`);
  t.true(r.shift.some((s) => Math.abs(s) > 1e-3));
  t.deepEqual(r.atBound, [false, false, false]);
});
