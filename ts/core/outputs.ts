// Helpers shared by the facade: argument checks before crossing into WebAssembly, and reading a
// multi-output result of the core (an `Outputs` handle: named arrays copied out of WASM memory, then freed).
import { CoreError } from './errors.ts';
import { memory } from './load.ts';
import type { Outputs } from './wasm-pkg/illusion_wasm.js';

/** A numeric array the core accepts; Float32Array and plain arrays are converted to f64. */
export type NumericArray = Float64Array | Float32Array | readonly number[];

/** The largest array that crosses into WebAssembly (bytes): its allocator refuses 2 GiB and more; the core's
 *  own limit on working memory is 2 GiB too. Several inputs of one call count together (checkInputBytes). */
export const MAX_INPUT_BYTES = 2 ** 31 - 2 ** 16;

/** The inputs of one call must fit in WebAssembly memory together with the core's work. */
export function checkInputBytes(operation: string, inputs: Record<string, { byteLength: number }>): void {
  const total = Object.values(inputs).reduce((s, a) => s + a.byteLength, 0);
  if (total > MAX_INPUT_BYTES) {
    const parts = Object.entries(inputs).map(([k, a]) => `${k} ${(a.byteLength / 2 ** 20).toFixed(1)} MiB`).join(', ');
    throw new CoreError(`the inputs (${parts}) are larger than the ${(MAX_INPUT_BYTES / 2 ** 20).toFixed(1)} MiB one call can take`, operation);
  }
}

/** An optional boolean option, checked (no silent coercion of 'true', 1, …). */
export function checkOptionalBoolean(operation: string, name: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new CoreError(`${name} must be true or false, got ${describe(value)}`, operation);
}

/** A name from a fixed list (colour space, CSF model), checked before it crosses into WebAssembly. */
export function checkName<T extends string>(operation: string, what: string, value: unknown, valid: readonly T[]): T {
  if (typeof value === 'string' && (valid as readonly string[]).includes(value)) return value as T;
  throw new CoreError(`unknown ${what} ${typeof value === 'string' ? JSON.stringify(value) : describe(value)}; valid: ${valid.join(', ')}`, operation);
}

/** A value as an error message shows it: numbers as they are, anything else with its type. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)} (a string)`;
  if (typeof value === 'bigint') return `${value}n (a bigint)`;
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The input as f64, checked: a typed array of numbers or a plain array of numbers (Float32Array and the
 *  integer typed arrays are converted; BigInt arrays, strings and other objects are refused). */
export function toF64(operation: string, name: string, x: unknown): Float64Array {
  const out = toF64Unchecked(operation, name, x);
  checkInputBytes(operation, { [name]: out });
  return out;
}

function toF64Unchecked(operation: string, name: string, x: unknown): Float64Array {
  if (x instanceof Float64Array) return x;
  const typed = ArrayBuffer.isView(x) && !(x instanceof DataView) && !(x instanceof BigInt64Array) && !(x instanceof BigUint64Array);
  if (typed) return Float64Array.from(x as unknown as ArrayLike<number>);
  if (Array.isArray(x)) {
    const bad = x.findIndex((v) => typeof v !== 'number');
    if (bad >= 0) throw new CoreError(`${name}[${bad}] must be a number, got ${describe(x[bad])}`, operation);
    return Float64Array.from(x as number[]);
  }
  throw new CoreError(`${name} must be a Float64Array, Float32Array or array of numbers, got ${describe(x)}`, operation);
}

/** Sizes cross into WebAssembly as unsigned 32-bit integers: check them here, naming the input. */
export function checkSize(operation: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) {
    throw new CoreError(`${name} must be a non-negative integer, got ${describe(value)}`, operation);
  }
}

/** An object argument (a stack, options), or a CoreError naming what was expected. */
export function checkObject(operation: string, name: string, value: unknown, expected: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new CoreError(`${name} must be ${expected}, got ${describe(value)}`, operation);
  }
}

/** An options object whose every key is known (a misspelt option is an error, not silently ignored). */
export function checkOptions(operation: string, options: unknown, known: readonly string[]): void {
  checkObject(operation, 'options', options, 'an object of options');
  for (const key of Object.keys(options as object)) {
    if (!known.includes(key)) {
      throw new CoreError(`unknown option ${JSON.stringify(key)}; valid: ${known.join(', ') || 'none'}`, operation);
    }
  }
}

export function checkMatrixLike(operation: string, name: string, m: unknown): void {
  checkObject(operation, name, m, 'a matrix { rows, cols, data: Float64Array }');
  const { rows, cols, data } = m as { rows: unknown; cols: unknown; data: unknown };
  checkSize(operation, `${name}.rows`, rows);
  checkSize(operation, `${name}.cols`, cols);
  if (!(data instanceof Float64Array)) throw new CoreError(`${name}.data must be a Float64Array, got ${describe(data)}`, operation);
  if (data.length !== (rows as number) * (cols as number)) {
    throw new CoreError(`${name}.data has ${data.length} values, expected ${rows}×${cols} = ${(rows as number) * (cols as number)}`, operation);
  }
  checkInputBytes(operation, { [`${name}.data`]: data });
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
