import { callCore } from './errors.ts';

/** Version of the Rust core compiled into the .wasm. */
export function coreVersion(): string {
  return callCore('coreVersion', (w) => w.coreVersion());
}
