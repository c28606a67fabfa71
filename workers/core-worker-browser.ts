// Browser web worker exposing the core through comlink:
//   const core = Comlink.wrap(new Worker(new URL('./core-worker-browser.js', import.meta.url), { type: 'module' }));
//   await core.run('matmul', [a, b]);
import * as Comlink from 'comlink';
import { loadCore } from '../ts/core/index.ts';
import { coreOps, type CoreOpName, type CoreOps } from '../ts/core/ops.ts';

const ready = loadCore();

const api = {
  async run<K extends CoreOpName>(op: K, args: Parameters<CoreOps[K]>): Promise<ReturnType<CoreOps[K]>> {
    await ready;
    const fn = coreOps[op] as (...a: unknown[]) => ReturnType<CoreOps[K]>;
    if (typeof fn !== 'function') throw new Error(`unknown core operation "${String(op)}"`);
    return fn(...(args as unknown[]));
  },
};

export type BrowserCoreApi = typeof api;
Comlink.expose(api);
