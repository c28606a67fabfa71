#!/usr/bin/env node
// After tsc: copy the generated WebAssembly bindings (ts/core/wasm-pkg) next to the compiled facade
// (dist/ts/core/wasm-pkg), so the built package carries the .wasm.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'ts', 'core', 'wasm-pkg');
const to = join(root, 'dist', 'ts', 'core', 'wasm-pkg');
if (!existsSync(join(from, 'illusion_wasm_bg.wasm'))) {
  process.stderr.write('[copy-wasm] error: ts/core/wasm-pkg has no .wasm; run "npm run build:wasm" first\n');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
