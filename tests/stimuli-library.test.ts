import test from 'ava';
import { getPixel, meanOverLabel, type RgbImage } from '../ts/image.ts';
import {
  benary, checkerShadow, cornsweet, machBands, maskStatistics, munkerWhite, sbcColour, sbcGrey, stimulusCatalogue,
  todorovic, makeStimulus,
} from '../ts/stimuli/index.ts';

const px = (img: RgbImage, y: number, x: number) => [...getPixel(img, y, x)].map((v) => Math.round(v * 1e6) / 1e6);
const f = Math.fround;

test('simultaneous contrast: black | white halves, 32-px grey targets centred in each; contrast directions', (t) => {
  const s = sbcGrey();
  const [img] = s.images;
  t.deepEqual(maskStatistics(s.masks[0]), [
    { label: 1, pixels: 1024, rows: [48, 79], cols: [48, 79] },
    { label: 2, pixels: 1024, rows: [48, 79], cols: [176, 207] },
  ]);
  t.deepEqual(px(img, 0, 0), [0, 0, 0]);
  t.deepEqual(px(img, 0, 255), [1, 1, 1]);
  t.deepEqual(px(img, 60, 60), [0.5, 0.5, 0.5]);
  t.deepEqual(px(img, 60, 190), [0.5, 0.5, 0.5]);
  t.deepEqual(s.human!.direction, { 1: [0.5, 0.5, 0.5], 2: [-0.5, -0.5, -0.5] });
  const c = sbcColour();
  t.deepEqual(c.human!.direction[1], [-0.5, 0.5, 0.5]); // grey on red looks cyan-ish
  t.throws(() => sbcGrey({ targetSize: 140 }), { message: /sbc-grey: target 1 .* lies outside the 128×128 canvas/ });
});

test('Mach bands: plateaus 0.2 and 0.8, a 32-px ramp at columns 48–79, band masks beside it', (t) => {
  const s = machBands();
  const [img] = s.images;
  t.deepEqual(s.params.rampCols, [48, 79]);
  t.deepEqual(px(img, 5, 47), [0.2, 0.2, 0.2]);
  t.deepEqual(px(img, 5, 80), [0.8, 0.8, 0.8]);
  t.is(getPixel(img, 5, 48)[0], f(0.2 + 0.6 / 33));
  t.is(getPixel(img, 5, 79)[0], f(0.2 + 0.6 * 32 / 33));
  t.deepEqual(maskStatistics(s.masks[0]), [
    { label: 1, pixels: 512, rows: [0, 127], cols: [44, 47] },
    { label: 2, pixels: 512, rows: [0, 127], cols: [80, 83] },
  ]);
  t.true(s.human!.direction[1]![0] < 0 && s.human!.direction[2]![0] > 0);
  t.throws(() => machBands({ rampWidth: 124 }), { message: /does not fit a canvas 128 px wide/ });
});

test("Todorović: targets 40 px with 24-px covers of the other half's colour on each corner", (t) => {
  const s = todorovic();
  const [img] = s.images;
  t.deepEqual(maskStatistics(s.masks[0]).map((x) => x.pixels), [1600 - 4 * 144, 1600 - 4 * 144]);
  t.deepEqual(px(img, 44, 44), [1, 1, 1]);   // cover on the left target's corner: white
  t.deepEqual(px(img, 44, 172), [0, 0, 0]);  // cover on the right target's corner: black
  t.deepEqual(px(img, 64, 64), [0.5, 0.5, 0.5]);
  t.deepEqual(px(img, 56, 56), [0.5, 0.5, 0.5]);
  t.deepEqual(px(img, 5, 5), [0, 0, 0]);
  t.deepEqual(px(img, 5, 250), [1, 1, 1]);
  t.true(meanOverLabel(img, s.masks[0], 1)[0] === f(0.5) && meanOverLabel(img, s.masks[0], 2)[0] === f(0.5));
  t.true(s.human!.direction[1]![0] > 0);
  t.throws(() => todorovic({ coverSize: 40 }), { message: /coverSize 40 px must be smaller than targetSize 40 px/ });
});

test("Benary's cross: corner triangle of 136 px on white, arm triangle of 121 px in black", (t) => {
  const s = benary();
  const [img] = s.images;
  const st = maskStatistics(s.masks[0]);
  t.deepEqual(st[0], { label: 1, pixels: 136, rows: [34, 49], cols: [34, 49] });
  t.deepEqual(st[1], { label: 2, pixels: 121, rows: [50, 60], cols: [86, 106] });
  t.deepEqual(px(img, 49, 49), [0.5, 0.5, 0.5]);
  t.deepEqual(px(img, 50, 50), [0, 0, 0]);   // the cross's centre
  t.deepEqual(px(img, 61, 96), [0, 0, 0]);   // below the arm triangle: still the cross
  t.deepEqual(px(img, 49, 96), [1, 1, 1]);   // above the arm: background
  t.deepEqual(px(img, 10, 10), [1, 1, 1]);
  t.true(s.human!.direction[1]![0] < 0 && s.human!.direction[2]![0] > 0);
  t.throws(() => benary({ targetSize: 40 }), { message: /targetSize 40 px does not fit arms 36 px long and 28 px thick/ });
  t.throws(() => benary({ extent: 140 }), { message: /cross .* lies outside the 128×128 canvas/ });
});

test('Munker–White: red tests between yellow (looks orange) and between blue (looks purple) bars', (t) => {
  const s = munkerWhite();
  t.like(s.params, { barWidth: 8, testBars: [4, 11], testRows: [48, 79] });
  t.deepEqual(px(s.images[0], 60, 35), [1, 0, 0]);
  t.deepEqual(px(s.images[0], 60, 41), [1, 1, 0]);
  t.deepEqual(px(s.images[0], 40, 35), [0, 0, 1]);
  t.deepEqual(s.human!.direction, { 1: [0, 1, 0], 2: [-1, 0, 1] });
  t.is(s.name, 'munker-white');
});

test('checker shadow: lit dark check A and shadowed light check B have the same value 0.4', (t) => {
  const s = checkerShadow();
  const [img] = s.images, [m] = s.masks;
  t.deepEqual(maskStatistics(m), [
    { label: 1, pixels: 256, rows: [48, 63], cols: [32, 47] },
    { label: 2, pixels: 256, rows: [80, 95], cols: [80, 95] },
  ]);
  for (const label of [1, 2]) {
    const mean = meanOverLabel(img, m, label);
    t.deepEqual([...mean].map((v) => Math.round(v * 1e6) / 1e6), [0.4, 0.4, 0.4]);
  }
  t.deepEqual(px(img, 0, 0), [0.8, 0.8, 0.8]);
  t.deepEqual(px(img, 0, 16), [0.4, 0.4, 0.4]);
  t.deepEqual(px(img, 88, 72), [0.2, 0.2, 0.2]); // dark check next to B, in the umbra
  t.true(s.human!.direction[2]![0] > 0 && s.human!.direction[1]![0] < 0);
  t.throws(() => checkerShadow({ testB: [4, 5] }), { message: /testB \[4, 5\] must be a light check/ });
  t.throws(() => checkerShadow({ shadowRadius: 5 }), { message: /shadowRadius 5 px does not cover test B's check/ });
  t.throws(() => checkerShadow({ testA: [5, 4] }), { message: /the shadow reaches test A's check/ });
  t.throws(() => checkerShadow({ testA: [9, 0] }), { message: /testA \[9, 0\] is not a check of the 8×8 board/ });
});

test('Cornsweet: equal plateaus of 0.5, 0.3 | 0.7 at the edge, decaying over 24 px', (t) => {
  const s = cornsweet();
  const [img] = s.images;
  t.deepEqual(px(img, 9, 39), [0.5, 0.5, 0.5]);
  t.is(getPixel(img, 9, 63)[0], f(0.3));
  t.is(getPixel(img, 9, 64)[0], f(0.7));
  t.is(getPixel(img, 9, 40)[0], f(0.5 - 0.2 / 576));
  t.deepEqual(px(img, 9, 88), [0.5, 0.5, 0.5]);
  t.deepEqual(maskStatistics(s.masks[0]), [
    { label: 1, pixels: 40 * 128, rows: [0, 127], cols: [0, 39] },
    { label: 2, pixels: 40 * 128, rows: [0, 127], cols: [88, 127] },
  ]);
  t.throws(() => cornsweet({ amplitude: 0.6 }), { message: /plateau ± amplitude 0.6 leaves \[0, 1\]/ });
  t.throws(() => cornsweet({ rampWidth: 64 }), { message: /rampWidth 64 px leaves no plateau/ });
});

test('catalogue: every entry makes a stimulus with its name, family, one mask per image, labels present', (t) => {
  for (const [name, e] of Object.entries(stimulusCatalogue)) {
    const s = e.make();
    t.is(s.name, name);
    t.is(s.family, e.family);
    t.is(s.variant, e.variant);
    t.is(s.masks.length, s.images.length);
    s.images.forEach((img, k) => {
      t.deepEqual([s.masks[k].height, s.masks[k].width], [img.height, img.width]);
      t.true(img.data.every((v) => v >= 0 && v <= 1), `${name}: values in [0, 1]`);
      t.true(maskStatistics(s.masks[k]).length >= 1, `${name}: a test region`);
    });
    t.notThrows(() => JSON.stringify(s.params));
  }
  t.throws(() => makeStimulus('whites'), { message: /unknown stimulus "whites"; valid names: whites-grey, whites-colour, / });
});
