import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { initBackend, useCpuBackend } from '../ts/tf/backend.ts';
import { Prng } from '../ts/data/prng.ts';

// Reference gradients on the pure-JS cpu backend; the same on wasm with this project's kernels.
function randomArray(n: number, seed: number): Float32Array {
  const r = new Prng(seed);
  return Float32Array.from({ length: n }, () => r.normal());
}

interface Case { name: string; x: number[]; k: number[]; strides: number; pad: 'same' | 'valid' }
const cases: Case[] = [
  { name: '5×5 same', x: [2, 9, 8, 3], k: [5, 5, 3, 4], strides: 1, pad: 'same' },
  { name: '10×10 same (asymmetric padding)', x: [2, 12, 11, 2], k: [10, 10, 2, 3], strides: 1, pad: 'same' },
  { name: '3×3 valid', x: [3, 7, 6, 4], k: [3, 3, 4, 2], strides: 1, pad: 'valid' },
  { name: '4×2 same, non-square', x: [1, 6, 9, 2], k: [4, 2, 2, 5], strides: 1, pad: 'same' },
  { name: '3×3 stride 2 (input gradient falls back to the stock kernel)', x: [1, 8, 8, 2], k: [3, 3, 2, 2], strides: 2, pad: 'same' },
];

async function grads(c: Case): Promise<{ dx: Float32Array; dw?: Float32Array; y: Float32Array }> {
  const x = tf.tensor4d(randomArray(c.x.reduce((a, b) => a * b), 1), c.x as [number, number, number, number]);
  const w = tf.tensor4d(randomArray(c.k.reduce((a, b) => a * b), 2), c.k as [number, number, number, number]);
  const y = tf.conv2d(x, w, c.strides, c.pad);
  const r = tf.tensor(randomArray(y.size, 3), y.shape);
  const f = (xx: tf.Tensor4D, ww: tf.Tensor4D) => tf.sum(tf.mul(tf.conv2d(xx, ww, c.strides, c.pad), r));
  const dx = tf.grad((xx: tf.Tensor4D) => f(xx, w))(x);
  const out = { dx: dx.dataSync() as Float32Array, y: y.dataSync() as Float32Array, dw: undefined as Float32Array | undefined };
  if (c.strides === 1) out.dw = tf.grad((ww: tf.Tensor4D) => f(x, ww))(w).dataSync() as Float32Array;
  tf.dispose([x, w, y, r, dx]);
  return out;
}

function maxRelDiff(a: Float32Array, b: Float32Array): number {
  let m = 0, scale = 0;
  for (let i = 0; i < a.length; i++) { m = Math.max(m, Math.abs(a[i] - b[i])); scale = Math.max(scale, Math.abs(b[i])); }
  return m / scale;
}

test.serial('the wasm convolution gradients equal the cpu backend\'s', async (t) => {
  const backend = await initBackend({ quiet: true });
  t.is(backend, 'wasm');
  for (const c of cases) {
    await useCpuBackend();
    const ref = await grads(c);
    await tf.setBackend('wasm');
    const got = await grads(c);
    t.true(maxRelDiff(got.y, ref.y) < 2e-6, `${c.name}: forward`);
    t.true(maxRelDiff(got.dx, ref.dx) < 2e-6, `${c.name}: input gradient ${maxRelDiff(got.dx, ref.dx)}`);
    if (ref.dw) t.true(maxRelDiff(got.dw!, ref.dw) < 2e-6, `${c.name}: filter gradient ${maxRelDiff(got.dw!, ref.dw)}`);
  }
});

test.serial('a Conv2DBackpropFilter kernel is registered for wasm and the stock input-gradient setup is kept', (t) => {
  t.truthy(tf.getKernel('Conv2DBackpropFilter', 'wasm'));
  t.truthy(tf.getKernel('Conv2DBackpropInput', 'wasm')?.setupFunc, 'the stock setup function is kept');
});

test.serial('the broadcasting batch-norm gradient equals autodiff of the formula written out', async (t) => {
  await initBackend({ quiet: true });
  await tf.setBackend('wasm');
  const x = tf.tensor4d(randomArray(2 * 5 * 4 * 3, 4), [2, 5, 4, 3]);
  const gamma = tf.tensor1d([0.5, 1.5, -2]), beta = tf.tensor1d([0.1, 0, -0.3]);
  const r = tf.tensor(randomArray(x.size, 5), x.shape);
  const eps = 1e-3;
  const fused = (xx: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    const { mean, variance } = tf.moments(xx, [0, 1, 2]);
    return tf.sum(tf.mul(tf.batchNorm(xx, mean, variance, b as tf.Tensor1D, g as tf.Tensor1D, eps), r));
  };
  const plain = (xx: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    const mean = tf.mean(xx, [0, 1, 2]);
    const variance = tf.mean(tf.square(tf.sub(xx, mean)), [0, 1, 2]);
    return tf.sum(tf.mul(tf.add(tf.mul(tf.div(tf.sub(xx, mean), tf.sqrt(tf.add(variance, eps))), g), b), r));
  };
  const g1 = tf.grads(fused)([x, gamma, beta]);
  const g2 = tf.grads(plain)([x, gamma, beta]);
  for (let i = 0; i < 3; i++) {
    const d = maxRelDiff(g1[i].dataSync() as Float32Array, g2[i].dataSync() as Float32Array);
    t.true(d < 1e-4, `input ${i}: ${d}`);
  }
});
