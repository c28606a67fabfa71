// Step results of a study run, cached as JSON under <out>/cache/ so an interrupted run resumes: a step
// whose key (its name and a hash of everything it depends on) is already there is loaded, not recomputed,
// and the report says so. The file name carries the key, so runs of other configurations into the same
// folder never overwrite each other's steps. Typed arrays are stored as plain arrays.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomic } from '../util/atomic.ts';

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value, replacer)).digest('hex').slice(0, 16);
}

function replacer(_k: string, v: unknown): unknown {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}

export class StepCache {
  readonly loaded: string[] = [];
  readonly computed: string[] = [];

  constructor(private readonly dir: string, private readonly enabled: boolean) {}

  /** Return the cached value of `name` for `deps`, or compute, store and return it. */
  /** Number of cached step files present (any configuration). */
  available(): number {
    return existsSync(this.dir) ? readdirSync(this.dir).filter((f) => f.endsWith('.json')).length : 0;
  }

  /** Whether `name` for `deps` is cached (so a progress bar can count it as done). */
  has(name: string, deps: unknown): boolean {
    return this.enabled && existsSync(join(this.dir, `${name}.${hashOf(deps)}.json`));
  }

  async step<T>(name: string, deps: unknown, compute: () => Promise<T>): Promise<T> {
    const key = hashOf(deps);
    const file = join(this.dir, `${name}.${key}.json`);
    if (this.enabled && existsSync(file)) {
      try {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as { key: string; value: T };
        if (stored.key === key) {
          this.loaded.push(name);
          return stored.value;
        }
      } catch { /* unreadable cache entry: recompute */ }
    }
    const value = await compute();
    writeJsonAtomic(file, JSON.parse(JSON.stringify({ key, name, value }, replacer)));
    this.computed.push(name);
    return JSON.parse(JSON.stringify(value, replacer)) as T;
  }
}
