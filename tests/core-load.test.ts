import test from 'ava';
import { loadCore, matrix, CoreError } from '../ts/core/index.ts';

test('the WASM core loads and multiplies matrices exactly', async (t) => {
  const core = await loadCore();
  t.is(core.coreVersion(), '0.1.0');
  const c = core.matmul(matrix(2, 3, [1, 2, 3, 4, 5, 6]), matrix(3, 2, [7, 8, 9, 10, 11, 12]));
  t.deepEqual([c.rows, c.cols], [2, 2]);
  t.deepEqual([...c.data], [58, 64, 139, 154]);
});

test('bad input gives a CoreError naming the problem, and the core stays usable', async (t) => {
  const core = await loadCore();
  const e1 = t.throws(() => core.matmul(matrix(2, 3, [1, 2, 3, 4, 5, 6]), matrix(2, 3, [1, 2, 3, 4, 5, 6])));
  t.true(e1 instanceof CoreError);
  t.regex(e1!.message, /inner dimensions differ: A is 2×3, B is 2×3/);
  const e2 = t.throws(() => core.matmul(matrix(1, 2, [1, NaN]), matrix(2, 1, [1, 1])));
  t.true(e2 instanceof CoreError);
  t.regex(e2!.message, /NaN or infinite/);
  const e3 = t.throws(() => core.matmul({ rows: 2, cols: 2, data: new Float64Array(3) }, matrix(2, 1, [1, 1])));
  t.is(e3!.message, 'matmul: A.data has 3 values, expected 2×2 = 4');
  const c = core.matmul(matrix(1, 1, [3]), matrix(1, 1, [4]));
  t.deepEqual([...c.data], [12]);
});
