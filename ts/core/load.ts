// Loads the WebAssembly core (built by scripts/build-wasm.mjs into ./wasm-pkg) in Node or a browser.
// The same .wasm serves both. If a call ever traps (a bug in the core), the instance is discarded and a
// fresh one is loaded on the next call, so one bad call never leaves the module unusable.
import type * as Bindings from './wasm-pkg/illusion_wasm.js';

export type CoreBindings = typeof Bindings;

const gluePath = './wasm-pkg/illusion_wasm.js';
const wasmPath = './wasm-pkg/illusion_wasm_bg.wasm';

let generation = 0;
let current: CoreBindings | undefined;
let currentMemory: WebAssembly.Memory | undefined;
let loading: Promise<CoreBindings> | undefined;
let wasmBytes: Uint8Array | undefined;

const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

async function readWasmBytes(): Promise<Uint8Array> {
  if (wasmBytes) return wasmBytes;
  const url = new URL(wasmPath, import.meta.url);
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    try {
      wasmBytes = new Uint8Array(await readFile(url));
    } catch {
      throw new Error(`the WebAssembly core is missing (${url.pathname}); build it with "npm run build:wasm"`);
    }
  } else {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`could not fetch the WebAssembly core from ${url} (HTTP ${res.status})`);
    wasmBytes = new Uint8Array(await res.arrayBuffer());
  }
  return wasmBytes;
}

async function instantiate(): Promise<CoreBindings> {
  const bytes = await readWasmBytes();
  // A query string gives a fresh copy of the glue module (its own memory) after a trap.
  const suffix = generation === 0 ? '' : `?instance=${generation}`;
  const glue = (await import(/* @vite-ignore */ new URL(gluePath, import.meta.url).href + suffix)) as CoreBindings;
  currentMemory = glue.initSync({ module: bytes }).memory;
  return glue;
}

/** The loaded bindings (loading them on first use). */
export function loadBindings(): Promise<CoreBindings> {
  if (current) return Promise.resolve(current);
  loading ??= instantiate().then((b) => { current = b; loading = undefined; return b; });
  return loading;
}

/** Synchronous access once loaded; throws if loadBindings() has not resolved yet. */
export function bindings(): CoreBindings {
  if (!current) throw new Error('the WebAssembly core is not loaded yet: await loadCore() first');
  return current;
}

/** The memory of the loaded instance (its buffer changes when the memory grows: read it after a call). */
export function memory(): WebAssembly.Memory {
  if (!currentMemory || !current) throw new Error('the WebAssembly core is not loaded yet: await loadCore() first');
  return currentMemory;
}

/** Forget the current instance (after a trap); the next loadBindings() makes a new one. */
export function discardInstance(): void {
  current = undefined;
  generation++;
}
