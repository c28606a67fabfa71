// Errors raised by the numerical core. Bad input gives a CoreError with the core's message; a trap inside
// the WebAssembly module (a bug) also becomes a CoreError, and the instance is replaced.
import { bindings, discardInstance } from './load.ts';

export class CoreError extends Error {
  override name = 'CoreError';
  constructor(message: string, readonly operation: string) {
    super(`${operation}: ${message}`);
  }
}

/** Run a call into the core, translating its failures into CoreError. */
export function callCore<T>(operation: string, f: (b: ReturnType<typeof bindings>) => T): T {
  const b = bindings();
  try {
    return f(b);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      discardInstance();
      throw new CoreError(`the WebAssembly core trapped (${e.message}); it has been reloaded`, operation);
    }
    if (e instanceof CoreError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new CoreError(msg.replace(/^[^:]+: /, (m) => (m.startsWith(operation) ? '' : m)), operation);
  }
}
