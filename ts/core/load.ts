// Loads the WebAssembly core (built by scripts/build-wasm.mjs into ./wasm-pkg) in Node or a browser.
// The same .wasm serves both, compiled once. If a call ever traps (a bug in the core), the instance is
// replaced at once by a standby instance kept ready in the background (and a new standby is prepared), so
// one bad call never leaves the module unusable, not even for the very next synchronous call.
import type * as Bindings from './wasm-pkg/illusion_wasm.js';

export type CoreBindings = typeof Bindings;

const gluePath = './wasm-pkg/illusion_wasm.js';
const wasmPath = './wasm-pkg/illusion_wasm_bg.wasm';

let generation = 0;
interface Instance { glue: CoreBindings; memory: WebAssembly.Memory }
let current: Instance | undefined;
let loading: Promise<Instance> | undefined;
/** A second instance made ready in the background, so that a trap is recovered from synchronously. */
let standby: Instance | undefined;
let standbyLoading: Promise<void> | undefined;
let wasmBytes: Uint8Array | undefined;
let wasmModule: Promise<WebAssembly.Module> | undefined;

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

/** Compiled once; every instance (the current one, the standby, replacements after traps) shares it. */
function compiledModule(): Promise<WebAssembly.Module> {
  wasmModule ??= readWasmBytes().then((bytes) => WebAssembly.compile(bytes as BufferSource));
  wasmModule.catch(() => { wasmModule = undefined; }); // a failed read may be retried
  return wasmModule;
}

async function instantiate(): Promise<Instance> {
  const module = await compiledModule();
  // A query string gives a fresh copy of the glue module (its own memory): one per instance.
  const suffix = generation === 0 ? '' : `?instance=${generation}`;
  generation++;
  const glue = (await import(/* @vite-ignore */ new URL(gluePath, import.meta.url).href + suffix)) as CoreBindings;
  return { glue, memory: glue.initSync({ module }).memory };
}

function prepareStandby(): void {
  if (standby || standbyLoading) return;
  standbyLoading = instantiate()
    .then((i) => { standby = i; })
    .catch(() => { /* retried at the next trap or load */ })
    .finally(() => { standbyLoading = undefined; });
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
 * Replace the current instance after a trap: by the standby instance when it is ready (then at once, and
 * a new standby is prepared in the background), otherwise by one loading now (the next loadBindings()
 * waits for it). Returns whether the replacement is already in place.
 */
export function replaceInstance(): boolean {
  current = standby;
  standby = undefined;
  if (current) {
    prepareStandby();
    return true;
  }
  void loadBindings().then(prepareStandby, () => {});
  return false;
}

/** Prepare the standby instance now (after the first load; loadCore does this). */
export function keepStandby(): void {
  if (current) prepareStandby();
}
