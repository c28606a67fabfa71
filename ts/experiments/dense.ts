// Small dense-matrix helpers on the TypeScript side (row-major Float64Array), for checks and reports.
// Heavy linear algebra goes through the WASM core (illusion-lab/core).

export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** y = A·x */
export function matVec(a: DenseMatrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== a.cols) throw new RangeError(`vector has length ${x.length}, matrix has ${a.cols} columns`);
  const y = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    const off = i * a.cols;
    for (let j = 0; j < a.cols; j++) s += a.data[off + j] * x[j];
    y[i] = s;
  }
  return y;
}

export function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

export function sub(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

/** ‖A − B‖_F / ‖B‖_F */
export function relativeFrobenius(a: DenseMatrix, b: DenseMatrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError('matrices differ in shape');
  let num = 0, den = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = a.data[i] - b.data[i];
    num += d * d;
    den += b.data[i] * b.data[i];
  }
  return Math.sqrt(num / (den || 1));
}
