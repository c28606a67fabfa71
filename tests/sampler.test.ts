import test from 'ava';
import { Prng } from '../ts/data/prng.ts';
import { PatchSampler, cropTransformed } from '../ts/data/patch-sampler.ts';
import { defaultDegradation, blurValid } from '../ts/data/degrade.ts';
import type { StoredImage } from '../ts/data/image-folder.ts';

function rampImage(name: string, h: number, w: number, seed: number): StoredImage {
  const rng = new Prng(seed);
  const data = new Uint8Array(h * w * 3);
  for (let i = 0; i < data.length; i++) data[i] = rng.int(256);
  return { name, height: h, width: w, data };
}

test('the PRNG is deterministic, resumable from its state, and uniform', (t) => {
  const a = new Prng(42), b = new Prng(42);
  const xs = Array.from({ length: 5 }, () => a.nextUint32());
  t.deepEqual(xs, Array.from({ length: 5 }, () => b.nextUint32()));
  t.notDeepEqual(xs, Array.from({ length: 5 }, () => new Prng(43).nextUint32()));
  const s = a.state();
  const next = [a.uniform(), a.normal(), a.int(10)];
  const c = new Prng(s);
  t.deepEqual([c.uniform(), c.normal(), c.int(10)], next);
  const counts = new Array(10).fill(0);
  for (let i = 0; i < 100_000; i++) counts[a.int(10)]++;
  t.true(counts.every((n) => Math.abs(n - 10_000) < 500), counts.join(','));
  t.throws(() => a.int(0), { instanceOf: RangeError });
});

test('the eight crop transforms are the flips and 90° rotations of the crop', (t) => {
  const img: StoredImage = { name: 'x', height: 2, width: 2, data: new Uint8Array([0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0]) };
  const get = (tr: number) => {
    const out = new Float32Array(12);
    cropTransformed(img, 0, 0, 2, tr, out);
    return [0, 1, 2, 3].map((p) => Math.round(out[p * 3] * 255));
  };
  // pixels a b / c d = 0 1 / 2 3
  t.deepEqual(get(0), [0, 1, 2, 3]);
  t.deepEqual(get(4), [1, 0, 3, 2]); // mirrored left-right
  const all = new Set([0, 1, 2, 3, 4, 5, 6, 7].map((k) => get(k).join('')));
  t.is(all.size, 8);
  for (const k of [0, 1, 2, 3, 4, 5, 6, 7]) t.deepEqual([...get(k)].sort(), [0, 1, 2, 3]);
});

test('the sampler is deterministic for a seed and differs between seeds', (t) => {
  const images = [rampImage('a', 50, 60, 1), rampImage('b', 70, 40, 2)];
  const s = new PatchSampler(images, 16, defaultDegradation('restore'));
  const b1 = s.batch(4, new Prng(5)), b2 = s.batch(4, new Prng(5)), b3 = s.batch(4, new Prng(6));
  t.deepEqual(b1.input, b2.input);
  t.deepEqual(b1.target, b2.target);
  t.notDeepEqual(b1.target, b3.target);
  t.is(b1.input.length, 4 * 16 * 16 * 3);
});

test('denoise patches are target + noise of σ; deblur patches are the blurred margin crop', (t) => {
  const images = [rampImage('a', 64, 64, 3)];
  const noisy = new PatchSampler(images, 32, defaultDegradation('denoise')).batch(8, new Prng(1));
  let s2 = 0;
  for (let i = 0; i < noisy.input.length; i++) s2 += (noisy.input[i] - noisy.target[i]) ** 2;
  t.true(Math.abs(Math.sqrt(s2 / noisy.input.length) - 0.1) < 0.005);
  const deg = defaultDegradation('deblur');
  const blurred = new PatchSampler(images, 20, deg).batch(1, new Prng(9));
  // redo the draw by hand: image index, y0, x0, transform, then the blur of the 30×30 crop
  const rng = new Prng(9);
  rng.int(1);
  const y0 = rng.int(64 - 30 + 1), x0 = rng.int(64 - 30 + 1), tr = rng.int(8);
  const crop = new Float32Array(30 * 30 * 3);
  cropTransformed(images[0], y0, x0, 30, tr, crop);
  const expect = blurValid({ height: 30, width: 30, data: crop }, deg.blur!);
  t.deepEqual(blurred.input, expect.data);
  t.is(blurred.target[0], crop[(5 * 30 + 5) * 3]);
});

test('the sampler refuses images smaller than patch + margin', (t) => {
  t.throws(() => new PatchSampler([rampImage('s', 20, 20, 1)], 16, defaultDegradation('deblur')), { message: /at least 26×26/ });
});
