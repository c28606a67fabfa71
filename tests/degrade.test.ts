import test from 'ava';
import { makeBlurKernel } from '../ts/data/blur-kernel.ts';
import { addNoise, blurReflect, blurValid, defaultDegradation, degradationMargin, degradeImage, padReflect } from '../ts/data/degrade.ts';
import { Prng } from '../ts/data/prng.ts';
import { createImage } from '../ts/image.ts';

const sum = (w: number[][]) => w.flat().reduce((a, b) => a + b, 0);

test('Gaussian noise has mean 0 and the requested standard deviation', (t) => {
  const n = 200_000;
  const data = new Float32Array(n);
  addNoise(data, 0.1, new Prng(7));
  let m = 0;
  for (const v of data) m += v;
  m /= n;
  let v2 = 0;
  for (const v of data) v2 += (v - m) ** 2;
  const sd = Math.sqrt(v2 / (n - 1));
  t.true(Math.abs(m) < 4 * 0.1 / Math.sqrt(n), `mean ${m}`);
  t.true(Math.abs(sd - 0.1) < 0.001, `sd ${sd}`);
  // about 68.3 % within one σ
  const within = data.filter((x) => Math.abs(x) < 0.1).length / n;
  t.true(Math.abs(within - 0.6827) < 0.005, `within 1σ ${within}`);
});

test('blur kernels are normalised, odd-sized and centred', (t) => {
  const g = makeBlurKernel({ kind: 'gaussian', sigma: 1.5 });
  t.is(g.size, 11);
  t.true(Math.abs(sum(g.weights) - 1) < 1e-12);
  t.is(g.weights[5][5], Math.max(...g.weights.flat()));
  t.true(Math.abs(g.weights[2][7] - g.weights[8][3]) < 1e-15);
  const m = makeBlurKernel({ kind: 'motion', length: 10, angleDeg: 0 });
  t.is(m.size, 11);
  t.true(Math.abs(sum(m.weights) - 1) < 1e-12);
  // horizontal 10-px motion: the centre row is [½, 1, …, 1, ½]/10, every other row zero
  m.weights[5].forEach((v, x) => t.true(Math.abs(v - (x === 0 || x === 10 ? 0.05 : 0.1)) < 1e-3, `x=${x}: ${v}`));
  t.is(sum(m.weights.filter((_, y) => y !== 5)), 0);
  const d = makeBlurKernel({ kind: 'motion', length: 7, angleDeg: 90 });
  t.true(Math.abs(sum(d.weights) - 1) < 1e-12);
  t.true(d.weights.every((row) => row.every((v, x) => x === (d.size - 1) / 2 || Math.abs(v) < 1e-12)));
  t.throws(() => makeBlurKernel({ kind: 'gaussian', sigma: 0 }), { message: /sigma must be in/ });
  t.throws(() => makeBlurKernel({ kind: 'motion', length: 0, angleDeg: 0 }), { message: /length must be in/ });
});

test('blurring keeps constants constant and has the documented shapes', (t) => {
  const k = makeBlurKernel({ kind: 'gaussian', sigma: 1 });
  const img = createImage(20, 30, [0.2, 0.5, 0.9]);
  const v = blurValid(img, k);
  t.deepEqual([v.height, v.width], [20 - k.size + 1, 30 - k.size + 1]);
  t.true(v.data.every((x, i) => Math.abs(x - [0.2, 0.5, 0.9][i % 3]) < 1e-6));
  const r = blurReflect(img, k);
  t.deepEqual([r.height, r.width], [20, 30]);
  t.throws(() => blurValid(createImage(5, 5), k), { message: /smaller than the 7×7 blur kernel/ });
});

test('a blur of an impulse reproduces the kernel (convolution orientation)', (t) => {
  const k = makeBlurKernel({ kind: 'motion', length: 4, angleDeg: 45 });
  const n = k.size * 2 - 1;
  const img = createImage(n, n);
  const c = k.size - 1;
  img.data[(c * n + c) * 3] = 1;
  const out = blurValid(img, k);
  for (let y = 0; y < k.size; y++) for (let x = 0; x < k.size; x++) {
    // out[y][x] = Σ w[dy][dx]·img[y+dy][x+dx] → w[c−y][c−x]
    t.true(Math.abs(out.data[(y * k.size + x) * 3] - k.weights[c - y][c - x]) < 1e-7);
  }
});

test('reflect padding mirrors without repeating the edge', (t) => {
  const img = createImage(3, 3);
  for (let i = 0; i < 9; i++) img.data[i * 3] = i;
  const p = padReflect(img, 1);
  const row0 = [0, 1, 2, 3, 4].map((x) => p.data[x * 3]);
  t.deepEqual(row0, [4, 3, 4, 5, 4]);
});

test('each task has its degradation and margin; restore = blur then noise', (t) => {
  t.deepEqual(defaultDegradation('denoise'), { task: 'denoise', noiseSigma: 0.1 });
  const deblur = defaultDegradation('deblur');
  t.is(deblur.noiseSigma, 0);
  t.is(degradationMargin(deblur), 5);
  const restore = defaultDegradation('restore', { noiseSigma: 0.05, blur: { kind: 'motion', length: 10, angleDeg: 0 } });
  t.is(degradationMargin(restore), 5);
  const img = createImage(16, 16, [0.5, 0.5, 0.5]);
  const out = degradeImage(img, restore, new Prng(1));
  t.deepEqual([out.height, out.width], [16, 16]);
  let s2 = 0;
  for (const v of out.data) s2 += (v - 0.5) ** 2;
  const sd = Math.sqrt(s2 / out.data.length);
  t.true(sd > 0.04 && sd < 0.06, `noise sd ${sd}`);
  const blurredOnly = degradeImage(img, deblur, new Prng(1));
  t.true(blurredOnly.data.every((v) => Math.abs(v - 0.5) < 1e-6));
});
