import test from 'ava';
import { classifyDirection, colourDirection, correlation, invert3, spectralSensitivity, symmetricEig3, cieWavelengths, type Mat3 } from '../ts/experiments/colour-direction.ts';

test('symmetric 3×3 eigen-decomposition: known spectrum and residual', (t) => {
  const a: Mat3 = [[4, 1, 0], [1, 3, 1], [0, 1, 2]];
  const { values, vectors } = symmetricEig3(a);
  // eigenvalues of this tridiagonal matrix: 3 and 3 ± √3
  t.true(Math.abs(values[0] - (3 + Math.sqrt(3))) < 1e-12);
  t.true(Math.abs(values[1] - 3) < 1e-12);
  t.true(Math.abs(values[2] - (3 - Math.sqrt(3))) < 1e-12);
  for (let k = 0; k < 3; k++) {
    const v = vectors[k];
    for (let i = 0; i < 3; i++) {
      const av = a[i][0] * v[0] + a[i][1] * v[1] + a[i][2] * v[2];
      t.true(Math.abs(av - values[k] * v[i]) < 1e-12);
    }
  }
});

test('colour direction of a separable spatio-chromatic vector is its colour vector', (t) => {
  const w = [0.6, -0.8, 0]; // red–green
  const img = new Float64Array(16 * 3);
  for (let p = 0; p < 16; p++) for (let c = 0; c < 3; c++) img[p * 3 + c] = Math.cos(p) * w[c];
  const { direction, share } = colourDirection([img]);
  // sign convention: the largest component positive
  t.true(Math.abs(direction[0] + 0.6) < 1e-12 && Math.abs(direction[1] - 0.8) < 1e-12 && Math.abs(direction[2]) < 1e-12);
  t.true(Math.abs(share - 1) < 1e-12);
  const opp: Mat3 = [[1 / 3, 1 / 3, 1 / 3], [1, -1, 0], [0.5, 0.5, -1]];
  t.is(classifyDirection(direction, opp).channel, 'red-green');
  t.is(classifyDirection([0.577, 0.577, 0.577], opp).channel, 'achromatic');
  t.is(classifyDirection([0.3, 0.3, -0.9], opp).channel, 'yellow-blue');
});

test('spectral sensitivity: the luminance mechanism of linear sRGB reproduces ȳ(λ)', (t) => {
  const rgbToXyz: Mat3 = [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]];
  // w = Y row: the response wᵀ·M⁻¹·xyz(λ) = ȳ(λ)
  const s = spectralSensitivity([0.2126, 0.7152, 0.0722], invert3(rgbToXyz));
  const i555 = cieWavelengths.indexOf(555);
  t.true(Math.abs(s[i555] - 1) < 1e-9);
  t.is(cieWavelengths.length, 95);
  t.true(Math.abs(correlation([1, 2, 3], [2, 4, 6]) - 1) < 1e-15);
  t.true(Math.abs(correlation([1, 2, 3], [3, 2, 1]) + 1) < 1e-15);
});
