import test from 'ava';
import { getPixel, meanOverLabel, type LabelImage, type Rgb, type RgbImage } from '../ts/image.ts';
import {
  chevreulColour, chevreulGrey, chevreulReversedGrey, dungeon, dungeonColour, dungeonGrey, gradientColour,
  gradientGrey, maskStatistics, ringsColour, ringsGrey, stimulusCatalogue, studyStimuli, whites, whitesColour,
  whitesGrey, StimulusError, type Stimulus,
} from '../ts/stimuli/index.ts';

const px = (img: RgbImage, y: number, x: number): number[] => [...getPixel(img, y, x)].map((v) => Math.round(v * 1e6) / 1e6);
const at = (m: LabelImage, y: number, x: number) => m.data[y * m.width + x];
const stats = (m: LabelImage) => Object.fromEntries(maskStatistics(m).map((s) => [s.label, s]));
const dot = (a: Rgb, b: Rgb) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** the set of distinct colours of the pixels with a given label */
function coloursOver(img: RgbImage, m: LabelImage, label: number): string[] {
  const set = new Set<string>();
  for (let p = 0; p < m.data.length; p++) if (m.data[p] === label) set.add([...img.data.subarray(p * 3, p * 3 + 3)].join(','));
  return [...set];
}

/** a colour as stored in a Float32Array, for comparison with coloursOver */
function f32(c: readonly number[]): string {
  return c.map(Math.fround).join(',');
}

test("White's grey f=.03: bars of 4 px, tests at rows 56–71, cols 32–35 and 84–87", (t) => {
  const s = whitesGrey({ f: 0.03 });
  const [img] = s.images, [m] = s.masks;
  t.deepEqual([img.height, img.width], [128, 128]);
  t.like(s.params, { barWidth: 4, bars: 32, testBars: [8, 21], testRows: [56, 71], testCols: [[32, 35], [84, 87]] });
  const st = stats(m);
  t.deepEqual(st[1], { label: 1, pixels: 64, rows: [56, 71], cols: [32, 35] });
  t.deepEqual(st[2], { label: 2, pixels: 64, rows: [56, 71], cols: [84, 87] });
  t.is(maskStatistics(m).length, 2);
  // bars: columns 0–3 white (even bar 0), 4–7 black (odd bar 1); the test bars keep their colour above/below
  t.deepEqual(px(img, 0, 0), [1, 1, 1]);
  t.deepEqual(px(img, 0, 4), [0, 0, 0]);
  t.deepEqual(px(img, 55, 32), [1, 1, 1]);
  t.deepEqual(px(img, 72, 84), [0, 0, 0]);
  t.deepEqual(px(img, 56, 32), [0.5, 0.5, 0.5]);
  t.deepEqual(px(img, 71, 87), [0.5, 0.5, 0.5]);
  t.deepEqual(px(img, 64, 36), [0, 0, 0]);
  t.deepEqual(px(img, 64, 83), [1, 1, 1]);
  t.deepEqual(px(img, 127, 127), [0, 0, 0]); // column 127 is in bar 31 (odd)
});

test("White's at every study frequency: bar width round(128f), tests inside the canvas on the right bars", (t) => {
  const expected: Record<number, [number, number, number]> = { 0.05: [6, 6, 15], 0.07: [9, 4, 9], 0.09: [12, 4, 7], 0.12: [15, 4, 7], 0.15: [19, 2, 5] };
  for (const [f, [w, a, b]] of Object.entries(expected)) {
    const s = whitesGrey({ f: Number(f) });
    t.like(s.params, { barWidth: w, testBars: [a, b] }, `f=${f}`);
    const st = stats(s.masks[0]);
    t.is(st[1].pixels, 4 * w * w);
    t.deepEqual(st[1].cols, [a * w, a * w + w - 1]);
    t.deepEqual(st[2].cols, [b * w, b * w + w - 1]);
    t.is(st[1].rows[0], 64 - 2 * w);
  }
});

test("White's colour: red / yellow bars, orange tests; human directions point to the flanking bars", (t) => {
  const s = whitesColour();
  const [img] = s.images;
  t.deepEqual(px(img, 0, 0), [1, 0, 0]);
  t.deepEqual(px(img, 0, 4), [1, 1, 0]);
  t.deepEqual(px(img, 60, 33), [1, 0.5, 0]);
  t.deepEqual(s.human!.direction[1], [0, 0.5, 0]);   // on red, flanked by yellow: toward yellow
  t.deepEqual(s.human!.direction[2], [0, -0.5, 0]);  // on yellow, flanked by red: toward red
  const g = whitesGrey();
  t.true(dot(g.human!.direction[2]!, [1, 1, 1]) > 0, 'test on the dark bar looks lighter');
  t.true(dot(g.human!.direction[1]!, [1, 1, 1]) < 0, 'test on the light bar looks darker');
  t.is(g.human!.kind, 'assimilation');
});

test("White's re-rendered with another test colour changes only the test pixels", (t) => {
  const a = whitesGrey(), b = whitesGrey({ test: [0.6, 0.6, 0.6] });
  const m = a.masks[0];
  for (let p = 0; p < m.data.length; p++) {
    for (let c = 0; c < 3; c++) {
      const va = a.images[0].data[p * 3 + c], vb = b.images[0].data[p * 3 + c];
      if (m.data[p] === 0) { if (va !== vb) return t.fail(`pixel ${p} changed`); }
      else if (Math.abs(vb - 0.6) > 1e-7) return t.fail(`test pixel ${p} is ${vb}`);
    }
  }
  t.pass();
});

test("White's rejects frequencies with no bars, tests off the canvas, bad colours", (t) => {
  t.throws(() => whitesGrey({ f: 0 }), { instanceOf: StimulusError, message: /f must be a positive number, got 0/ });
  t.throws(() => whitesGrey({ f: -0.1 }), { message: /f must be a positive number/ });
  t.throws(() => whitesGrey({ f: 0.003 }), { message: /bars of width round\(128·0.003\) = 0 px: no bars/ });
  t.throws(() => whitesGrey({ f: 1.2 }), { message: /one bar of width 154 px on a 128 px canvas: no grating/ });
  t.throws(() => whitesGrey({ f: 0.3, testHeightBars: 1 }), { message: /test 2 \(bar 3\) \(rows .*, cols 114–151\) lies outside the 128×128 canvas/ });
  t.throws(() => whitesGrey({ f: 0.15, testHeightBars: 7 }), { message: /test 1 .* lies outside/ });
  t.throws(() => whitesGrey({ test: [0.5, 2, 0.5] }), { message: /test must be three RGB values in \[0, 1\]/ });
  t.throws(() => whitesGrey({ testPositions: [0.2, 1.5] }), { message: /testPositions\[1\] must be in \[0, 1\]/ });
  t.throws(() => whitesGrey({ testHeightBars: 0 }), { message: /testHeightBars must be a positive whole number/ });
});

test('Dungeon f=.05: period 6, lines 2, square rows/cols 38–89; test = the cells inside the square', (t) => {
  const s = dungeonGrey({ f: 0.05 });
  t.like(s.params, { period: 6, lineWidth: 2, squareSide: 52, h: 0.4, squareRows: [38, 89], squareCols: [38, 89] });
  const [a, b] = s.images, [ma, mb] = s.masks;
  // rows/cols 38..89 with y mod 6 >= 2: 38–41, 44–47, …, 86–89 → 9 runs of 4 = 36 rows (and the same columns)
  t.deepEqual(stats(ma)[1], { label: 1, pixels: 36 * 36, rows: [38, 89], cols: [38, 89] });
  t.deepEqual(stats(mb)[2], { label: 2, pixels: 36 * 36, rows: [38, 89], cols: [38, 89] });
  t.is(maskStatistics(ma).length, 1);
  t.is(maskStatistics(mb).length, 1);
  t.deepEqual(px(a, 0, 0), [0, 0, 0]);         // line (row 0)
  t.deepEqual(px(a, 3, 3), [1, 1, 1]);         // background cell
  t.deepEqual(px(a, 38, 38), [0.5, 0.5, 0.5]); // test cell
  t.deepEqual(px(a, 42, 40), [0, 0, 0]);       // a line crossing the square
  t.deepEqual(px(b, 3, 3), [0, 0, 0]);
  t.deepEqual(px(b, 42, 40), [1, 1, 1]);
  t.deepEqual(px(a, 40, 34), [1, 1, 1]);       // a cell just outside the square: background
  t.deepEqual(coloursOver(a, ma, 1), [f32([0.5, 0.5, 0.5])]);
});

test('Dungeon h switches to 0.45 from f = .12; period 15, lines 5', (t) => {
  const s = dungeonGrey({ f: 0.12 });
  t.like(s.params, { period: 15, lineWidth: 5, h: 0.45, squareSide: 58, squareRows: [35, 92] });
  t.is(dungeonGrey({ f: 0.09 }).params.h, 0.4);
});

test('A/B pairs: identical test pixels, swapped inducers, same mask geometry (Dungeon and rings, grey and colour)', (t) => {
  for (const s of [dungeonGrey(), dungeonColour(), ringsGrey(), ringsColour(), ringsGrey({ f: 0.03 }), dungeon({ f: 0.09 }, 'colour')]) {
    const [a, b] = s.images, [ma, mb] = s.masks;
    const { ind1, ind2, test: tc } = s.params as { ind1: Rgb; ind2: Rgb; test: Rgb };
    t.deepEqual([...ma.data].map((v) => v * 2), [...mb.data], `${s.name}: B's mask is A's with label 2`);
    t.deepEqual(coloursOver(a, ma, 1), [f32(tc)]);
    t.deepEqual(coloursOver(b, mb, 2), [f32(tc)]);
    const swap = (c: string) => (c === f32(ind1) ? f32(ind2) : c === f32(ind2) ? f32(ind1) : c);
    let swapped = true;
    for (let p = 0; p < ma.data.length && swapped; p++) {
      if (ma.data[p] !== 0) continue;
      const ca = [...a.data.subarray(p * 3, p * 3 + 3)].join(','), cb = [...b.data.subarray(p * 3, p * 3 + 3)].join(',');
      if (swap(ca) !== cb) swapped = false;
    }
    t.true(swapped, `${s.name}: inducers swapped`);
  }
});

test('Dungeon colour: azure background, magenta lines in A; human direction = toward the lines (cf. the slides)', (t) => {
  const s = dungeonColour();
  t.deepEqual(px(s.images[0], 3, 3), [0, 0.58, 1]);
  t.deepEqual(px(s.images[0], 0, 0), [1, 0, 1]);
  t.deepEqual(px(s.images[0], 40, 40), [0.58, 1, 0]);
  // slides, shallow denoiser: Out-L ≈ (0.77,0.38,0.47), Out-R ≈ (0.27,0.76,0.51) from input (0.58,1,0)
  const shiftA: Rgb = [0.77 - 0.58, 0.38 - 1, 0.47], shiftB: Rgb = [0.27 - 0.58, 0.76 - 1, 0.51];
  t.true(dot(shiftA, s.human!.direction[1]!) > 0);
  t.true(dot(shiftB, s.human!.direction[2]!) > 0);
  t.true(dot(shiftA, s.human!.direction[2]!) < dot(shiftA, s.human!.direction[1]!));
});

test('Dungeon rejects grids with no lines and empty squares', (t) => {
  t.throws(() => dungeonGrey({ f: 0.005 }), { message: /grid period of 1 px and lines of 0 px: no grid/ });
  t.throws(() => dungeonGrey({ h: 0 }), { message: /h = 0 gives an empty test square/ });
  t.throws(() => dungeonGrey({ h: 1.2 }), { message: /h must be in \[0, 1\]/ });
  t.throws(() => dungeonGrey({ f: 0.164, h: 0.016 }), { message: /test square \(side 2 px\) holds no grid cell/ });
});

test('Hong–Shevell rings f=.1: spacing 4.5, 8 rings of radii 45 40 36 31 27 22 18 13, disc 9, test ring 4', (t) => {
  const s = ringsGrey({ f: 0.1 });
  t.like(s.params, { spacing: 4.5, rings: 8, radii: [45, 40, 36, 31, 27, 22, 18, 13, 9], testRing: 4, testRadii: [22, 27], centre: [64, 64] });
  const [a] = s.images, [m] = s.masks;
  // test annulus 22 ≤ d < 27 around (64, 64): count the lattice points directly
  let n = 0;
  for (let y = 0; y < 128; y++) for (let x = 0; x < 128; x++) { const d2 = (y - 64) ** 2 + (x - 64) ** 2; if (d2 >= 22 * 22 && d2 < 27 * 27) n++; }
  t.is(stats(m)[1].pixels, n);
  t.is(n, 772);
  t.deepEqual(stats(m)[1].rows, [38, 90]);
  t.deepEqual(px(a, 64, 64 + 25), [0.5, 0.5, 0.5]); // in the test ring
  t.deepEqual(px(a, 64, 64 + 20), [0, 0, 0]);       // ring 5 (odd → ind2)
  t.deepEqual(px(a, 64, 64 + 30), [0, 0, 0]);       // ring 3 (odd → ind2): both flanks black
  t.deepEqual(px(a, 64, 64 + 44), [1, 1, 1]);       // ring 0 (ind1)
  t.deepEqual(px(a, 64, 64), [1, 1, 1]);            // inner disc, index 8 (even → ind1)
  t.deepEqual(px(a, 64, 64 + 45), [0.5, 0.5, 0.5]); // background outside (d = 45 is not < 45)
  t.deepEqual(s.human!.direction[1], [-0.5, -0.5, -0.5]); // toward the black flanks
  t.deepEqual(s.human!.direction[2], [0.5, 0.5, 0.5]);
});

test('rings f=.03 (s=1.35) has 26 distinct rings; too fine or too coarse frequencies are rejected', (t) => {
  const s = ringsGrey({ f: 0.03 });
  t.is(s.params.rings, 26);
  t.is((s.params.radii as number[]).length, 27);
  t.throws(() => ringsGrey({ f: 0.02 }), { message: /rings thinner than 1 px/ });
  t.throws(() => ringsGrey({ f: 0.5 }), { message: /1 ring\(s\): need at least 2/ });
  t.throws(() => ringsGrey({ shape: 64 }), { message: /outer radius 45 centred \(32, 32\) lie outside the 64×64 canvas/ });
  t.throws(() => ringsGrey({ innerRadius: 50 }), { message: /innerRadius 50 must be smaller than outerRadius 45/ });
});

test('gradient grey: 128×192 ramp 0→1, four 0.5 discs labelled by side; contrast directions', (t) => {
  const s = gradientGrey({ r: 5 });
  const [img] = s.images, [m] = s.masks;
  t.deepEqual([img.height, img.width], [128, 192]);
  t.deepEqual(px(img, 0, 0), [0, 0, 0]);
  t.deepEqual(px(img, 0, 191), [1, 1, 1]);
  t.is(getPixel(img, 5, 100)[0], Math.fround(100 / 191));
  t.deepEqual(px(img, 21, 21), [0.5, 0.5, 0.5]);
  t.is(at(m, 21, 21), 1); t.is(at(m, 106, 21), 1); t.is(at(m, 21, 149), 2); t.is(at(m, 106, 149), 2);
  // a disc of radius 5 holds the 69 lattice points with d² < 25; two discs per label
  t.is(stats(m)[1].pixels, 2 * 69);
  t.is(stats(m)[2].pixels, 2 * 69);
  t.deepEqual(stats(m)[1].rows, [17, 110]);
  t.true(s.human!.direction[1]![0] > 0, 'dark end: looks lighter');
  t.true(s.human!.direction[2]![0] < 0, 'light end: looks darker');
  t.is(stats(gradientGrey({ r: 1 }).masks[0])[1].pixels, 2 * 1);
  t.is(stats(gradientGrey({ r: 12 }).masks[0])[2].pixels, 2 * 437);
  t.throws(() => gradientGrey({ r: 22 }), { message: /disc of radius 22 at \(x, y\) = \(21, 21\) lies outside the 128×192 canvas/ });
  t.throws(() => gradientGrey({ r: 0 }), { message: /r must be a positive number, got 0/ });
});

test('gradient colour: R=(c+1)/128, G=(127−c)/128; five discs, centre disc label 3; red side looks greener', (t) => {
  const s = gradientColour();
  const [img] = s.images, [m] = s.masks;
  for (const c of [0, 1, 63, 100, 127]) {
    const [r, g, b] = getPixel(img, 0, c);
    t.true(Math.abs(r - (c + 1) / 128) < 1e-6 && Math.abs(g - (127 - c) / 128) < 1e-6 && b === 0, `column ${c}`);
  }
  t.is(at(m, 64, 64), 3); t.is(at(m, 21, 21), 1); t.is(at(m, 106, 21), 1); t.is(at(m, 21, 106), 2); t.is(at(m, 106, 106), 2);
  t.deepEqual(coloursOver(img, m, 3), [f32([0.5, 0.5, 0])]);
  t.is(s.human!.direction[3], undefined);
  const [dr, dg, db] = s.human!.direction[2]!;
  t.true(dr < 0 && dg > 0 && db === 0, 'disc on the red side shifts toward green');
  const [gr, gg] = s.human!.direction[1]!;
  t.true(gr > 0 && gg < 0, 'disc on the green side shifts toward red');
});

test('Chevreul: h=.5 square 64 px at 32–95, five steps 0.3..0.7 labelled 1..5; reversed runs against the ramp', (t) => {
  const s = chevreulGrey({ h: 0.5 });
  const [img] = s.images, [m] = s.masks;
  t.like(s.params, { squareSide: 64, squareRows: [32, 95], stepCols: [[32, 44], [45, 57], [58, 70], [71, 83], [84, 95]] });
  const st = maskStatistics(m);
  t.deepEqual(st.map((x) => x.label), [1, 2, 3, 4, 5]);
  t.deepEqual(st.map((x) => x.pixels), [13, 13, 13, 13, 12].map((w) => w * 64));
  [0.3, 0.4, 0.5, 0.6, 0.7].forEach((v, k) => t.deepEqual(coloursOver(img, m, k + 1), [f32([v, v, v])]));
  t.deepEqual(px(img, 10, 127), [1, 1, 1]);
  t.deepEqual(px(img, 40, 0), [0, 0, 0]);
  const r = chevreulReversedGrey({ h: 0.5 });
  [0.7, 0.6, 0.5, 0.4, 0.3].forEach((v, k) => t.true(Math.abs(meanOverLabel(r.images[0], r.masks[0], k + 1)[0] - v) < 1e-6));
  t.is(r.human!.weakerThan, 'chevreul-grey');
  // scallop: inner steps lighter at their left (darker neighbour), darker at their right
  t.deepEqual(s.human!.edges![3], { left: [1, 1, 1], right: [-1, -1, -1] });
  t.deepEqual(r.human!.edges![3], { left: [-1, -1, -1], right: [1, 1, 1] });
  const c = chevreulColour();
  t.deepEqual(px(c.images[0], 50, 60), [1, 0.5, 0.5]);
  t.deepEqual(px(c.images[0], 0, 0), [1, 0, 0]);
  t.deepEqual(c.human!.edges![2], { left: [0, 1, 1], right: [0, -1, -1] });
  t.throws(() => chevreulGrey({ h: 0.03 }), { message: /gives a square of 4 px, too narrow for 5 steps/ });
  t.throws(() => chevreulGrey({ values: [0.3, 1.3] }), { message: /values\[1\] must be in \[0, 1\]/ });
});

test('every study sweep value is valid, and the catalogue default of each study entry is in its sweep', (t) => {
  for (const e of Object.values(stimulusCatalogue).filter((x) => x.study)) {
    t.truthy(e.sweep, e.name);
    t.true(e.sweep!.values.includes(e.defaults[e.sweep!.param] as number), e.name);
    for (const v of e.sweep!.values) {
      const s: Stimulus = e.make({ [e.sweep!.param]: v });
      t.is(s.params[e.sweep!.param], v);
      for (let k = 0; k < s.masks.length; k++) t.true(maskStatistics(s.masks[k]).length >= 1, `${e.name} ${v}`);
    }
  }
});

test('studyStimuli: 12 stimuli (6 grey, 6 colour), pairs for Dungeon and rings, all 128 high', (t) => {
  const all = studyStimuli();
  t.deepEqual(all.map((s) => s.name), ['whites-grey', 'whites-colour', 'dungeon-grey', 'dungeon-colour', 'rings-grey',
    'rings-colour', 'gradient-grey', 'gradient-colour', 'chevreul-grey', 'chevreul-colour', 'chevreul-reversed-grey', 'chevreul-reversed-colour']);
  t.is(studyStimuli({ variant: 'grey' }).length, 6);
  t.true(studyStimuli({ variant: 'colour' }).every((s) => s.variant === 'colour'));
  for (const s of all) {
    t.is(s.images.length, s.family === 'dungeon' || s.family === 'rings' ? 2 : 1);
    t.is(s.masks.length, s.images.length);
    t.truthy(s.human);
    t.true(s.images.every((i) => i.height === 128));
  }
  const pasted = studyStimuli({ variant: 'grey', canvas: { shape: 256, background: 0.5 } });
  t.true(pasted.every((s) => s.images[0].width === 256 && s.images[0].height === 256));
  t.deepEqual(stats(pasted[0].masks[0])[1].cols, [96, 99]);
  t.throws(() => whites({ shape: [128, 128], ppd: 32, visualSize: 3 }), { message: /inconsistent size/ });
});
