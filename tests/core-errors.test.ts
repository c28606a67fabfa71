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
  ['length ≠ rows·cols', () => core.pinv({ rows: 2, cols: 2, data: new Float64Array(3) }), /^pinv: A.data has 3 values, expected 2×2 = 4$/],
  ['size 0', () => core.svd({ rows: 0, cols: 3, data: new Float64Array(0) }), /size 0×3 has a zero dimension/],
  ['negative size', () => core.svd({ rows: -1, cols: 3, data: new Float64Array(0) }), /A.rows must be a non-negative integer, got -1/],
  ['fractional size', () => core.eigGeneral({ rows: 1.5, cols: 1.5, data: new Float64Array(2) }), /must be a non-negative integer, got 1.5/],
  ['length before size', () => core.eigGeneral({ rows: 100000, cols: 100000, data: new Float64Array(1) }), /^eigGeneral: A.data has 1 values, expected 100000×100000 = 10000000000$/],
  ['unknown option', () => core.eigGeneral(matrix(1, 1, [1]), { vector: false } as never), /^eigGeneral: unknown option "vector"; valid: vectors, inverse$/],
  ['unknown option pinv', () => core.pinv(matrix(1, 1, [1]), { rtl: 0.5 } as never), /^pinv: unknown option "rtl"; valid: rtol$/],
  ['unknown option radial', () => core.radialAverage({ height: 1, width: 1, data: [1] }, { pixelsPerDeg: 64 } as never), /unknown option "pixelsPerDeg"; valid: binWidth, maxFrequency, pixelsPerDegree/],
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
  ['power NaN names its input', () => core.powerSpectrum({ height: 1, width: 2, data: [1, NaN] }), /^powerSpectrum: data: value at index 1 is NaN or infinite$/],
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
  // names and options are checked before they cross into WebAssembly (non-strings used to trap there)
  ['colour space number', () => core.colourMatrix(1 as never, 2 as never), /colourMatrix: unknown colour space 1; valid: srgb, linear-rgb/],
  ['colour space array-like', () => core.convertColour([0.1, 0.2, 0.3], { length: 2 ** 27 } as never, 'xyz'), /unknown colour space an object/],
  ['colour space array', () => core.convertColour([0.1, 0.2, 0.3], ['srgb'] as never, 'xyz'), /unknown colour space an array of 1/],
  ['csf model number', () => core.csf(5 as never, [1]), /csf: unknown CSF model 5; valid: sso, mullen-rg, mullen-yb, mannos-sakrison/],
  ['eig vectors string', () => core.eigGeneral(matrix(1, 1, [1]), { vectors: 'true' } as never), /options.vectors must be true or false, got "true" \(a string\)/],
  ['eigh vectors number', () => core.eigSymmetric(matrix(1, 1, [1]), { vectors: 2 } as never), /options.vectors must be true or false, got 2/],
  ['colour3 null', () => core.convertColour3(null as never, 'srgb', 'xyz'), /convertColour3: the colour must be .* got null/],
  // errors name the function the user called, not the one it calls
  ['colour3 unknown space', () => core.convertColour3([1, 0, 0], 'srgb', 'hsv' as never), /^convertColour3: unknown colour space "hsv"; valid: srgb/],
  ['colour3 length 2', () => core.convertColour3([1, 0] as never, 'srgb', 'xyz'), /^convertColour3: expected a 3-vector, got length 2/],
  ['image unknown target space', () => core.convertImage({ height: 1, width: 1, data: [0, 0, 0] }, 'lab' as never), /^convertImage: unknown colour space "lab"/],
  ['image unknown source space', () => core.convertImage({ height: 1, width: 1, data: [0, 0, 0], space: 'cmyk' } as never, 'xyz'), /^convertImage: unknown colour space "cmyk"/],
  ['image null', () => core.convertImage(null as never, 'xyz'), /convertImage: the image must be an image \{ height, width, data \}, got null/],
  ['image string height', () => core.convertImage({ height: '1', width: 1, data: new Float32Array(3) } as never, 'xyz'), /height must be a non-negative integer, got "1" \(a string\)/],
  ['radial ppd overflow', () => core.radialAverage({ height: 4, width: 4, data: new Float64Array(16) }, { binWidth: 1, maxFrequency: 4, pixelsPerDegree: 1e308 }), /pixelsPerDegree 1e\+308 makes cycles\/degree overflow/],
];

for (const [name, f, message] of cases) {
  test(`error: ${name}`, (t) => {
    const e = t.throws(f);
    t.true(e instanceof CoreError, `${name}: ${String(e)}`);
    t.regex(e!.message, message);
    t.true(ok(), 'the core still works');
  });
}

test('inputs of one call are limited together to what one WebAssembly call can take', async (t) => {
  const { checkInputBytes, MAX_INPUT_BYTES } = await import('../ts/core/outputs.ts');
  t.notThrows(() => checkInputBytes('matmul', { 'A.data': { byteLength: MAX_INPUT_BYTES / 2 }, 'B.data': { byteLength: MAX_INPUT_BYTES / 2 } }));
  const e = t.throws(() => checkInputBytes('matmul', { 'A.data': { byteLength: 2 ** 30 }, 'B.data': { byteLength: 2 ** 30 } }));
  t.true(e instanceof CoreError);
  t.is(e!.message, 'matmul: the inputs (A.data 1024.0 MiB, B.data 1024.0 MiB) are larger than the 2047.9 MiB one call can take');
});

test('the SSO oblique factor is finite for every finite frequency', (t) => {
  for (const [fx, fy] of [[1e200, 1e200], [1.7e308, 0], [-1e155, 1e155], [1e-160, 1e-160], [5e-324, 5e-324]]) {
    const v = core.csfSso2d([fx], [fy])[0];
    t.true(Number.isFinite(v), `${fx}, ${fy}: ${v}`);
  }
  // at 45° the factor is 1 − (1 − e^(−f/6.664)), i.e. SSO(f)·e^(−f/6.664)
  const f = 4;
  t.true(Math.abs(core.csfSso2d([f / Math.SQRT2], [f / Math.SQRT2])[0] - core.csf('sso', [f])[0] * Math.exp(-f / 6.664)) < 1e-12);
});

test('values near the top of f64 are transformed exactly (rescaled inside), not overflowed early', (t) => {
  // two real planes share one complex transform: without the rescaling 1e308 alone came back as Infinity
  t.deepEqual([...core.fft2({ height: 1, width: 1, data: [1e308] }).re], [1e308]);
  t.deepEqual([...core.fft2({ height: 1, width: 2, data: [1e308, 0] }).re], [1e308, 1e308]);
  const z = core.fft2({ height: 2, width: 2, data: [9e307, 0, 0, 0] });
  t.deepEqual([...z.re], [9e307, 9e307, 9e307, 9e307]);
});

test.serial('a trap is recovered from at once: the next synchronous call runs on a fresh instance, the dead one is dropped', async (t) => {
  const { callCore } = await import('../ts/core/errors.ts');
  const { memory } = await import('../ts/core/load.ts');
  const trap = () => callCore('fft2', () => { throw new WebAssembly.RuntimeError('unreachable'); });
  for (let k = 0; k < 3; k++) { // traps in a row, in one tick
    const before = memory();
    const e = t.throws(trap);
    t.true(e instanceof CoreError);
    t.is(e!.message, 'fft2: the WebAssembly core trapped (unreachable); a fresh instance has replaced it');
    t.not(memory(), before, 'a different instance');
    t.true(ok(), 'the very next call works');
  }
  t.deepEqual([...core.fft2({ height: 1, width: 2, data: [1, 2] }).re], [3, -1]);
  // the dead instances are not kept: grow one instance's memory, trap, and check it can be collected
  const { default: v8 } = await import('node:v8');
  const grown = new WeakRef(memory());
  core.fft2({ height: 4096, width: 1024, data: new Float64Array(4096 * 1024) }); // ~ 200 MiB of WASM memory
  t.throws(trap);
  (globalThis as { gc?: () => void }).gc ?? v8.setFlagsFromString('--expose-gc');
  const gc = (await import('node:vm')).runInNewContext('gc') as () => void;
  // (deref() keeps its target alive until the end of the current job: only look after the collections)
  for (let i = 0; i < 5; i++) { gc(); await new Promise((r) => setTimeout(r, 20)); }
  t.is(grown.deref(), undefined, 'the trapped instance\'s memory was garbage-collected');
});

test('the pool refuses bad thread counts, unknown and prototype op names, and work after close', async (t) => {
  t.throws(() => new CorePool({ threads: NaN }), { instanceOf: CoreError, message: 'CorePool: threads must be a positive integer, got NaN' });
  t.throws(() => new CorePool({ threads: 0 }), { instanceOf: CoreError });
  const pool = new CorePool({ threads: 1 });
  await t.throwsAsync(pool.run('constructor' as never, [5] as never), { instanceOf: CoreError, message: /constructor: unknown core operation; valid: / });
  await t.throwsAsync(pool.run('toString' as never, [] as never), { instanceOf: CoreError });
  t.deepEqual([...(await pool.run('matmul', [matrix(1, 1, [2]), matrix(1, 1, [3])])).data], [6]);
  await pool.close();
  await t.throwsAsync(pool.run('matmul', [matrix(1, 1, [2]), matrix(1, 1, [3])]), { instanceOf: CoreError, message: 'matmul: the pool is closed' });
  await pool.close(); // twice is harmless
});

test('errors inside pool workers reject with a CoreError and the message, and the pool keeps working', async (t) => {
  const pool = new CorePool({ threads: 1 });
  try {
    const e = await t.throwsAsync(pool.run('fft2', [{ height: 2, width: 2, data: [1, 2, 3] }]));
    t.true(e instanceof CoreError);
    t.is((e as CoreError).operation, 'fft2');
    t.is(e!.message, 'fft2: fft2: real part: expected 4 values, got 3'.replace('fft2: fft2: ', 'fft2: '));
    await t.throwsAsync(pool.run('eigGeneral', [matrix(2, 2, [1, NaN, 0, 1])]), { instanceOf: CoreError, message: /NaN or infinite/ });
    await t.throwsAsync(pool.run('pinv', [{ rows: 2, cols: 2, data: new Float64Array(3) }]), { message: 'pinv: A.data has 3 values, expected 2×2 = 4' });
    const r = await pool.run('eigGeneral', [matrix(2, 2, [2, 0, 0, 1])]);
    t.deepEqual([...r.valuesRe], [2, 1]);
  } finally {
    await pool.close();
  }
});
