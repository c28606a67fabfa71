// Helpers shared by the facade: argument checks before crossing into WebAssembly, and reading a
// multi-output result of the core (an `Outputs` handle: named arrays moved out once, then freed).
import { CoreError } from './errors.ts';
import { memory } from './load.ts';
import type { Outputs } from './wasm-pkg/illusion_wasm.js';

/** A numeric array the core accepts; Float32Array and plain arrays are converted to f64. */
export type NumericArray = Float64Array | Float32Array | readonly number[];

export function toF64(x: NumericArray): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

/** Sizes cross into WebAssembly as unsigned 32-bit integers: check them here, naming the input. */
export function checkSize(operation: string, name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) {
    throw new CoreError(`${name} must be a non-negative integer, got ${value}`, operation);
  }
}

export function checkMatrixLike(operation: string, name: string, m: { rows: number; cols: number; data: unknown }): void {
  checkSize(operation, `${name}.rows`, m.rows);
  checkSize(operation, `${name}.cols`, m.cols);
  if (!(m.data instanceof Float64Array)) throw new CoreError(`${name}.data must be a Float64Array`, operation);
}

export function notSquare(operation: string, m: { rows: number; cols: number }): CoreError {
  return new CoreError(`the matrix must be square, got ${m.rows}×${m.cols}`, operation);
}

export function checkOptionalNumber(operation: string, name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CoreError(`${name} must be a finite number, got ${String(value)}`, operation);
  }
  return value;
}

/** The named results of one core call. */
export interface OutputReader {
  /** a copy of the array called `name` (empty if absent) */
  take(name: string): Float64Array;
  /** the scalar called `name` (NaN if absent) */
  scalar(name: string): number;
}

/** Read the outputs of one core call and free the handle. Arrays are copied straight out of WebAssembly
 *  memory into fresh arrays (new + set: ~3× faster than the glue's slice() for ½ MB in V8). */
export function readOutputs<T>(o: Outputs, read: (o: OutputReader) => T): T {
  try {
    return read({
      take(name) {
        const length = o.length(name);
        const out = new Float64Array(length);
        if (length > 0) out.set(new Float64Array(memory().buffer, o.address(name), length));
        return out;
      },
      scalar: (name) => o.scalar(name),
    });
  } finally {
    o.free();
  }
}
