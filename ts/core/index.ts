// illusion-lab/core: the typed facade over the Rust→WebAssembly numerical core.
//   const core = await loadCore();  core.matmul(a, b)
// or, off the main thread, a CorePool (Node, piscina) / the comlink worker (browsers).
import { loadBindings } from './load.ts';
import { coreOps } from './ops.ts';

export { CoreError } from './errors.ts';
export type { Matrix } from './matrix.ts';
export { matrix } from './matrix.ts';
export type { CoreOps, CoreOpName } from './ops.ts';

export type Core = typeof coreOps;

/** Load the WebAssembly module (once) and return the core's synchronous API. */
export async function loadCore(): Promise<Core> {
  await loadBindings();
  return coreOps;
}

export { CorePool } from './pool.ts';
