#!/usr/bin/env node
// Builds crates/illusion-wasm to WebAssembly (+simd128) and generates its wasm-bindgen bindings into
// ts/core/wasm-pkg/. Idempotent: skips when the sources are unchanged since the last build (stamp file).
//
// Toolchain, in order of preference:
//   1. rustup with the wasm32-unknown-unknown target installed (any machine with internet);
//   2. Debian's rustc-web + rust-web-src + lld (std built from source with -Zbuild-std), installed with
//      apt-get when missing and we are root. See README "How the WASM is built".
// The wasm-bindgen CLI must match the crate's wasm-bindgen version exactly; it is installed with
// `cargo install wasm-bindgen-cli --version <that version>` when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WASM_PATCHES, applyPatch } from './wasm-patches.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'ts', 'core', 'wasm-pkg');
const stampFile = join(outDir, '.stamp');
const target = 'wasm32-unknown-unknown';
const force = process.argv.includes('--force');

function log(msg) { process.stderr.write(`[build-wasm] ${msg}\n`); }
function fail(msg) { process.stderr.write(`[build-wasm] error: ${msg}\n`); process.exit(1); }

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with status ${r.status}`);
}
function capture(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return r.status === 0 ? r.stdout.trim() : null;
}

function listFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'target') out.push(...listFiles(p)); }
    else out.push(p);
  }
  return out;
}

function sourceHash() {
  const h = createHash('sha256');
  const files = [join(root, 'Cargo.toml'), join(root, 'Cargo.lock'), fileURLToPath(import.meta.url), join(root, 'scripts', 'wasm-patches.mjs'), ...listFiles(join(root, 'crates'))]
    .filter(existsSync).sort();
  for (const f of files) { h.update(relative(root, f)); h.update(readFileSync(f)); }
  return h.digest('hex');
}

if (!existsSync(join(root, 'crates'))) {
  // Installed from a package: the .wasm ships prebuilt.
  if (existsSync(join(outDir, 'illusion_wasm_bg.wasm'))) process.exit(0);
  fail('no Rust sources (crates/) and no prebuilt WebAssembly module: reinstall the package');
}

const hash = sourceHash();
if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash &&
    existsSync(join(outDir, 'illusion_wasm_bg.wasm'))) {
  log('up to date');
  process.exit(0);
}

const targetDir = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache', 'illusion-lab', 'cargo-target');
const rustflags = '-C target-feature=+simd128';

function hasRustupTarget() {
  const installed = capture('rustup', ['target', 'list', '--installed']);
  return installed !== null && installed.split('\n').includes(target);
}

function debianToolchain() {
  const ok = () => existsSync('/usr/bin/rustc') && existsSync('/usr/lib/rustlib/src/rust/library/std') && lldName() !== null;
  if (!ok()) {
    if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
      fail('no wasm32 Rust toolchain: install rustup\'s target (`rustup target add wasm32-unknown-unknown`) ' +
           'or, on Debian as root, the packages rustc-web cargo-web rust-web-src lld-<LLVM major>');
    }
    log('installing Debian packages rustc-web cargo-web rust-web-src (first build only)');
    run('apt-get', ['update', '-q']);
    run('apt-get', ['install', '-y', '-q', 'rustc-web', 'cargo-web', 'rust-web-src'], { DEBIAN_FRONTEND: 'noninteractive' });
    const major = llvmMajor();
    if (lldName() === null) run('apt-get', ['install', '-y', '-q', `lld-${major}`], { DEBIAN_FRONTEND: 'noninteractive' });
    if (!ok()) fail('Debian Rust toolchain still incomplete after apt-get install');
  }
  return lldName();
}
function llvmMajor() {
  const v = capture('/usr/bin/rustc', ['-vV']);
  const m = v?.match(/LLVM version: (\d+)/);
  if (!m) fail('cannot read the LLVM version of /usr/bin/rustc');
  return m[1];
}
function lldName() {
  if (!existsSync('/usr/bin/rustc')) return null;
  const name = `wasm-ld-${llvmMajor()}`;
  return capture('which', [name]) ? name : null;
}

// The build runs in a shadow workspace (in the cargo target folder, one per clone): the repository's Cargo.toml plus a
// [patch] of each crate in scripts/wasm-patches.mjs (faer, gemm-f64) by a patched copy of its source, its Cargo.lock
// copied, crates/ linked. The repository's own Cargo.toml and Cargo.lock stay as committed (native builds use the
// crates as published).
function shadowWorkspace(cargo, env) {
  const meta = spawnSync(cargo, ['metadata', '--format-version', '1', '--filter-platform', target, '--manifest-path', join(root, 'Cargo.toml')],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  if (meta.status !== 0) fail(`cargo metadata failed (could not fetch the crates?):\n${meta.stderr}`);
  const packages = JSON.parse(meta.stdout).packages;
  const patchLines = [];
  for (const patch of WASM_PATCHES) {
    const found = packages.filter((p) => p.name === patch.crate);
    if (found.length !== 1 || found[0].version !== patch.version) {
      fail(`Cargo.lock has ${patch.crate} ${found.map((p) => p.version).join(', ') || '(none)'}, scripts/wasm-patches.mjs is for ${patch.version}: update the patch`);
    }
    const patched = join(targetDir, 'patched', `${patch.crate}-${patch.version}`);
    try { applyPatch(patch, dirname(found[0].manifest_path), patched); } catch (e) { fail(e.message); }
    patchLines.push(`${patch.crate} = { path = ${JSON.stringify(patched)} }`);
  }
  // one shadow workspace per clone: clones share the cargo folder, and each links its own crates/
  const ws = join(targetDir, 'workspaces', createHash('sha256').update(root).digest('hex').slice(0, 12));
  mkdirSync(ws, { recursive: true });
  writeFileSync(join(ws, 'Cargo.toml'), readFileSync(join(root, 'Cargo.toml'), 'utf8') +
    `\n# added by scripts/build-wasm.mjs (shadow workspace)\n[patch.crates-io]\n${patchLines.join('\n')}\n`);
  writeFileSync(join(ws, 'Cargo.lock'), readFileSync(join(root, 'Cargo.lock')));
  const link = join(ws, 'crates');
  let current = null;
  try { current = readlinkSync(link); } catch { /* absent */ }
  if (current !== join(root, 'crates')) { rmSync(link, { recursive: true, force: true }); symlinkSync(join(root, 'crates'), link, 'junction'); } // junction: no privilege needed on Windows; ignored elsewhere
  return join(ws, 'Cargo.toml');
}

let wasmFile;
if (hasRustupTarget()) {
  log('toolchain: rustup with the wasm32-unknown-unknown target');
  const env = { CARGO_TARGET_DIR: targetDir, RUSTFLAGS: rustflags };
  run('cargo', ['build', '--release', '-p', 'illusion-wasm', '--target', target, '--manifest-path', shadowWorkspace('cargo', env)], env);
} else {
  const linker = debianToolchain();
  log(`toolchain: Debian rustc-web with -Zbuild-std, linker ${linker}`);
  const env = { CARGO_TARGET_DIR: targetDir, RUSTFLAGS: rustflags, RUSTC: '/usr/bin/rustc', RUSTDOC: '/usr/bin/rustdoc', RUSTC_BOOTSTRAP: '1' };
  run('/usr/bin/cargo', ['build', '--release', '-p', 'illusion-wasm', '--target', target, '--manifest-path', shadowWorkspace('/usr/bin/cargo', env),
    '-Zbuild-std=std,panic_abort', '--config', `target.${target}.linker="${linker}"`], env);
}
wasmFile = join(targetDir, target, 'release', 'illusion_wasm.wasm');
if (!existsSync(wasmFile)) fail(`cargo did not produce ${wasmFile}`);

// wasm-bindgen CLI of exactly the crate's version.
const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
const m = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
if (!m) fail('Cargo.lock has no wasm-bindgen entry');
const want = m[1];
const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin');
const findBindgen = () => {
  for (const cand of [join(cargoBin, 'wasm-bindgen'), 'wasm-bindgen']) {
    const v = capture(cand, ['--version']);
    if (v && v.split(/\s+/)[1] === want) return cand;
  }
  return null;
};
let bindgen = findBindgen();
if (!bindgen) {
  log(`installing wasm-bindgen-cli ${want} with cargo install (first build only, a few minutes)`);
  run(existsSync(join(cargoBin, 'cargo')) ? join(cargoBin, 'cargo') : 'cargo',
      ['install', 'wasm-bindgen-cli', '--version', want]);
  bindgen = findBindgen();
  if (!bindgen) fail(`wasm-bindgen ${want} still not found after cargo install`);
}

const tmpOut = outDir + '.tmp';
rmSync(tmpOut, { recursive: true, force: true });
run(bindgen, ['--target', 'web', '--typescript', '--out-dir', tmpOut, wasmFile]);

// A reset for the glue: after a trap, ts/core/load.ts forgets the dead instance and instantiates the compiled
// module again in the same glue module, so the dead instance (and its memory) can be garbage-collected.
const glueFile = join(tmpOut, 'illusion_wasm.js');
const glue = readFileSync(glueFile, 'utf8');
const resetVars = ['wasm', 'wasmInstance', 'cachedFloat64ArrayMemory0', 'cachedUint8ArrayMemory0', 'WASM_VECTOR_LEN', '__wbg_init_promise'];
for (const v of resetVars) {
  if (!new RegExp(`\\blet [^;]*\\b${v}\\b`).test(glue)) fail(`the wasm-bindgen glue has no variable ${v}: update the reset in scripts/build-wasm.mjs for this wasm-bindgen version`);
}
writeFileSync(glueFile, glue + `
/** Added by illusion-lab's scripts/build-wasm.mjs: forget the current instance (after a trap), so that the
 *  next initSync() instantiates the module afresh and the dead instance can be garbage-collected. */
export function __illusion_reset() {
    wasm = undefined;
    wasmInstance = undefined;
    cachedFloat64ArrayMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    WASM_VECTOR_LEN = 0;
    __wbg_init_promise = undefined;
}
`);
const dts = join(tmpOut, 'illusion_wasm.d.ts');
writeFileSync(dts, readFileSync(dts, 'utf8') + '\n/** Forget the current instance (after a trap); the next initSync() makes a fresh one. */\nexport function __illusion_reset(): void;\n');
writeFileSync(join(tmpOut, '.stamp'), hash + '\n');
rmSync(outDir, { recursive: true, force: true });
renameSync(tmpOut, outDir);
log(`built ${relative(root, join(outDir, 'illusion_wasm_bg.wasm'))} (${(statSync(join(outDir, 'illusion_wasm_bg.wasm')).size / 1024).toFixed(0)} KiB)`);
