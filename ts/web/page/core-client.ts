// The page's handle on the WebAssembly core: a module web worker (core-worker.ts) wrapped by comlink, so
// eigen-decompositions and FFTs run off the main thread and the page keeps drawing. The worker says
// "ready" once it listens (it imports comlink first), so no early call is lost.
import * as Comlink from 'comlink';
import type { PageCoreApi } from './core-worker.ts';

export const coreWorkerReady = 'illusion-lab-core-worker-ready';

export interface CoreClient {
  operations(): Promise<string[]>;
  /** run one operation of ts/core/ops.ts by name with its arguments */
  run(op: string, args: unknown[]): Promise<unknown>;
}

export function startCoreWorker(): CoreClient {
  const worker = new Worker(new URL('./core-worker.js', import.meta.url), { type: 'module', name: 'illusion-lab core' });
  const remote = new Promise<Comlink.Remote<PageCoreApi>>((resolve, reject) => {
    const onMessage = (e: MessageEvent) => {
      if (e.data !== coreWorkerReady) return;
      worker.removeEventListener('message', onMessage);
      resolve(Comlink.wrap<PageCoreApi>(worker));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (e) => reject(new Error(`the core worker failed to start: ${e.message || 'see the browser console'}`)), { once: true });
  });
  return {
    operations: async () => (await remote).operations(),
    run: async (op, args) => ((await remote).run as unknown as (op: string, args: unknown[]) => Promise<unknown>)(op, args),
  };
}
