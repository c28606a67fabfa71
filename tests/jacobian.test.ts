import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import { asNetwork } from '../ts/experiments/net-io.ts';
import { blockGeometry, canvasIndex, embedBlock, extractBlock } from '../ts/experiments/block.ts';
import { jacobianByAutograd } from '../ts/experiments/jacobian-autograd.ts';
import { jacobianByFiniteDifferences } from '../ts/experiments/jacobian-fd.ts';
import { relativeFrobenius, type DenseMatrix } from '../ts/experiments/dense.ts';
import { useCpuBackend } from '../ts/tf/backend.ts';

test.before(async () => { await useCpuBackend(); });

/** A linear 'same' conv net (one 3×3 layer, 3→3 channels, bias): its exact Jacobian is known. */
function linearConvNet(seed: number) {
  const k = 3;
  const kernel = tf.randomNormal([k, k, 3, 3], 0, 0.3, 'float32', seed);
  const bias = tf.tensor1d([0.1, -0.2, 0.05]);
  const net = asNetwork((x: tf.Tensor4D) => tf.add(tf.conv2d(x, kernel as tf.Tensor4D, 1, 'same'), bias) as tf.Tensor4D);
  return { net, kernel: kernel.arraySync() as number[][][][], k };
}

/** J[(y,x,co),(y',x',ci)] = K[y'−y+r, x'−x+r, ci, co] (tfjs conv is cross-correlation). */
function exactJacobian(kernel: number[][][][], k: number, canvas: number, block: number): DenseMatrix {
  const g = blockGeometry(canvas, block);
  const r = (k - 1) / 2;
  const data = new Float64Array(g.dim * g.dim);
  for (let row = 0; row < g.dim; row++) {
    const co = row % 3, p = (row - co) / 3, y = Math.floor(p / block), x = p % block;
    for (let col = 0; col < g.dim; col++) {
      const ci = col % 3, q = (col - ci) / 3, yy = Math.floor(q / block), xx = q % block;
      const dy = yy - y + r, dx = xx - x + r;
      if (dy >= 0 && dy < k && dx >= 0 && dx < k) data[row * g.dim + col] = kernel[dy][dx][ci][co];
    }
  }
  return { rows: g.dim, cols: g.dim, data };
}

test('block geometry follows the HWC flattening and centres the block', (t) => {
  const g = blockGeometry(64, 16);
  t.deepEqual([g.y0, g.x0, g.dim], [24, 24, 768]);
  t.is(canvasIndex(g, 0), (24 * 64 + 24) * 3);
  t.is(canvasIndex(g, 5), (24 * 64 + 25) * 3 + 2);
  t.is(canvasIndex(g, 16 * 3), (25 * 64 + 24) * 3);
  const img = embedBlock(g, [0.5, 0.5, 0.5], Float64Array.from({ length: 768 }, (_, i) => i / 10000));
  const back = extractBlock(g, img);
  t.true(Math.abs(back[767] - (0.5 + 0.0767)) < 1e-6);
  t.is(img.data[0], 0.5);
  t.throws(() => blockGeometry(8, 16), { message: /at least the block side/ });
});

test('autograd Jacobian of a linear conv net equals its convolution matrix', async (t) => {
  const { net, kernel, k } = linearConvNet(7);
  const j = await jacobianByAutograd(net, { canvas: 16, block: 8, chunk: 50 });
  const exact = exactJacobian(kernel, k, 16, 8);
  t.is(j.rows, 192);
  t.true(relativeFrobenius(j, exact) < 1e-6, `rel err ${relativeFrobenius(j, exact)}`);
});

test('finite differences agree with the exact Jacobian to float32 accuracy', async (t) => {
  const { net, kernel, k } = linearConvNet(3);
  const j = await jacobianByFiniteDifferences(net, { canvas: 16, block: 8, step: 0.05 });
  const err = relativeFrobenius(j, exactJacobian(kernel, k, 16, 8));
  t.true(err < 2e-4, `rel err ${err}`);
});

test('autograd Jacobian does not depend on the operating point for a linear net, and does for a nonlinear one', async (t) => {
  const { net } = linearConvNet(5);
  const a = await jacobianByAutograd(net, { canvas: 12, block: 4, operatingPoint: [0.2, 0.5, 0.9] });
  const b = await jacobianByAutograd(net, { canvas: 12, block: 4, operatingPoint: [0.5, 0.5, 0.5] });
  t.true(relativeFrobenius(a, b) < 1e-6);
  const sig = asNetwork((x: tf.Tensor4D) => tf.sigmoid(tf.mul(x, 4)) as tf.Tensor4D);
  const c = await jacobianByAutograd(sig, { canvas: 12, block: 4, operatingPoint: [0.5, 0.5, 0.5] });
  // pointwise sigmoid(4x): diagonal 4·σ(2)(1−σ(2)) at 0.5
  const s = 1 / (1 + Math.exp(-2));
  t.true(Math.abs(c.data[0] - 4 * s * (1 - s)) < 1e-5);
  t.is(c.data[1], 0);
});

test('a linear network is fully linear: fraction linear 1, errors of net and linearisation equal', async (t) => {
  const { measureLinearity } = await import('../ts/experiments/linearity.ts');
  const { net } = linearConvNet(11);
  const j = await jacobianByAutograd(net, { canvas: 16, block: 8 });
  const blocks = [0, 1, 2].map((s) => {
    const clean = Float64Array.from({ length: 192 }, (_, k) => 0.3 + 0.4 * Math.abs(Math.sin(k * (s + 1))));
    const degraded = Float64Array.from(clean, (v, k) => v + 0.05 * Math.cos(k * 7 + s));
    return { clean, degraded };
  });
  const r = await measureLinearity(net, j, blocks);
  t.true(Math.abs(r.fractionLinear - 1) < 1e-5, String(r.fractionLinear));
  t.true(Math.abs(r.linearShare - 1) < 1e-5);
  t.true(Math.abs(r.errorNonlinear - r.errorLinear) < 1e-5);
  t.true(r.errorNonlinear > 0);
});

test('a saturating network is measurably nonlinear for large inputs', async (t) => {
  const { measureLinearity } = await import('../ts/experiments/linearity.ts');
  const net = asNetwork((x: tf.Tensor4D) => tf.sigmoid(tf.mul(tf.sub(x, 0.5), 8)) as tf.Tensor4D);
  const j = await jacobianByAutograd(net, { canvas: 8, block: 4 });
  const clean = Float64Array.from({ length: 48 }, (_, k) => (k % 2 ? 0.95 : 0.05));
  const r = await measureLinearity(net, j, [{ clean, degraded: clean }]);
  // σ(8·0.45) − 0.5 = 0.4734 vs linear 2·0.45 = 0.9: fraction linear = 1 − |0.4734 − 0.9|/0.4734
  const expected = 1 - Math.abs((1 / (1 + Math.exp(-3.6)) - 0.5) - 0.9) / (1 / (1 + Math.exp(-3.6)) - 0.5);
  t.true(Math.abs(r.fractionLinear - expected) < 1e-4, `${r.fractionLinear} vs ${expected}`);
});

test('the shift-assembled Jacobian equals the row-by-row autograd Jacobian of a nonlinear conv net', async (t) => {
  const { jacobianByShift } = await import('../ts/experiments/jacobian-shift.ts');
  const k1 = tf.randomNormal([3, 3, 3, 4], 0, 0.5, 'float32', 1) as tf.Tensor4D;
  const k2 = tf.randomNormal([3, 3, 4, 3], 0, 0.5, 'float32', 2) as tf.Tensor4D;
  const net = asNetwork((x: tf.Tensor4D) => tf.sigmoid(tf.conv2d(tf.sigmoid(tf.conv2d(x, k1, 1, 'same')), k2, 1, 'same')) as tf.Tensor4D);
  const full = await jacobianByAutograd(net, { canvas: 16, block: 8 });
  const shift = await jacobianByShift(net, { canvas: 16, block: 8 });
  t.is(shift.receptiveFieldRadius, 2);
  t.true(relativeFrobenius(shift, full) < 1e-5, String(relativeFrobenius(shift, full)));
  const e = await t.throwsAsync(jacobianByShift(net, { canvas: 10, block: 8 }));
  t.regex(e!.message, /canvas 10×10 is too small .*\(radius 2 px\): use a canvas of at least 12/);
});
