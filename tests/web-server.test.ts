// The page's static build, its 127.0.0.1 server (404/405, no escaping the root, bad ports as one line),
// and the pure parts of the matching session (opponent axes, protocol geometry and gamma, trial lists, CSV).
import test from 'ava';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebSite, linkBareImports, packageRoot } from '../ts/web/site.ts';
import { resolveRequestPath, serveFolder } from '../ts/web/server.ts';
import { opponentToRgb, rgbToOpponent, stepOpponent } from '../ts/web/page/matching/opponent.ts';
import { displayValue, gammaFromMatchedGrey, makeTrials, pixelsPerDegree } from '../ts/web/page/matching/protocol.ts';
import { sessionToCsv, summarise, type SessionData, type TrialRecord } from '../ts/web/page/matching/records.ts';
import { UserError } from '../ts/util/errors.ts';

const built = existsSync(join(packageRoot, 'dist', 'ts', 'web', 'page', 'main.js'));
const withBuild = built ? test.serial : test.serial.skip;
if (!built) console.warn('web-server tests: dist/ is not built (npm run build); build and server tests skipped');

function tinyModelDir(root: string): string {
  const dir = join(root, 'models', 'tiny');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['weights.bin'], weights: [] }] }));
  writeFileSync(join(dir, 'weights.bin'), new Uint8Array(8));
  writeFileSync(join(dir, 'card.json'), JSON.stringify({ format: 'illusion-lab-model/1', name: 'tiny', task: 'denoise', arch: 'shallow' }));
  mkdirSync(join(root, 'models', 'not-a-model'));
  return join(root, 'models');
}

withBuild('the build holds the page, the compiled code with vendor imports linked, the .wasm, vendor ESM builds and the models', (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'web-build-'));
  try {
    const out = join(tmp, 'site');
    const s = buildWebSite({ outDir: out, modelsDir: tinyModelDir(tmp) });
    t.regex(readFileSync(join(out, 'index.html'), 'utf8'), /<script type="module" src="app\/ts\/web\/page\/main.js">/);
    // bare specifiers linked to the vendor ESM builds, relative to each module (workers see no import map)
    const imports = (f: string) => [...readFileSync(join(out, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    t.true(imports('app/ts/web/page/net-worker.js').includes('../../../../vendor/@tensorflow/tfjs/dist/tf.fesm.js'));
    t.true(imports('app/ts/web/page/worker-client.js').includes('../../../../vendor/comlink/dist/esm/comlink.mjs'));
    t.true(imports('app/ts/experiments/matching.js').includes('../../../vendor/@tensorflow/tfjs/dist/tf.fesm.js'));
    t.true(imports('app/ts/web/page/net-worker.js').includes('../../../../vendor/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.fesm.js'));
    for (const f of ['vendor/@tensorflow/tfjs/dist/tf.fesm.js', 'vendor/comlink/dist/esm/comlink.mjs']) t.true(existsSync(join(out, f)), f);
    // the WASM backend: linked to the one tfjs bundle (shared engine), Node built-ins to a stub, binaries beside it
    const wasmBackend = 'vendor/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.fesm.js';
    t.deepEqual(imports(wasmBackend).sort(), [...Array(4).fill('../../../node-builtin-stub.js'), '../../tfjs/dist/tf.fesm.js'].sort());
    t.is(readFileSync(join(out, 'vendor/node-builtin-stub.js'), 'utf8'), 'export default {};\n');
    for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      t.true(existsSync(join(out, 'vendor/@tensorflow/tfjs-backend-wasm/dist', f)), f);
    }
    t.true(JSON.parse(readFileSync(join(out, 'illusion-lab-web.json'), 'utf8')).linkedImports >= 5);
    for (const f of ['style.css', 'app/ts/web/page/main.js', 'app/ts/web/page/core-worker.js', 'app/ts/stimuli/catalogue.js',
      'app/ts/core/wasm-pkg/illusion_wasm_bg.wasm', 'models/tiny/model.json', 'models/tiny/weights.bin', 'models/tiny/card.json']) {
      t.true(existsSync(join(out, f)), f);
    }
    t.false(existsSync(join(out, 'app/ts/web/page/main.d.ts')));
    const index = JSON.parse(readFileSync(join(out, 'models', 'index.json'), 'utf8'));
    t.deepEqual(index.models.map((m: { name: string; url: string }) => [m.name, m.url]), [['tiny', 'models/tiny/model.json']]);
    t.is(index.models[0].card.task, 'denoise');
    t.deepEqual(s.models.map((m) => m.name), ['tiny']);
    // rebuilding over a previous build is fine; over a folder of other files it is refused
    buildWebSite({ outDir: out, modelsDir: join(tmp, 'models') });
    const other = join(tmp, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'keep.txt'), 'x');
    t.throws(() => buildWebSite({ outDir: other }), { instanceOf: UserError, message: /is not empty and holds no previous page build/ });
    t.true(existsSync(join(other, 'keep.txt')));
    t.throws(() => buildWebSite({ outDir: join(tmp, 'x'), modelsDir: join(tmp, 'nope') }), { instanceOf: UserError, message: /--models: .*nope does not exist/ });
    rmSync(join(tmp, 'models', 'tiny', 'weights.bin'));
    t.throws(() => buildWebSite({ outDir: join(tmp, 'y'), modelsDir: join(tmp, 'models') }), { instanceOf: UserError, message: /models\/tiny is incomplete: weights.bin is missing/ });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

withBuild('the server answers files with their types, 404 for unknown paths, 405 for other methods, never outside the root', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'web-serve-'));
  const out = join(tmp, 'site');
  buildWebSite({ outDir: out });
  writeFileSync(join(tmp, 'secret.txt'), 'outside');
  const s = await serveFolder(out, 0);
  try {
    t.regex(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const get = (p: string, init?: RequestInit) => fetch(new URL(p, s.url), init);
    const index = await get('/');
    t.is(index.status, 200);
    t.is(index.headers.get('content-type'), 'text/html; charset=utf-8');
    t.regex(await index.text(), /<title>illusion-lab/);
    const wasm = await get('/app/ts/core/wasm-pkg/illusion_wasm_bg.wasm');
    t.is(wasm.headers.get('content-type'), 'application/wasm');
    t.deepEqual([...new Uint8Array(await wasm.arrayBuffer()).subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
    t.is((await get('/app/ts/web/page/main.js')).headers.get('content-type'), 'text/javascript; charset=utf-8');
    t.is((await get('/vendor/comlink/dist/esm/comlink.mjs')).headers.get('content-type'), 'text/javascript; charset=utf-8');
    const missing = await get('/no/such/file.js');
    t.is(missing.status, 404);
    t.is(await missing.text(), '404 not found: /no/such/file.js\n');
    t.is((await get('/app/')).status, 404);
    t.is((await get('/%2e%2e/secret.txt')).status, 404);
    t.is((await get('/..%2fsecret.txt')).status, 404);
    const post = await get('/', { method: 'POST', body: 'x' });
    t.is(post.status, 405);
    t.is(post.headers.get('allow'), 'GET, HEAD');
    t.is((await get('/index.html', { method: 'HEAD' })).status, 200);
  } finally {
    await s.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('linking rewrites only the listed bare specifiers, relative to the importing module', (t) => {
  const vendor = { comlink: '/site/vendor/comlink.mjs', '@tensorflow/tfjs': '/site/vendor/tf.js' };
  const src = `import * as C from 'comlink';\nimport * as tf from "@tensorflow/tfjs";\nconst m = await import('comlink');\n` +
    `import { x } from './x.js';\nimport { y } from 'other';\nexport { z } from '@tensorflow/tfjs';\nconst s = 'from comlink';\n`;
  const { code, linked } = linkBareImports(src, '/site/app/ts/web', vendor);
  t.is(linked, 4);
  t.is(code, `import * as C from '../../../vendor/comlink.mjs';\nimport * as tf from "../../../vendor/tf.js";\nconst m = await import('../../../vendor/comlink.mjs');\n` +
    `import { x } from './x.js';\nimport { y } from 'other';\nexport { z } from '../../../vendor/tf.js';\nconst s = 'from comlink';\n`);
  t.is(linkBareImports(`import 'comlink'`, '/site/vendor', vendor).linked, 0); // side-effect imports are not used by the page
  t.is(linkBareImports(`from 'comlink'`, '/site/vendor', vendor).code, `from './comlink.mjs'`);
});

test('request paths never resolve outside the root', (t) => {
  t.is(resolveRequestPath(packageRoot, '/../../etc/passwd'), undefined);
  t.is(resolveRequestPath(packageRoot, '/%2e%2e/%2e%2e/etc/passwd'), undefined);
  t.is(resolveRequestPath(packageRoot, '/a%00b'), undefined);
  t.is(resolveRequestPath(packageRoot, '/%E0%A4%A'), undefined);
  t.is(resolveRequestPath(packageRoot, '/package.json'), join(packageRoot, 'package.json'));
});

withBuild('a port in use or out of range is one clear error', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'web-port-'));
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  try {
    await t.throwsAsync(serveFolder(tmp, port), { instanceOf: UserError, message: `serve: port ${port} is already in use; choose another with --port` });
    await t.throwsAsync(serveFolder(tmp, 70000), { instanceOf: UserError, message: 'serve: port 70000 is not a whole number from 0 to 65535' });
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(packageRoot, 'ts/cli/main.ts'), 'serve', ...args],
      { encoding: 'utf8', timeout: 60_000 });
    for (const [args, line] of [
      [['--port', 'abc'], 'illusion-lab: error: --port: "abc" is not a number\n'],
      [['--port', '65536'], 'illusion-lab: error: --port: 65536 is above the maximum 65535\n'],
      [['--port', '80.5'], 'illusion-lab: error: --port: "80.5" is not a whole number\n'],
      [['--port', String(port)], `illusion-lab: error: serve: port ${port} is already in use; choose another with --port\n`],
    ] as const) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(packageRoot, 'ts/cli/main.ts'), 'serve', ...args], { encoding: 'utf8', timeout: 60_000 });
      t.is(r.status, 2, args.join(' '));
      t.is(r.stderr, line);
    }
    const b = cli(['--build', join(tmp, 'site'), '--models', join(tmp, 'none')]);
    t.is(b.status, 2);
    t.is(b.stderr, `illusion-lab: error: --models: ${join(tmp, 'none')} does not exist\n`);
    const ok = cli(['--build', join(tmp, 'site')]);
    t.is(ok.status, 0, ok.stderr);
    t.regex(ok.stdout, new RegExp(`^serve: built the page into ${join(tmp, 'site')} \\(\\d+ files, [\\d.]+ MB, models: .*\\)\\n$`));
  } finally {
    blocker.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});

withBuild('illusion-lab serve prints its URL, serves the page, and stops cleanly on SIGINT', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'ts/cli/main.ts'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^serve: (http:\/\/127\.0\.0\.1:\d+\/) \(models: .*; Ctrl-C to stop\)\n$/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${out}`)));
    });
    t.is((await fetch(url)).status, 200);
    t.is((await fetch(new URL('app/ts/web/page/net-worker.js', url))).status, 200);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    t.is(await exit, 0);
    await t.throwsAsync(fetch(url));
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('opponent axes: exact inverse, one axis per step, clipped to displayable colours', (t) => {
  const c = [0.2, 0.5, 0.9] as const;
  const back = opponentToRgb(rgbToOpponent(c));
  for (let i = 0; i < 3; i++) t.true(Math.abs(back[i] - c[i]) < 1e-15);
  t.deepEqual(rgbToOpponent([1, 0, 0]), [1 / 3, 1, 0.5]);
  const up = stepOpponent([0.5, 0.5, 0.5], 0, 0.1);
  t.deepEqual(up.map((v) => +v.toFixed(12)), [0.6, 0.6, 0.6]);
  const red = rgbToOpponent(stepOpponent([0.5, 0.5, 0.5], 1, 0.2));
  t.deepEqual(red.map((v) => +v.toFixed(12)), [0.5, 0.2, 0]);
  t.deepEqual(stepOpponent([0.95, 0.95, 0.95], 0, 0.2), [1, 1, 1]);
});

test('protocol geometry and gamma: closed forms', (t) => {
  // 57 cm away, 1 cm subtends 2·atan(0.5/57) ≈ 1.005°: 37.8 px/cm → 37.8 · 2·57·tan(0.5°) px/deg
  t.true(Math.abs(pixelsPerDegree(57, 37.8) - 37.8 * 0.99486293) < 1e-6);
  t.true(Math.abs(gammaFromMatchedGrey(Math.pow(0.5, 1 / 2.2)) - 2.2) < 1e-12);
  t.throws(() => gammaFromMatchedGrey(1), { message: /strictly between 0 and 1/ });
  const g = { matchedGrey: 0.5, measured: 1, target: 2.2, corrected: true };
  t.true(Math.abs(displayValue(0.5, g) - Math.pow(0.5, 2.2)) < 1e-12);
  t.is(displayValue(0.5, { ...g, corrected: false }), 0.5);
  t.is(displayValue(0.5, { ...g, measured: null }), 0.5);
});

test('trials: every stimulus × repeat × side, shuffled by the seed, start colours within the offset', (t) => {
  const stimuli = [{ name: 'a', physicalB: [0.5, 0.5, 0.5] as const, grey: true }, { name: 'b', physicalB: [0.2, 0.6, 0.4] as const, grey: false }];
  const p = { seed: 7, repeats: 3, counterbalance: true, startOffset: 0.1 };
  const trials = makeTrials(p, stimuli);
  t.is(trials.length, 12);
  t.deepEqual(trials.map((x) => x.index), [...Array(12).keys()]);
  for (const name of ['a', 'b']) {
    for (const mirrored of [false, true]) t.is(trials.filter((x) => x.stimulus === name && x.mirrored === mirrored).length, 3);
  }
  t.deepEqual(makeTrials(p, stimuli), trials);
  t.notDeepEqual(makeTrials({ ...p, seed: 8 }, stimuli).map((x) => x.start), trials.map((x) => x.start));
  for (const x of trials) {
    const s = stimuli.find((y) => y.name === x.stimulus)!;
    const d = rgbToOpponent(x.start).map((v, i) => v - rgbToOpponent(s.physicalB)[i]);
    t.true(d.every((v) => Math.abs(v) <= 0.1 + 1e-12));
    if (s.grey) t.true(Math.abs(d[1]) < 1e-12 && Math.abs(d[2]) < 1e-12); // grey stimuli start grey
  }
  t.is(makeTrials({ ...p, counterbalance: false, repeats: 1 }, stimuli).filter((x) => x.mirrored).length, 0);
});

test('session summary and CSV: human mean, sd and shift per stimulus beside the network', (t) => {
  const rec = (match: [number, number, number], trial: number): TrialRecord => ({
    trial, stimulus: 'whites-grey', repeat: trial, mirrored: trial % 2 === 1, reference: [0.5, 0.5, 0.5], physical: [0.5, 0.5, 0.5],
    start: [0.4, 0.4, 0.4], match, shift: [match[0] - 0.5, match[1] - 0.5, match[2] - 0.5], responseMs: 1000 + trial, timedOut: false, keyPresses: 3,
  });
  const trials = [rec([0.6, 0.6, 0.6], 0), rec([0.4, 0.5, 0.6], 1)];
  const network = [{ model: 'm', stimulus: 'whites-grey', matched: [0.55, 0.55, 0.55] as const, shift: [0.05, 0.05, 0.05] as const, residual: 1e-6, iterations: 3, atBound: [false, false, false], seconds: 0.5 }];
  const summary = summarise(trials, network);
  t.is(summary.length, 1);
  t.deepEqual(summary[0].humanMean.map((v) => +v.toFixed(12)), [0.5, 0.55, 0.6]);
  t.deepEqual(summary[0].humanShift.map((v) => +v.toFixed(12)), [0, 0.05, 0.1]);
  const sd = summary[0].humanSd!, expectedSd = [0.1 * Math.SQRT2, 0.05 * Math.SQRT2, 0];
  for (let c = 0; c < 3; c++) t.true(Math.abs(sd[c] - expectedSd[c]) < 1e-12, `sd ${c}`);
  t.is(summary[0].network!.model, 'm');
  const data = { protocol: { format: 'illusion-lab-human-matching/1', seed: 3, gamma: { measured: 2.1 } }, trials, summary, finishedAt: 'now' } as unknown as SessionData;
  const lines = sessionToCsv(data).trimEnd().split('\n');
  t.deepEqual(lines.slice(0, 3), ['# format: "illusion-lab-human-matching/1"', '# seed: 3', '# gamma.measured: 2.1']);
  t.is(lines[3].split(',').length, 26);
  t.is(lines[4], '0,whites-grey,0,false,0.500000,0.500000,0.500000,0.500000,0.500000,0.500000,0.400000,0.400000,0.400000,0.600000,0.600000,0.600000,0.100000,0.100000,0.100000,1000,false,3,m,0.550000,0.550000,0.550000');
  t.is(lines.length, 6);
});
