// Web worker holding the WebAssembly core, exposed through comlink: run(op, args) runs one operation of
// ts/core/ops.ts (eigen-decompositions, FFTs, …) off the page's main thread. It imports the core's loader
// and op registry directly (ts/core/index.ts also exports the Node-only piscina pool).
import type * as ComlinkModule from 'comlink';
import { loadBindings } from '../../core/load.ts';
import { coreOps, type CoreOpName, type CoreOps } from '../../core/ops.ts';

// Module workers do not see the page's import map, so comlink is imported by its URL in the built site
// (this file is app/ts/web/page/core-worker.js there; vendor/ is at the site root).
const comlinkUrl = new URL('../../../../vendor/comlink/dist/esm/comlink.mjs', import.meta.url).href;
const Comlink = (await import(comlinkUrl)) as typeof ComlinkModule;

const ready = loadBindings();

const api = {
  /** the names of the operations this core build has */
  async operations(): Promise<string[]> {
    return Object.keys(coreOps);
  },
  async run<K extends CoreOpName>(op: K, args: Parameters<CoreOps[K]>): Promise<ReturnType<CoreOps[K]>> {
    await ready;
    const fn = (coreOps as Record<string, unknown>)[op] as ((...a: unknown[]) => ReturnType<CoreOps[K]>) | undefined;
    if (typeof fn !== 'function') throw new Error(`unknown core operation "${String(op)}"; this core has: ${Object.keys(coreOps).join(', ')}`);
    return fn(...(args as unknown[]));
  },
};

export type PageCoreApi = typeof api;
Comlink.expose(api);
// the page waits for this before its first call (messages sent while comlink was loading would be lost)
self.postMessage('illusion-lab-core-worker-ready');
