import test from 'ava';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import UTIF from 'utif2';
import { readImage, decodeImage } from '../ts/io/read-image.ts';
import { encodePng } from '../ts/io/png.ts';
import { downscaleArea } from '../ts/data/downscale.ts';
import { openImageFolder, splitBySource, loadStoredImage } from '../ts/data/image-folder.ts';
import { licenceFor } from '../ts/data/debian-copyright.ts';
import { hashFileList } from '../ts/data/manifest.ts';
import { fetchPhotos } from '../ts/data/fetch-photos.ts';
import { photoSources } from '../ts/data/photo-sources.ts';
import { UserError } from '../ts/util/errors.ts';
import type { RgbImage } from '../ts/image.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'illusion-data-'));

function pattern(h: number, w: number): RgbImage {
  const data = new Float32Array(h * w * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    data[(y * w + x) * 3] = x / (w - 1); data[(y * w + x) * 3 + 1] = y / (h - 1); data[(y * w + x) * 3 + 2] = ((x + y) % 2) * 0.5;
  }
  return { height: h, width: w, data };
}

test('PNG, JPEG and TIFF decode to RgbImage with the HWC flattening', (t) => {
  const dir = tmp();
  const img = pattern(6, 9);
  const bytes = new Uint8Array(img.data.length / 3 * 4);
  for (let p = 0; p < 54; p++) { for (let c = 0; c < 3; c++) bytes[p * 4 + c] = Math.round(img.data[p * 3 + c] * 255); bytes[p * 4 + 3] = 255; }
  writeFileSync(join(dir, 'a.png'), encodePng(img));
  writeFileSync(join(dir, 'b.tif'), Buffer.from(UTIF.encodeImage(bytes, 9, 6)));
  writeFileSync(join(dir, 'c.jpg'), jpeg.encode({ data: Buffer.from(bytes), width: 9, height: 6 }, 100).data);
  for (const f of ['a.png', 'b.tif']) {
    const r = readImage(join(dir, f));
    t.deepEqual([r.height, r.width], [6, 9]);
    r.data.forEach((v, i) => t.true(Math.abs(v - Math.round(img.data[i] * 255) / 255) < 1e-7, `${f} value ${i}`));
  }
  const j = readImage(join(dir, 'c.jpg'));
  t.deepEqual([j.height, j.width], [6, 9]);
  t.true(Math.abs(j.data[(5 * 9 + 8) * 3] - 1) < 0.1 && Math.abs(j.data[0]) < 0.1);
  rmSync(dir, { recursive: true });
});

test('missing, unknown and corrupt image files are rejected with a message naming them', (t) => {
  const dir = tmp();
  t.throws(() => readImage(join(dir, 'nope.png')), { instanceOf: UserError, message: /cannot read image .*nope\.png/ });
  writeFileSync(join(dir, 'text.png'), 'hello');
  t.throws(() => readImage(join(dir, 'text.png')), { instanceOf: UserError, message: /text\.png is not a PNG, JPEG or TIFF file/ });
  const png = encodePng(pattern(8, 8));
  writeFileSync(join(dir, 'cut.png'), png.subarray(0, 40));
  t.throws(() => readImage(join(dir, 'cut.png')), { instanceOf: UserError, message: /cut\.png is a corrupt or unsupported PNG file/ });
  t.throws(() => decodeImage(new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2]), 'x.jpg'), { instanceOf: UserError, message: /x\.jpg is a corrupt or unsupported JPEG/ });
  rmSync(dir, { recursive: true });
});

test('area downscaling averages blocks and drops incomplete edges', (t) => {
  const img: RgbImage = { height: 3, width: 5, data: new Float32Array(45).map((_, i) => i) };
  const d = downscaleArea(img, 2);
  t.deepEqual([d.height, d.width], [1, 2]);
  // block (0,0): pixels 0,1,5,6 → channel 0 values 0,3,15,18
  t.is(d.data[0], (0 + 3 + 15 + 18) / 4);
  t.is(d.data[3], (6 + 9 + 21 + 24) / 4);
  t.throws(() => downscaleArea(img, 0), { instanceOf: RangeError });
});

test('the split by source image is seeded, disjoint and complete', (t) => {
  const files = Array.from({ length: 20 }, (_, i) => `img${i}.png`);
  const a = splitBySource(files, 1), b = splitBySource([...files].reverse(), 1), c = splitBySource(files, 2);
  t.deepEqual(a, b);
  t.notDeepEqual(a.validation, c.validation);
  t.is(a.validation.length, 2);
  t.deepEqual([...a.train, ...a.validation].sort(), [...files].sort());
  t.is(new Set([...a.train, ...a.validation]).size, 20);
  t.throws(() => splitBySource(['one.png'], 1), { instanceOf: UserError, message: /at least 2 images/ });
});

test('an image folder without manifest is hashed by content; bad folders are refused', (t) => {
  const dir = tmp();
  t.throws(() => openImageFolder(join(dir, 'missing')), { instanceOf: UserError, message: /does not exist/ });
  t.throws(() => openImageFolder(dir), { instanceOf: UserError, message: /holds no PNG, JPEG or TIFF files/ });
  writeFileSync(join(dir, 'a.png'), encodePng(pattern(8, 8)));
  writeFileSync(join(dir, 'b.png'), encodePng(pattern(9, 8)));
  const f = openImageFolder(dir);
  t.deepEqual(f.files, ['a.png', 'b.png']);
  t.false(f.fromManifest);
  writeFileSync(join(dir, 'b.png'), encodePng(pattern(10, 8)));
  t.not(openImageFolder(dir).hash, f.hash);
  const s = loadStoredImage(dir, 'a.png');
  t.is(s.data[(7 * 8 + 7) * 3], 255);
  writeFileSync(join(dir, 'manifest.json'), '{oops');
  t.throws(() => openImageFolder(dir), { instanceOf: UserError, message: /manifest.*is not valid JSON/ });
  rmSync(dir, { recursive: true });
});

test('the manifest hash depends on the files, not their order', (t) => {
  const a = [{ file: 'x', sha256: '1' }, { file: 'y', sha256: '2' }];
  t.is(hashFileList(a), hashFileList([...a].reverse()));
  t.not(hashFileList(a), hashFileList([{ file: 'x', sha256: '1' }, { file: 'y', sha256: '3' }]));
});

test('licences are read from machine-readable Debian copyright files', (t) => {
  const dep5 = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: me\nLicense: GPL-2+\n\n' +
    'Files: wallpapers/fog.jpg\n wallpapers/drop.png\nCopyright: you\nLicense: CC-BY-SA-4.0\n\nLicense: GPL-2+\n text\n';
  t.is(licenceFor(dep5, 'usr/share/lxqt/wallpapers/fog.jpg'), 'CC-BY-SA-4.0');
  t.is(licenceFor(dep5, 'usr/share/lxqt/wallpapers/drop.png'), 'CC-BY-SA-4.0');
  t.is(licenceFor(dep5, 'usr/share/lxqt/wallpapers/other.png'), 'GPL-2+');
});

const hasApt = (() => { try { execFileSync('apt-get', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();

(hasApt ? test : test.skip)('data fetch provisions a package\'s photos with a manifest and is idempotent (needs apt-get and the Debian mirror)', (t) => {
  const dir = tmp();
  const sources = photoSources.filter((s) => s.package === 'palapeli-data');
  const lines: string[] = [];
  const m = fetchPhotos({ dir, sources, log: (l) => lines.push(l) });
  t.is(m.photos.length, 5);
  const p = m.photos[0];
  t.regex(p.file, /^palapeli-data__.*\.png$/);
  t.regex(p.version, /^\d/);
  t.is(p.downscale, 2);
  t.regex(p.sha256, /^[0-9a-f]{64}$/);
  t.is(p.bytes, readFileSync(join(dir, p.file)).length);
  t.truthy(p.licence.length);
  const img = readImage(join(dir, p.file));
  t.deepEqual([img.height, img.width], [p.height, p.width]);
  t.true(readFileSync(join(dir, 'licences', 'palapeli-data.copyright'), 'utf8').length > 100);
  const again = fetchPhotos({ dir, sources, log: (l) => lines.push(l) });
  t.deepEqual(again.photos, m.photos);
  t.regex(lines[lines.length - 1], /5 photos present, skipped/);
  rmSync(dir, { recursive: true });
});
if (!hasApt) console.log('data.test: apt-get not available: skipping the data fetch test');
