// Errors raised by the numerical core. Bad input gives a CoreError with the core's message; a trap inside
// the WebAssembly module (a bug) also becomes a CoreError, and the instance is replaced.
import { bindings, replaceInstance } from './load.ts';

export class CoreError extends Error {
  override name = 'CoreError';
  constructor(message: string, readonly operation: string) {
    super(`${operation}: ${message}`);
  }

  /** The CoreError for an error that crossed a thread (a worker's errors arrive as plain Errors). */
  static fromWorker(e: unknown, operation: string): CoreError {
    if (e instanceof CoreError) return e;
    const message = e instanceof Error ? e.message : String(e);
    return new CoreError(message.startsWith(`${operation}: `) ? message.slice(operation.length + 2) : message, operation);
  }
}

/** Run a call into the core, translating its failures into CoreError. */
export function callCore<T>(operation: string, f: (b: ReturnType<typeof bindings>) => T): T {
  let b: ReturnType<typeof bindings>;
  try {
    b = bindings();
  } catch (e) {
    throw new CoreError(e instanceof Error ? e.message : String(e), operation);
  }
  try {
    return f(b);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      const ready = replaceInstance();
      throw new CoreError(`the WebAssembly core trapped (${e.message}); ${ready
        ? 'a fresh instance has replaced it'
        : 'a fresh instance is loading: await loadCore() before the next call'}`, operation);
    }
    if (e instanceof CoreError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new CoreError(msg.replace(/^[^:]+: /, (m) => (m.startsWith(operation) ? '' : m)), operation);
  }
}
