// The facade's operations run in the worker pool with the same results as in-thread, typed arrays
// transferred back.
import test from 'ava';
import { CorePool, loadCore, matrix } from '../ts/core/index.ts';

const core = await loadCore();

test('eigGeneral, pinv, fft2, radialAverage, colour and CSF ops run in the pool and match in-thread results', async (t) => {
  const pool = new CorePool({ threads: 2 });
  try {
    const n = 30;
    const a = matrix(n, n, Float64Array.from({ length: n * n }, (_, i) => Math.sin(i * 1.3)));
    const [e, local] = [await pool.run('eigGeneral', [a]), core.eigGeneral(a)];
    t.deepEqual([...e.valuesRe], [...local.valuesRe]);
    t.deepEqual([...e.inverseIm!.data], [...local.inverseIm!.data]);
    t.true(e.vectorsRe!.data instanceof Float64Array);
    const w = matrix(4, 9, Float64Array.from({ length: 36 }, (_, i) => Math.cos(i)));
    t.deepEqual([...(await pool.run('pinv', [w])).pinv.data], [...core.pinv(w).pinv.data]);
    const stack = { batch: 5, height: 16, width: 16, channels: 3, data: Float64Array.from({ length: 5 * 768 }, (_, i) => (i % 7) / 7) };
    const f = await pool.run('fft2', [stack]);
    t.deepEqual([...f.re], [...core.fft2(stack).re]);
    const p = await pool.run('powerSpectrum', [stack]);
    const r = await pool.run('radialAverage', [p, { pixelsPerDegree: 64 }]);
    t.deepEqual([...r.mean], [...core.radialAverage(core.powerSpectrum(stack), { pixelsPerDegree: 64 }).mean]);
    t.deepEqual(await pool.run('convertColour3', [[1, 0, 0], 'srgb', 'opponent']), core.convertColour3([1, 0, 0], 'srgb', 'opponent'));
    t.deepEqual([...(await pool.run('csf', ['sso', [1, 2, 3]]))], [...core.csf('sso', [1, 2, 3])]);
    // independent decompositions spread over the workers
    const jobs = Array.from({ length: 4 }, (_, k) => ({ op: 'eigSymmetric' as const, args: [matrix(3, 3, [k, 1, 0, 1, k, 1, 0, 1, k])] as [ReturnType<typeof matrix>] }));
    const rs = await pool.runAll(jobs);
    rs.forEach((res, k) => t.true(Math.abs(res.values[2] - (k + Math.SQRT2)) < 1e-12));
  } finally {
    await pool.close();
  }
});
