import test from 'ava';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createImage, createLabels, getPixel, setPixel } from '../ts/image.ts';
import { contactSheet } from '../ts/io/contact-sheet.ts';
import { decodeLabelPng, decodePng, encodeLabelPng, encodePng, readPngFile, toByte, writePng } from '../ts/io/png.ts';
import { UserError } from '../ts/util/errors.ts';

test('RGB PNG round trip: bytes are round(v·255), decoded as byte/255, RGB order kept', (t) => {
  const img = createImage(3, 4);
  for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 37 % 256) / 255;
  const back = decodePng(encodePng(img));
  t.deepEqual([back.height, back.width], [3, 4]);
  t.deepEqual([...back.data], [...img.data]);
  setPixel(img, 1, 2, [1, 0.5, 0]);
  const png = PNG.sync.read(encodePng(img));
  t.is(png.width, 4);
  t.deepEqual([...png.data.subarray((1 * 4 + 2) * 4, (1 * 4 + 2) * 4 + 4)], [255, 128, 0, 255]);
  t.deepEqual([...getPixel(decodePng(encodePng(img)), 1, 2)], [1, Math.fround(128 / 255), 0]);
});

test('values are clamped to [0, 1] and rounded to the nearest byte', (t) => {
  t.deepEqual([-0.2, 0, 0.001, 0.5, 0.998, 1, 1.7].map(toByte), [0, 0, 0, 128, 254, 255, 255]);
  const img = createImage(1, 2, [0.3, 0.6, 0.9]);
  const back = decodePng(encodePng(img));
  for (let i = 0; i < 6; i++) t.true(Math.abs(back.data[i] - img.data[i]) <= 0.5 / 255);
});

test('label PNG round trip: pixel = label·51, grey; bad values and non-PNGs are clear errors', (t) => {
  const m = createLabels(2, 3);
  m.data.set([0, 1, 2, 3, 4, 5]);
  const bytes = encodeLabelPng(m);
  const png = PNG.sync.read(bytes);
  t.deepEqual([0, 1, 2, 3, 4, 5].map((p) => png.data[p * 4]), [0, 51, 102, 153, 204, 255]);
  t.deepEqual([...decodeLabelPng(bytes).data], [0, 1, 2, 3, 4, 5]);
  m.data[0] = 6;
  t.throws(() => encodeLabelPng(m), { instanceOf: UserError, message: /label 6 × scale 51 does not fit an 8-bit mask PNG/ });
  t.deepEqual([...decodeLabelPng(encodeLabelPng(m, 10), 10).data], [6, 1, 2, 3, 4, 5]);
  t.throws(() => decodeLabelPng(encodePng(createImage(1, 1, [0.5, 0.5, 0.5]))), { message: /pixel 0 has value 128, not a multiple of the label scale 51/ });
  t.throws(() => decodePng(new Uint8Array([1, 2, 3]), 'x.png'), { instanceOf: UserError, message: /^x.png: not a readable PNG/ });
});

test('writePng writes atomically a file that reads back', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'png-'));
  try {
    const img = createImage(5, 7, [0.2, 0.4, 0.6]);
    writePng(join(dir, 'sub', 'a.png'), img);
    const back = readPngFile(join(dir, 'sub', 'a.png'));
    t.deepEqual([...getPixel(back, 4, 6)].map(toByte), [51, 102, 153]);
    t.is(readFileSync(join(dir, 'sub', 'a.png')).subarray(1, 4).toString(), 'PNG');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('contact sheet: cells of 128 px with 8-px gaps; small images zoomed by an integer, large ones shrunk', (t) => {
  const a = createImage(64, 64, [1, 0, 0]);
  const b = createImage(128, 256, [0, 1, 0]);
  const s = contactSheet([a, b, a], { columns: 2, cell: 128, gap: 8, background: [0, 0, 0] });
  t.deepEqual([s.height, s.width], [2 * 128 + 3 * 8, 2 * 128 + 3 * 8]);
  t.deepEqual([...getPixel(s, 8, 8)], [1, 0, 0]);        // a zoomed ×2 fills its cell
  t.deepEqual([...getPixel(s, 135, 135)], [1, 0, 0]);
  t.deepEqual([...getPixel(s, 8 + 31, 144)], [0, 0, 0]); // b shrunk to 64×128, centred: rows 40–103
  t.deepEqual([...getPixel(s, 8 + 32, 144)], [0, 1, 0]);
  t.deepEqual([...getPixel(s, 8 + 95, 144 + 127)], [0, 1, 0]);
  t.deepEqual([...getPixel(s, 8 + 96, 144)], [0, 0, 0]);
  t.deepEqual([...getPixel(s, 200, 200)], [0, 0, 0]);   // empty fourth cell
  t.throws(() => contactSheet([]), { message: /no images/ });
});
