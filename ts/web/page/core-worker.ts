// Web worker holding the WebAssembly core, exposed through comlink: run(op, args) runs one operation of
// ts/core/ops.ts (eigen-decompositions, FFTs, …) off the page's main thread. It imports the core's loader
// and op registry directly (ts/core/index.ts also exports the Node-only piscina pool).
import * as Comlink from 'comlink';
import { loadBindings } from '../../core/load.ts';
import { coreOps, type CoreOpName, type CoreOps } from '../../core/ops.ts';

const ready = loadBindings();

const api = {
  /** the names of the operations this core build has */
  async operations(): Promise<string[]> {
    return Object.keys(coreOps);
  },
  async run<K extends CoreOpName>(op: K, args: Parameters<CoreOps[K]>): Promise<ReturnType<CoreOps[K]>> {
    await ready;
    await loadBindings(); // at once when loaded; after a trap not recovered synchronously, waits for the new instance
    const fn = Object.hasOwn(coreOps, op) ? (coreOps as Record<string, unknown>)[op] as (...a: unknown[]) => ReturnType<CoreOps[K]> : undefined;
    if (typeof fn !== 'function') throw new Error(`unknown core operation "${String(op)}"; this core has: ${Object.keys(coreOps).join(', ')}`);
    return fn(...(args as unknown[]));
  },
};

export type PageCoreApi = typeof api;
Comlink.expose(api);
// the page waits for this before its first call
self.postMessage('illusion-lab-worker-ready');
