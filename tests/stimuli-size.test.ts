import test from 'ava';
import { getPixel } from '../ts/image.ts';
import {
  lengthPx, maskStatistics, pasteCentred, resolveSize, sbcGrey, whitesGrey, dungeonGrey, StimulusError,
} from '../ts/stimuli/index.ts';
import { UserError } from '../ts/util/errors.ts';

test('any two of shape, visualSize and ppd give the third', (t) => {
  t.deepEqual(resolveSize('s', { visualSize: [2, 4], ppd: 32 }, [1, 1]), { shape: [64, 128], ppd: 32, visualSize: [2, 4] });
  t.deepEqual(resolveSize('s', { shape: [64, 128], ppd: 32 }, [1, 1]), { shape: [64, 128], ppd: 32, visualSize: [2, 4] });
  t.deepEqual(resolveSize('s', { shape: [64, 128], visualSize: [2, 4] }, [1, 1]), { shape: [64, 128], ppd: 32, visualSize: [2, 4] });
  t.deepEqual(resolveSize('s', { shape: 128, visualSize: 2, ppd: 64 }, [1, 1]), { shape: [128, 128], ppd: 64, visualSize: [2, 2] });
  t.deepEqual(resolveSize('s', {}, [128, 192]), { shape: [128, 192] });
  t.deepEqual(resolveSize('s', { ppd: 64 }, [128, 192]), { shape: [128, 192], ppd: 64, visualSize: [2, 3] });
});

test('degrees ↔ pixels round trips', (t) => {
  for (const ppd of [10, 31.5, 64]) {
    for (const deg of [0.5, 1.25, 3]) {
      const { shape } = resolveSize('s', { visualSize: [deg, 2 * deg], ppd }, [1, 1]);
      const back = resolveSize('s', { shape, ppd }, [1, 1]);
      t.true(Math.abs(back.visualSize![0] - deg) <= 0.5 / ppd + 1e-12 && Math.abs(back.visualSize![1] - 2 * deg) <= 0.5 / ppd + 1e-12);
      t.deepEqual(resolveSize('s', { shape, ppd }, [1, 1]).shape, shape);
    }
  }
  t.is(lengthPx('s', 'len', { deg: 0.5 }, 64), 32);
  t.is(lengthPx('s', 'len', 12.4, undefined), 12);
  // a stimulus sized in degrees: SBC of 2×4 deg at 32 ppd with targets of 1 deg
  const s = sbcGrey({ visualSize: [2, 4], ppd: 32, targetSize: { deg: 1 } });
  t.deepEqual([s.images[0].height, s.images[0].width], [64, 128]);
  t.like(s.params, { shape: [64, 128], ppd: 32, visualSize: [2, 4], targetSize: 32 });
  t.is(maskStatistics(s.masks[0])[0].pixels, 32 * 32);
});

test('inconsistent or incomplete sizes are rejected with a clear message', (t) => {
  const e = t.throws(() => resolveSize('whites-grey', { shape: [128, 128], visualSize: [2, 2], ppd: 32 }, [1, 1]));
  t.true(e instanceof StimulusError && e instanceof UserError);
  t.is(e!.message, 'whites-grey: inconsistent size: shape 128×128 px but visualSize 2×2 deg at 32 ppd is 64×64 px');
  t.throws(() => resolveSize('s', { shape: [128, 128], visualSize: [2, 4] }, [1, 1]), { message: /give different ppd \(64 vertically, 32 horizontally\)/ });
  t.throws(() => resolveSize('s', { visualSize: 2 }, [1, 1]), { message: /visualSize in degrees needs ppd or shape/ });
  t.throws(() => resolveSize('s', { shape: [0, 128] }, [1, 1]), { message: /shape must be positive, got \[0,128\]/ });
  t.throws(() => resolveSize('s', { shape: [-5, 128] }, [1, 1]), { message: /shape must be positive/ });
  t.throws(() => resolveSize('s', { shape: [12.5, 128] }, [1, 1]), { message: /shape must be whole pixels/ });
  t.throws(() => resolveSize('s', { ppd: 0 }, [1, 1]), { message: /ppd must be a positive number, got 0/ });
  t.throws(() => resolveSize('s', { visualSize: 0.001, ppd: 10 }, [1, 1]), { message: /less than one pixel/ });
  t.throws(() => lengthPx('s', 'targetSize', { deg: 1 }, undefined), { message: /targetSize is given in degrees but no ppd is known/ });
  t.throws(() => lengthPx('s', 'targetSize', 0.2, undefined), { message: /targetSize = 0.2 is 0 px, must be at least 1 px/ });
  t.throws(() => lengthPx('s', 'targetSize', -3, undefined), { message: /is -3 px/ });
  t.throws(() => whitesGrey({ shape: [128, 128], ppd: 64, visualSize: [1, 1] }), { message: /^whites-grey: inconsistent size/ });
});

test('pasteCentred: the stimulus and its masks land at floor((H−h)/2), floor((W−w)/2) on the background', (t) => {
  const s = dungeonGrey();
  const p = pasteCentred(s, { shape: 256, background: 0.5 });
  t.is(p.images.length, 2);
  t.deepEqual(p.params.canvas, { shape: [256, 256], background: [0.5, 0.5, 0.5], offset: [64, 64] });
  t.deepEqual([...getPixel(p.images[0], 0, 0)], [0.5, 0.5, 0.5]);
  t.deepEqual([...getPixel(p.images[0], 64 + 3, 64 + 3)], [...getPixel(s.images[0], 3, 3)]);
  t.deepEqual([...getPixel(p.images[1], 64 + 127, 64 + 127)], [...getPixel(s.images[1], 127, 127)]);
  t.deepEqual([...getPixel(p.images[0], 64 + 128, 64)], [0.5, 0.5, 0.5]);
  const st = maskStatistics(p.masks[0])[0];
  t.deepEqual(st, { label: 1, pixels: 36 * 36, rows: [102, 153], cols: [102, 153] });
  const odd = pasteCentred(sbcGrey(), { shape: [131, 300], background: [0, 0, 1] });
  t.deepEqual(odd.params.canvas, { shape: [131, 300], background: [0, 0, 1], offset: [1, 22] });
  t.throws(() => pasteCentred(s, { shape: 100, background: 0 }), { message: /a 128×128 stimulus does not fit a 100×100 canvas/ });
  t.throws(() => pasteCentred(s, { shape: 256, background: 1.5 }), { message: /background must be three RGB values in \[0, 1\]/ });
});
