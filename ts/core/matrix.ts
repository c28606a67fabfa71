// Dense matrices: row-major Float64Array with their shape.
import { CoreError, callCore } from './errors.ts';
import { checkInputBytes, checkMatrixLike, readOutputs } from './outputs.ts';

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** row-major: data[i * cols + j] */
  readonly data: Float64Array;
}

export function matrix(rows: number, cols: number, data: ArrayLike<number>): Matrix {
  return { rows, cols, data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

/** C = A·B. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  checkMatrixLike('matmul', 'A', a);
  checkMatrixLike('matmul', 'B', b);
  checkInputBytes('matmul', { 'A.data': a.data, 'B.data': b.data });
  if (a.cols !== b.rows) throw new CoreError(`inner dimensions differ: A is ${a.rows}×${a.cols}, B is ${b.rows}×${b.cols}`, 'matmul');
  const data = callCore('matmul', (w) => readOutputs(w.matmul(a.data, b.data, a.rows, a.cols, b.cols), (o) => o.take('data')));
  return { rows: a.rows, cols: b.cols, data };
}
