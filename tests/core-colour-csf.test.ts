// Colour conversions (round trips, white points, opponent conventions, whole images) and the human CSF
// models (closed forms) through the WASM facade.
import test from 'ava';
import { COLOUR_SPACES, CSF_MODELS, loadCore } from '../ts/core/index.ts';
import { createImage } from '../ts/image.ts';

const core = await loadCore();

test('every pair of colour spaces round-trips to 1e-12 on images', (t) => {
  const img = createImage(4, 5);
  img.data.forEach((_, i) => { img.data[i] = ((i * 37) % 23) / 22; });
  for (const a of COLOUR_SPACES) {
    for (const b of COLOUR_SPACES) {
      const there = core.convertImage(img, a);
      const across = core.convertImage(there, b);
      const back = core.convertImage(across, 'srgb');
      const worst = Math.max(...Array.from(back.data, (v, i) => Math.abs(v - img.data[i])));
      t.true(worst < 1e-6, `${a} → ${b}: ${worst}`); // input is float32
      t.is(back.space, 'srgb');
    }
  }
});

test('known values: D65 white, sRGB transfer, opponent white and signs', (t) => {
  const xyz = core.convertColour3([1, 1, 1], 'srgb', 'xyz');
  [0.9505, 1.0, 1.089].forEach((v, i) => t.true(Math.abs(xyz[i] - v) < 1e-12));
  t.true(Math.abs(core.convertColour3([0.5, 0.5, 0.5], 'srgb', 'linear-rgb')[0] - 0.21404114048223255) < 1e-15);
  const w = core.convertColour3([1, 1, 1], 'srgb', 'opponent');
  t.true(Math.abs(w[0] - 1) < 1e-12 && Math.abs(w[1]) < 1e-12 && Math.abs(w[2]) < 1e-12);
  const red = core.convertColour3([1, 0, 0], 'linear-rgb', 'opponent');
  const blue = core.convertColour3([0, 0, 1], 'linear-rgb', 'opponent');
  t.true(red[1] > 0 && blue[2] > 0 && red[2] < 0);
  const ycc = core.convertColour3([1, 1, 1], 'srgb', 'ycbcr');
  t.true(Math.abs(ycc[0] - 1) < 1e-12 && Math.abs(ycc[1] - 0.5) < 1e-12 && Math.abs(ycc[2] - 0.5) < 1e-12);
  // LMS from XYZ inverts the CIE 170-2 LMS→XYZ matrix
  const lmsToXyz = core.colourMatrix('lms', 'xyz');
  [[1.94735469, -1.41445123, 0.36476327], [0.68990272, 0.34832189, 0], [0, 0, 1.93485343]]
    .forEach((row, i) => row.forEach((v, j) => t.true(Math.abs(lmsToXyz[i][j] - v) < 1e-12)));
  // matrices compose: linear-rgb → lms → opponent equals linear-rgb → opponent
  const m1 = core.colourMatrix('linear-rgb', 'lms'), m2 = core.colourMatrix('lms', 'opponent'), m = core.colourMatrix('linear-rgb', 'opponent');
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
    t.true(Math.abs(m2[i][0] * m1[0][j] + m2[i][1] * m1[1][j] + m2[i][2] * m1[2][j] - m[i][j]) < 1e-12);
  }
});

test('CSF models: SSO peak ≈ 201 at ≈ 3 cpd, oblique factor, chromatic and Mannos–Sakrison closed forms', (t) => {
  const f = Float64Array.from({ length: 6001 }, (_, i) => i * 0.001);
  const sso = core.csf('sso', f);
  const k = sso.indexOf(Math.max(...sso));
  t.true(Math.abs(sso[k] - 201.3) < 0.5, String(sso[k]));
  t.true(Math.abs(f[k] - 3) < 0.35, String(f[k]));
  t.true(Math.abs(core.csf('sso', [3])[0] - 330.74 * (Math.exp(-3 / 7.28) - 0.837 * Math.exp(-9 / 1.809 ** 2))) < 1e-12);
  const d = 10 / Math.SQRT2;
  t.true(Math.abs(core.csfSso2d([d], [d])[0] - core.csf('sso', [10])[0] * Math.exp(-10 / 6.664)) < 1e-10);
  t.true(Math.abs(core.csfSso2d([0], [4])[0] - core.csf('sso', [4])[0]) < 1e-12);
  t.true(Math.abs(core.csf('mullen-rg', [0])[0] - 0.75 * 201.3) < 1e-9);
  t.true(Math.abs(core.csf('mullen-yb', [4.13])[0] - 0.55 * 201.3 / Math.E) < 1e-9);
  t.true(Math.abs(core.csf('mannos-sakrison', [8])[0] - 2.6 * (0.0192 + 0.114 * 8) * Math.exp(-((0.114 * 8) ** 1.1))) < 1e-15);
  t.deepEqual([...CSF_MODELS], ['sso', 'mullen-rg', 'mullen-yb', 'mannos-sakrison']);
});
