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
  ['too large', () => core.eigGeneral({ rows: 100000, cols: 100000, data: new Float64Array(1) }), /would need 76293\.9 MiB of working memory, more than the limit of 2048\.0 MiB/],
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
  // sizes whose products wrap round, ring counts that overflow, plans that exceed the memory limit
  ['absurd shape fftshift', () => core.fftshift({ batch: 2 ** 31, height: 2 ** 31, width: 2 ** 31, channels: 2 ** 31, data: new Float64Array(0) }), /fftshift: would need .* of working memory/],
  ['absurd shape fft2', () => core.fft2({ batch: 2 ** 31, height: 2 ** 31, width: 2 ** 31, channels: 2 ** 31, data: new Float64Array(4) }), /fft2: would need/],
  ['limit at a hair', () => core.fft2({ height: 1, width: 2 ** 25 + 1, data: new Float64Array(1) }), /would need 2147483712 bytes of working memory, more than the limit of 2147483648 bytes/],
  ['radial tiny binWidth', () => core.radialAverage({ height: 2, width: 2, data: [1, 2, 3, 4] }, { binWidth: 1e-10 }), /5\.000e9 rings .*: at most 16777216/],
  ['radial binWidth 1e-300', () => core.radialAverage({ height: 2, width: 2, data: [1, 2, 3, 4] }, { binWidth: 1e-300 }), /rings .*: at most 16777216/],
  ['radial huge maxFrequency', () => core.radialAverage({ height: 2, width: 2, data: [1, 2, 3, 4] }, { maxFrequency: 1e300 }), /rings .*: at most 16777216/],
  ['radial output too large', () => core.radialAverage({ height: 1, width: 1, batch: 20, data: new Float64Array(20).fill(1) }, { binWidth: 1e-7, maxFrequency: 1.6 }), /radialAverage: would need .* MiB/],
  ['fft overflow', () => core.fft2({ height: 1, width: 4, data: [1e308, 1e308, 1e308, 1e308] }), /fft2: the result is not finite/],
  ['power overflow', () => core.powerSpectrum({ height: 1, width: 1, data: [1e200] }), /powerSpectrum: the result is not finite/],
  // malformed arguments: one CoreError naming the input, never a TypeError
  ['fft2 no stack', () => core.fft2(undefined as never), /fft2: the stack must be an object \{ height, width, channels\?, batch\?, data \}, got undefined/],
  ['fft2 null stack', () => core.fft2(null as never), /got null/],
  ['fft2 no data', () => core.fft2({ height: 2, width: 2 } as never), /fft2: the stack has no data \(real\) and no re and im \(complex\)/],
  ['fft2 data null', () => core.fft2({ height: 2, width: 2, data: null } as never), /fft2: data must be a Float64Array, Float32Array or array of numbers, got null/],
  ['fft2 re without im', () => core.fft2({ height: 1, width: 1, re: [1] } as never), /im is missing: a complex stack needs both re and im/],
  ['fft2 data and re', () => core.fft2({ height: 1, width: 1, data: [1], re: [1], im: [0] } as never), /either data .* or re and im/],
  ['ifft2 data', () => core.ifft2({ height: 1, width: 1, data: [1] } as never), /ifft2 takes a complex stack \{ re, im \}/],
  ['ifft2 no im', () => core.ifft2({ height: 1, width: 1, re: [1] } as never), /ifft2: im is missing/],
  ['string data', () => core.fft2({ height: 1, width: 4, data: 'abcd' } as never), /data must be .* got "abcd" \(a string\)/],
  ['number data', () => core.fft2({ height: 2, width: 2, data: 4 } as never), /data must be .* got 4/],
  ['string in array', () => core.powerSpectrum({ height: 1, width: 2, data: [1, '2'] } as never), /data\[1\] must be a number, got "2" \(a string\)/],
  ['string size', () => core.fft2({ height: '2', width: 1, data: [1, 2] } as never), /height must be a non-negative integer, got "2" \(a string\)/],
  ['bigint size', () => core.fft2({ height: 2n, width: 1, data: [1, 2] } as never), /height must be a non-negative integer, got 2n \(a bigint\)/],
  ['matmul fractional rows', () => core.matmul({ rows: 2.5, cols: 2, data: new Float64Array([1, 2, 3, 4]) }, matrix(2, 1, [1, 1])), /matmul: A.rows must be a non-negative integer, got 2.5/],
  ['matmul string rows', () => core.matmul({ rows: '1', cols: 1, data: new Float64Array([1]) } as never, matrix(1, 1, [1])), /A.rows must be .* got "1" \(a string\)/],
  ['matmul 2^32 + 1 rows', () => core.matmul({ rows: 2 ** 32 + 1, cols: 1, data: new Float64Array(1) }, matrix(1, 1, [1])), /A.rows must be a non-negative integer, got 4294967297/],
  ['matmul no data', () => core.matmul({ rows: 1, cols: 1 } as never, matrix(1, 1, [1])), /A.data must be a Float64Array, got undefined/],
  ['matmul null', () => core.matmul(null as never, matrix(1, 1, [1])), /matmul: A must be a matrix \{ rows, cols, data: Float64Array \}, got null/],
  ['options null', () => core.radialAverage({ height: 1, width: 1, data: [1] }, null as never), /radialAverage: options must be an object of options, got null/],
  ['pinv options string', () => core.pinv(matrix(1, 1, [1]), 'x' as never), /pinv: options must be an object of options/],
];

for (const [name, f, message] of cases) {
  test(`error: ${name}`, (t) => {
    const e = t.throws(f);
    t.true(e instanceof CoreError, `${name}: ${String(e)}`);
    t.regex(e!.message, message);
    t.true(ok(), 'the core still works');
  });
}

test('values near the top of f64 are transformed exactly (rescaled inside), not overflowed early', (t) => {
  // two real planes share one complex transform: without the rescaling 1e308 alone came back as Infinity
  t.deepEqual([...core.fft2({ height: 1, width: 1, data: [1e308] }).re], [1e308]);
  t.deepEqual([...core.fft2({ height: 1, width: 2, data: [1e308, 0] }).re], [1e308, 1e308]);
  const z = core.fft2({ height: 2, width: 2, data: [9e307, 0, 0, 0] });
  t.deepEqual([...z.re], [9e307, 9e307, 9e307, 9e307]);
});

test('a trap is recovered from at once: the next synchronous call runs on a fresh instance', async (t) => {
  const { callCore } = await import('../ts/core/errors.ts');
  const { memory } = await import('../ts/core/load.ts');
  await new Promise((r) => setTimeout(r, 200)); // the standby instance loads in the background after loadCore
  const before = memory();
  const e = t.throws(() => callCore('fft2', () => { throw new WebAssembly.RuntimeError('unreachable'); }));
  t.true(e instanceof CoreError);
  t.is(e!.message, 'fft2: the WebAssembly core trapped (unreachable); a fresh instance has replaced it');
  t.not(memory(), before, 'a different instance');
  t.true(ok(), 'the very next call works');
  t.deepEqual([...core.fft2({ height: 1, width: 2, data: [1, 2] }).re], [3, -1]);
  // two traps in a row: the second finds no standby ready yet and says so; calls before loadCore resolves
  // are refused with a CoreError, then a new instance serves them
  const e2 = t.throws(() => callCore('fft2', () => { throw new WebAssembly.RuntimeError('unreachable'); }));
  t.is(e2!.message, 'fft2: the WebAssembly core trapped (unreachable); a fresh instance is loading: await loadCore() before the next call');
  const e3 = t.throws(() => core.fft2({ height: 1, width: 1, data: [1] }));
  t.true(e3 instanceof CoreError);
  t.is(e3!.message, 'fft2: the WebAssembly core is not loaded: await loadCore() first');
  await loadCore();
  t.true(ok());
});

test('errors inside pool workers reject with a CoreError and the message, and the pool keeps working', async (t) => {
  const pool = new CorePool({ threads: 1 });
  try {
    const e = await t.throwsAsync(pool.run('fft2', [{ height: 2, width: 2, data: [1, 2, 3] }]));
    t.true(e instanceof CoreError);
    t.is((e as CoreError).operation, 'fft2');
    t.is(e!.message, 'fft2: fft2: real part: expected 4 values, got 3'.replace('fft2: fft2: ', 'fft2: '));
    await t.throwsAsync(pool.run('eigGeneral', [matrix(2, 2, [1, NaN, 0, 1])]), { instanceOf: CoreError, message: /NaN or infinite/ });
    await t.throwsAsync(pool.run('pinv', [{ rows: 2, cols: 2, data: new Float64Array(3) }]), { message: /expected 4 values, got 3/ });
    const r = await pool.run('eigGeneral', [matrix(2, 2, [2, 0, 0, 1])]);
    t.deepEqual([...r.valuesRe], [2, 1]);
  } finally {
    await pool.close();
  }
});
