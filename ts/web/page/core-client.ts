// The page's handle on the WebAssembly core: a module web worker (core-worker.ts) wrapped by comlink, so
// eigen-decompositions and FFTs run off the main thread and the page keeps drawing.
import type { PageCoreApi } from './core-worker.ts';
import { startWorker } from './worker-client.ts';

export interface CoreClient {
  operations(): Promise<string[]>;
  /** run one operation of ts/core/ops.ts by name with its arguments */
  run(op: string, args: unknown[]): Promise<unknown>;
}

export function startCoreWorker(): CoreClient {
  const remote = startWorker<PageCoreApi>('./core-worker.js', 'core');
  return {
    operations: async () => (await remote).operations(),
    run: async (op, args) => ((await remote).run as unknown as (op: string, args: unknown[]) => Promise<unknown>)(op, args),
  };
}
