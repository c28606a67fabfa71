// Piscina worker: loads the WebAssembly core once per thread (recovering after a trap) and runs core
// operations by name.
// Results' typed arrays are transferred back to the caller without copying.
import { Piscina } from 'piscina';
import { loadCore } from '../ts/core/index.ts';
import { coreOps, type CoreOpName } from '../ts/core/ops.ts';
import { transferablesOf } from '../ts/core/pool.ts';

export default async function runJob({ op, args }: { op: CoreOpName; args: unknown[] }): Promise<unknown> {
  // at once when loaded; after a trap not recovered synchronously, waits for the new instance
  await loadCore();
  const fn = Object.hasOwn(coreOps, op) ? (coreOps[op] as (...a: unknown[]) => unknown) : undefined;
  if (typeof fn !== 'function') throw new Error(`unknown core operation "${String(op)}"`);
  const result = fn(...args);
  const transfers = transferablesOf([result]);
  if (transfers.length === 0) return result;
  // piscina's Transferable protocol: the value travels with its buffers moved, not copied.
  return Piscina.move({ [Piscina.transferableSymbol]: transfers, [Piscina.valueSymbol]: result } as never);
}
