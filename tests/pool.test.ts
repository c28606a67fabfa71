import test from 'ava';
import { CorePool, matrix } from '../ts/core/index.ts';

test('the worker pool runs core jobs and transfers results', async (t) => {
  const pool = new CorePool({ threads: 2 });
  try {
    t.is(await pool.run('coreVersion', []), '0.1.0');
    const jobs = Array.from({ length: 6 }, (_, i) => ({
      op: 'matmul' as const,
      args: [matrix(1, 2, [i, 1]), matrix(2, 1, [2, 3])] as [ReturnType<typeof matrix>, ReturnType<typeof matrix>],
    }));
    const results = await pool.runAll(jobs);
    t.deepEqual(results.map((r) => r.data[0]), [3, 5, 7, 9, 11, 13]);
    t.true(results[0].data instanceof Float64Array);
    // transfer: the caller's buffer is moved to the worker
    const a = matrix(1, 1, [5]);
    const r = await pool.run('matmul', [a, matrix(1, 1, [2])], { transfer: true });
    t.is(r.data[0], 10);
    t.is(a.data.byteLength, 0);
  } finally {
    await pool.close();
  }
});

test('a failing job rejects with the core message and the pool keeps working', async (t) => {
  const pool = new CorePool({ threads: 1 });
  try {
    await t.throwsAsync(pool.run('matmul', [matrix(1, 2, [1, Infinity]), matrix(2, 1, [1, 1])]), { message: /NaN or infinite/ });
    const r = await pool.run('matmul', [matrix(1, 1, [2]), matrix(1, 1, [2])]);
    t.is(r.data[0], 4);
  } finally {
    await pool.close();
  }
});
