// A pool of Node worker threads (piscina), each holding its own instance of the WebAssembly core,
// loaded once. Jobs are core operations by name; typed arrays can be transferred instead of copied.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { CoreError } from './errors.ts';
import { coreOps, type CoreOpName, type CoreOps } from './ops.ts';
import { describe } from './outputs.ts';

export interface CorePoolOptions {
  /** number of worker threads; default: the number of CPU cores */
  threads?: number;
}

export interface CoreJob<K extends CoreOpName = CoreOpName> {
  op: K;
  args: Parameters<CoreOps[K]>;
}

function workerFile(): string {
  const here = import.meta.url;
  // Running from sources (tsx): ts/core/pool.ts → workers/core-worker.ts; built: dist/ts/core → dist/workers.
  const ext = here.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`../../workers/core-worker${ext}`, here).href;
}

/** Collect the ArrayBuffers of typed arrays found in args (one level into plain objects). */
export function transferablesOf(args: readonly unknown[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    else if (depth < 2 && v && typeof v === 'object') for (const x of Object.values(v)) visit(x, depth + 1);
  };
  for (const a of args) visit(a, 0);
  return [...out];
}

export class CorePool {
  private readonly piscina: Piscina;
  readonly threads: number;

  private closed = false;

  constructor(options: CorePoolOptions = {}) {
    const threads = options.threads ?? availableParallelism();
    if (!Number.isSafeInteger(threads) || threads < 1) {
      throw new CoreError(`threads must be a positive integer, got ${describe(threads)}`, 'CorePool');
    }
    this.threads = threads;
    const filename = workerFile();
    this.piscina = new Piscina({
      filename,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: 60_000,
      // Workers on .ts sources need tsx's loader; built .js workers need nothing.
      execArgv: filename.endsWith('.ts') ? ['--import', 'tsx'] : [],
    });
  }

  /**
   * Run one core operation in a worker. With transfer: true the typed arrays in args are moved to the
   * worker (they become unusable here) instead of copied.
   */
  run<K extends CoreOpName>(op: K, args: Parameters<CoreOps[K]>, opts: { transfer?: boolean } = {}): Promise<ReturnType<CoreOps[K]>> {
    if (this.closed) return Promise.reject(new CoreError('the pool is closed', String(op)));
    if (typeof op !== 'string' || !Object.hasOwn(coreOps, op)) {
      return Promise.reject(new CoreError(`unknown core operation; valid: ${Object.keys(coreOps).join(', ')}`, String(op)));
    }
    const transferList = opts.transfer ? transferablesOf(args) : undefined;
    return this.piscina.run({ op, args }, { transferList }).catch((e: unknown) => { throw CoreError.fromWorker(e, op); });
  }

  /** Run many independent jobs, at most `threads` at a time. */
  runAll<K extends CoreOpName>(jobs: CoreJob<K>[], opts: { transfer?: boolean } = {}): Promise<ReturnType<CoreOps[K]>[]> {
    return Promise.all(jobs.map((j) => this.run(j.op, j.args, opts)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.piscina.destroy();
  }
}
