// Every error path of the core facade gives a CoreError naming the input and the problem — never a trap
// — and the module keeps working afterwards; the same through the worker pool.
import test from 'ava';
import { CoreError, CorePool, loadCore, matrix, type ColourSpace, type CsfModel } from '../ts/core/index.ts';

const core = await loadCore();
const ok = () => core.eigGeneral(matrix(2, 2, [2, 0, 0, 1])).valuesRe[0] === 2;

const cases: [string, () => unknown, RegExp][] = [
  ['NaN', () => core.eigGeneral(matrix(2, 2, [1, NaN, 0, 1])), /eigGeneral: value at index 1 is NaN or infinite/],
  ['Inf', () => core.svd(matrix(1, 2, [Infinity, 0])), /svd: value at index 0 is NaN or infinite/],
  ['non-square eig', () => core.eigGeneral(matrix(2, 3, [1, 2, 3, 4, 5, 6])), /must be square, got 2×3/],
  ['non-square eigh', () => core.eigSymmetric(matrix(3, 2, [1, 2, 3, 4, 5, 6])), /must be square, got 3×2/],
  ['not symmetric', () => core.eigSymmetric(matrix(2, 2, [1, 2, 3, 1])), /not symmetric/],
  ['length ≠ rows·cols', () => core.pinv({ rows: 2, cols: 2, data: new Float64Array(3) }), /pinv: expected 4 values, got 3/],
  ['size 0', () => core.svd({ rows: 0, cols: 3, data: new Float64Array(0) }), /size 0×3 has a zero dimension/],
  ['negative size', () => core.svd({ rows: -1, cols: 3, data: new Float64Array(0) }), /A.rows must be a non-negative integer, got -1/],
  ['fractional size', () => core.eigGeneral({ rows: 1.5, cols: 1.5, data: new Float64Array(2) }), /must be a non-negative integer, got 1.5/],
  ['too large', () => core.eigGeneral({ rows: 100000, cols: 100000, data: new Float64Array(1) }), /would need .* MiB, more than the limit/],
  ['too large fft', () => core.fft2({ batch: 4096, height: 4096, width: 4096, data: new Float64Array(1) }), /would need .* MiB/],
  ['lstsq rows', () => core.lstsq(matrix(2, 2, [1, 0, 0, 1]), matrix(3, 1, [1, 2, 3])), /same number of rows/],
  ['rtol', () => core.pinv(matrix(1, 1, [1]), { rtol: -1 }), /rtol must be a finite number ≥ 0/],
  ['rtol NaN', () => core.pinv(matrix(1, 1, [1]), { rtol: NaN }), /rtol must be a finite number/],
  ['overflow', () => core.matmul(matrix(1, 2, [1e300, 1e300]), matrix(2, 1, [1e300, 1e300])), /not finite/],
  ['fft length', () => core.fft2({ height: 2, width: 2, data: [1, 2, 3] }), /expected 4 values, got 3/],
  ['fft im length', () => core.fft2({ height: 2, width: 2, re: [1, 2, 3, 4], im: [0] }), /imaginary part: expected 4 values, got 1/],
  ['radial binWidth', () => core.radialAverage({ height: 2, width: 2, data: [1, 1, 1, 1] }, { binWidth: 0 }), /binWidth must be a finite number > 0/],
  ['radial ppd', () => core.radialAverage({ height: 2, width: 2, data: [1, 1, 1, 1] }, { pixelsPerDegree: -2 }), /pixelsPerDegree must be > 0/],
  ['colour space', () => core.convertColour([1, 1, 1], 'hsv' as ColourSpace, 'srgb'), /unknown colour space "hsv"/],
  ['colour length', () => core.convertColour([1, 1], 'srgb', 'xyz'), /multiple of 3/],
  ['colour matrix', () => core.colourMatrix('srgb', 'xyz'), /srgb is not a linear function/],
  ['csf model', () => core.csf('foo' as CsfModel, [1]), /unknown CSF model "foo"/],
  ['csf negative', () => core.csf('sso', [1, -2]), /frequency at index 1 is negative/],
  ['csf 2d lengths', () => core.csfSso2d([1, 2], [1]), /differ in length/],
];

for (const [name, f, message] of cases) {
  test(`error: ${name}`, (t) => {
    const e = t.throws(f);
    t.true(e instanceof CoreError, `${name}: ${String(e)}`);
    t.regex(e!.message, message);
    t.true(ok(), 'the core still works');
  });
}

test('errors inside pool workers reject with the message, and the pool keeps working', async (t) => {
  const pool = new CorePool({ threads: 1 });
  try {
    await t.throwsAsync(pool.run('eigGeneral', [matrix(2, 2, [1, NaN, 0, 1])]), { message: /NaN or infinite/ });
    await t.throwsAsync(pool.run('pinv', [{ rows: 2, cols: 2, data: new Float64Array(3) }]), { message: /expected 4 values, got 3/ });
    const r = await pool.run('eigGeneral', [matrix(2, 2, [2, 0, 0, 1])]);
    t.deepEqual([...r.valuesRe], [2, 1]);
  } finally {
    await pool.close();
  }
});
