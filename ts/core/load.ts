// Loads the WebAssembly core (built by scripts/build-wasm.mjs into ./wasm-pkg) in Node or a browser.
// The same .wasm serves both, compiled once. If a call ever traps (a bug in the core), the dead instance is
// dropped and the compiled module instantiated afresh in the same glue module, synchronously, so the very
// next call works and the dead instance's memory can be garbage-collected (where synchronous instantiation
// is not allowed, e.g. a large module on a browser's main thread, it is loaded asynchronously instead).
import type * as Bindings from './wasm-pkg/illusion_wasm.js';

export type CoreBindings = typeof Bindings;

const gluePath = './wasm-pkg/illusion_wasm.js';
const wasmPath = './wasm-pkg/illusion_wasm_bg.wasm';

interface Instance { glue: CoreBindings; memory: WebAssembly.Memory }
let current: Instance | undefined;
let loading: Promise<Instance> | undefined;
let glueModule: CoreBindings | undefined;
let compiled: WebAssembly.Module | undefined;
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

async function instantiate(): Promise<Instance> {
  compiled ??= await WebAssembly.compile((await readWasmBytes()) as BufferSource);
  glueModule ??= (await import(/* @vite-ignore */ new URL(gluePath, import.meta.url).href)) as CoreBindings;
  glueModule.__illusion_reset();
  return { glue: glueModule, memory: glueModule.initSync({ module: compiled }).memory };
}

/** The loaded bindings (loading them on first use). */
export function loadBindings(): Promise<CoreBindings> {
  if (current) return Promise.resolve(current.glue);
  loading ??= instantiate().then(
    (i) => { current = i; loading = undefined; return i; },
    (e) => { loading = undefined; throw e; },
  );
  return loading.then((i) => i.glue);
}

/** Synchronous access once loaded; throws if loadBindings() has not resolved yet. */
export function bindings(): CoreBindings {
  if (!current) throw new Error('the WebAssembly core is not loaded: await loadCore() first');
  return current.glue;
}

/** The memory of the loaded instance (its buffer changes when the memory grows: read it after a call). */
export function memory(): WebAssembly.Memory {
  if (!current) throw new Error('the WebAssembly core is not loaded: await loadCore() first');
  return current.memory;
}

/**
 * Replace the current instance after a trap: the dead one is dropped and the compiled module instantiated
 * again, synchronously; where that is refused, asynchronously (the next loadBindings() waits for it).
 * Returns whether the replacement is already in place.
 */
export function replaceInstance(): boolean {
  const glue = current?.glue;
  current = undefined;
  if (glue && compiled) {
    try {
      glue.__illusion_reset();
      current = { glue, memory: glue.initSync({ module: compiled }).memory };
      return true;
    } catch {
      // fall through to the asynchronous path
    }
  }
  void loadBindings().catch(() => {});
  return false;
}
