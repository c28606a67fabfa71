// The browser page as a static folder: web/index.html and web/style.css, the compiled TypeScript of dist/ts
// (the same stimuli, core facade and matching code Node runs), the ESM builds of @tensorflow/tfjs and
// comlink, the WebAssembly core, and the trained models found in a models folder (each NAME/ with
// model.json + its weight files, listed in models/index.json). No bundler: the one link step rewrites the
// bare specifiers of the compiled modules ('@tensorflow/tfjs', 'comlink') to relative URLs of the vendor
// files — module web workers do not see a page's import map, and the network and core run in workers.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../util/errors.ts';

const here = fileURLToPath(import.meta.url);
/** The repository (or installed package) root: ts/web/site.ts from sources, dist/ts/web/site.js built. */
export const packageRoot = here.endsWith('.ts') ? resolve(dirname(here), '..', '..') : resolve(dirname(here), '..', '..', '..');

/** Bare specifiers of the page's modules and the files (under node_modules) they are linked to. */
export const vendorModules: Readonly<Record<string, string>> = {
  '@tensorflow/tfjs': '@tensorflow/tfjs/dist/tf.fesm.js',
  '@tensorflow/tfjs-backend-wasm': '@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.fesm.js',
  comlink: 'comlink/dist/esm/comlink.mjs',
};

/** A module standing in for the Node built-ins that the WASM backend's ESM build imports statically and
 *  uses only under Node. */
const nodeBuiltinStub = 'node-builtin-stub.js';

/** Bare specifiers *inside* vendor files, linked to another vendor file: the WASM backend must share the one
 *  tfjs-core instance of the tfjs bundle (its kernels register with that engine). */
const vendorAliases: Readonly<Record<string, string>> = {
  '@tensorflow/tfjs-core': '@tensorflow/tfjs',
  fs: nodeBuiltinStub,
  path: nodeBuiltinStub,
  os: nodeBuiltinStub,
  perf_hooks: nodeBuiltinStub,
};

/** The WASM backend's binaries (plain, SIMD, threaded SIMD; it picks one at run time), copied beside its
 *  module: ts/web/page/net-worker.ts points setWasmPaths() at that folder. */
export const tfjsWasmDir = '@tensorflow/tfjs-backend-wasm/dist/';
const tfjsWasmFiles = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

export interface BuildOptions {
  /** output folder (emptied first if it exists and holds a previous build) */
  outDir: string;
  /** folder of trained models (default: models/ of the package root; missing = no models listed) */
  modelsDir?: string;
}

export interface ModelListing {
  name: string;
  /** path of model.json relative to the site root */
  url: string;
  /** card.json beside it, when present */
  card: unknown;
}

export interface BuildSummary {
  outDir: string;
  files: number;
  bytes: number;
  models: ModelListing[];
}

function requireFile(path: string, hint: string): void {
  if (!existsSync(path)) throw new UserError(`${relative(process.cwd(), path) || path} is missing; ${hint}`);
}

function resolveVendor(file: string): string {
  const path = join(packageRoot, 'node_modules', file);
  requireFile(path, 'run "npm install"');
  return path;
}

/** The model folders under dir (those holding a model.json), copied with their weight files and card. */
function copyModels(dir: string, out: string): ModelListing[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new UserError(`--models: ${dir} is not a folder`);
  const listings: ModelListing[] = [];
  for (const name of readdirSync(dir).sort()) {
    const src = join(dir, name);
    const modelJson = join(src, 'model.json');
    if (!existsSync(modelJson)) continue;
    let manifest: { weightsManifest?: { paths?: string[] }[] };
    try {
      manifest = JSON.parse(readFileSync(modelJson, 'utf8'));
    } catch {
      throw new UserError(`model ${modelJson} is not valid JSON`);
    }
    const weightPaths = (manifest.weightsManifest ?? []).flatMap((g) => g.paths ?? []);
    mkdirSync(join(out, name), { recursive: true });
    for (const file of ['model.json', ...weightPaths, 'card.json']) {
      if (file.includes('..') || file.startsWith('/')) throw new UserError(`model ${modelJson}: weight path "${file}" leaves the model folder`);
      const from = join(src, file);
      if (!existsSync(from)) {
        if (file === 'card.json') continue;
        throw new UserError(`model ${src} is incomplete: ${file} is missing`);
      }
      cpSync(from, join(out, name, file));
    }
    const cardPath = join(src, 'card.json');
    const card = existsSync(cardPath) ? JSON.parse(readFileSync(cardPath, 'utf8')) : null;
    listings.push({ name, url: `models/${name}/model.json`, card });
  }
  return listings;
}

function copyJs(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    filter: (p) => statSync(p).isDirectory() || /\.(js|wasm)$/.test(p),
  });
}

const bareImport = /(\bfrom\s*|\bimport\s*\(\s*)(['"])([^'"./][^'"]*)\2/g;

/** Rewrite the vendor bare specifiers of one compiled module to URLs relative to it; returns how many. */
export function linkBareImports(source: string, fromDir: string, vendorFiles: Readonly<Record<string, string>>): { code: string; linked: number } {
  let linked = 0;
  const code = source.replace(bareImport, (whole, lead: string, quote: string, spec: string) => {
    const target = vendorFiles[spec];
    if (target === undefined) return whole;
    linked++;
    let rel = relative(fromDir, target).split(sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${lead}${quote}${rel}${quote}`;
  });
  return { code, linked };
}

function linkFolder(dir: string, vendorFiles: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.js')) continue;
    const file = join(e.parentPath, e.name);
    const { code, linked } = linkBareImports(readFileSync(file, 'utf8'), dirname(file), vendorFiles);
    if (linked > 0) { writeFileSync(file, code); total += linked; }
  }
  return total;
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0, bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) { files++; bytes += statSync(join(e.parentPath, e.name)).size; }
  }
  return { files, bytes };
}

/** Build the page into opts.outDir. Needs the compiled dist/ (npm run build). */
export function buildWebSite(opts: BuildOptions): BuildSummary {
  const out = resolve(opts.outDir);
  const distTs = join(packageRoot, 'dist', 'ts');
  const web = join(packageRoot, 'web');
  requireFile(join(distTs, 'web', 'page', 'main.js'), 'build the TypeScript first with "npm run build"');
  requireFile(join(distTs, 'core', 'wasm-pkg', 'illusion_wasm_bg.wasm'), 'build the WebAssembly core with "npm run build"');
  requireFile(join(web, 'index.html'), 'the package is incomplete');
  const modelsDir = resolve(opts.modelsDir ?? join(packageRoot, 'models'));
  if (opts.modelsDir !== undefined && !existsSync(modelsDir)) throw new UserError(`--models: ${modelsDir} does not exist`);

  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UserError(`--build: ${out} exists and is not a folder`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes('illusion-lab-web.json')) {
      throw new UserError(`--build: ${out} is not empty and holds no previous page build; choose an empty or new folder`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  // the marker first: a build that fails half-way is still recognised (and replaced) as one of ours
  writeFileSync(join(out, 'illusion-lab-web.json'), JSON.stringify({ builtFrom: packageRoot, complete: false }));

  const vendorFiles: Record<string, string> = {};
  for (const [specifier, file] of Object.entries(vendorModules)) {
    const target = join(out, 'vendor', file);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(resolveVendor(file), target);
    vendorFiles[specifier] = target;
  }
  for (const file of tfjsWasmFiles) cpSync(resolveVendor(tfjsWasmDir + file), join(out, 'vendor', tfjsWasmDir, file));
  writeFileSync(join(out, 'vendor', nodeBuiltinStub), 'export default {};\n');
  const aliasFiles: Record<string, string> = { ...vendorFiles };
  for (const [specifier, to] of Object.entries(vendorAliases)) aliasFiles[specifier] = vendorFiles[to] ?? join(out, 'vendor', to);
  for (const f of readdirSync(web)) if (/\.(html|css)$/.test(f)) cpSync(join(web, f), join(out, f));
  copyJs(distTs, join(out, 'app', 'ts'));
  const linked = linkFolder(join(out, 'app'), vendorFiles) + linkFolder(join(out, 'vendor'), aliasFiles);
  const models = copyModels(modelsDir, join(out, 'models'));
  mkdirSync(join(out, 'models'), { recursive: true });
  writeFileSync(join(out, 'models', 'index.json'), JSON.stringify({ models }, null, 2));
  writeFileSync(join(out, 'illusion-lab-web.json'), JSON.stringify({ builtFrom: packageRoot, complete: true, linkedImports: linked, vendor: vendorModules, models: models.map((m) => m.name) }, null, 2));
  return { outDir: out, ...folderSize(out), models };
}
