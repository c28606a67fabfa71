// The page in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): it loads
// without console errors, renders stimuli with exactly the pixels makeStimulus gives in Node, runs a trained
// model with its Out-L/Out-R read-out, computes eigen-decompositions in the core worker with the values the
// core gives in Node, and a keyboard-scripted matching session saves JSON and CSV with the protocol.
// Skipped (with a message) when /usr/bin/chromium is absent: apt-get install -y chromium.
import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadCore } from '../ts/core/index.ts';
import { jacobianByAutograd } from '../ts/experiments/jacobian-autograd.ts';
import { asymmetricMatch } from '../ts/experiments/matching.ts';
import { asNetwork, predictImages } from '../ts/experiments/net-io.ts';
import { meanOverLabel } from '../ts/image.ts';
import { saveLayersModel } from '../ts/models/model-io.ts';
import { useCpuBackend } from '../ts/tf/backend.ts';
import { makeStimulus } from '../ts/stimuli/index.ts';
import { stepOpponent } from '../ts/web/page/matching/opponent.ts';
import { makeTrials, pixelsPerDegree } from '../ts/web/page/matching/protocol.ts';
import { buildWebSite, packageRoot } from '../ts/web/site.ts';
import { serveFolder, type RunningServer } from '../ts/web/server.ts';

/** Debian's Chromium; ILLUSION_LAB_CHROMIUM names another binary (or a missing one, to see the skip) */
const CHROMIUM = process.env.ILLUSION_LAB_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const built = existsSync(join(packageRoot, 'dist', 'ts', 'web', 'page', 'main.js'));
const browserTest = haveChromium && built ? test.serial : test.serial.skip;
if (!haveChromium) console.warn(`web-browser tests skipped: ${CHROMIUM} is absent (install it with: apt-get install -y chromium)`);
else if (!built) console.warn('web-browser tests skipped: dist/ is not built (npm run build)');

// the Node side of the comparisons runs on the exact cpu backend (without tfjs's banner)
await useCpuBackend();

/** A small linear image-to-image net with fixed weights: 3×3 conv, channel mixing, bias. */
function tinyModel(): tf.LayersModel {
  const model = tf.sequential({ name: 'tiny' });
  model.add(tf.layers.conv2d({ inputShape: [null, null, 3], filters: 3, kernelSize: 3, padding: 'same', name: 'conv' }));
  const k = new Float32Array(3 * 3 * 3 * 3);
  for (let ky = 0; ky < 3; ky++) for (let kx = 0; kx < 3; kx++) for (let ci = 0; ci < 3; ci++) for (let co = 0; co < 3; co++) {
    const centre = ky === 1 && kx === 1;
    k[((ky * 3 + kx) * 3 + ci) * 3 + co] = ci === co ? (centre ? 0.6 : 0.04 + 0.01 * co) : 0.02 * (ci + 1);
  }
  model.layers[0].setWeights([tf.tensor4d(k, [3, 3, 3, 3]), tf.tensor1d([0.02, -0.01, 0.03])]);
  return model;
}

let tmp: string;
let server: RunningServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
const consoleErrors: string[] = [];
const model = tinyModel();

test.before(async () => {
  if (!haveChromium || !built) return;
  tmp = mkdtempSync(join(tmpdir(), 'web-browser-'));
  await saveLayersModel(model, join(tmp, 'models', 'tiny'));
  buildWebSite({ outDir: join(tmp, 'site'), modelsDir: join(tmp, 'models') });
  server = await serveFolder(join(tmp, 'site'), 0);
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM, headless: true, acceptDownloads: true, viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
});

test.after.always(async () => {
  await context?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

browserTest('the page loads, with no console errors, and reports the core worker and TensorFlow.js ready', async (t) => {
  t.regex((await page.textContent('#status'))!, /^ready · TensorFlow\.js 4\.22\.0 \(wasm\) in a worker · WebAssembly core in a worker \(\d+ operations\)$/);
  t.deepEqual(consoleErrors, []);
});

async function generate(name: string, params: Record<string, unknown>, zoom: number) {
  await page.selectOption('#stimulus-name', name);
  await page.fill('#stimulus-params', JSON.stringify(params));
  await page.fill('#zoom', String(zoom));
  await page.click('#generate');
  const canvases = await page.$$eval('#stimulus-view canvas', (cs) => (cs as HTMLCanvasElement[]).map((c) => {
    const bytes = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let latin1 = '';
    for (let i = 0; i < bytes.length; i += 8192) latin1 += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return { w: c.width, h: c.height, base64: btoa(latin1) };
  }));
  return canvases.map((c) => ({ w: c.w, h: c.h, data: Buffer.from(c.base64, 'base64') }));
}

browserTest('stimuli render with exactly the pixels makeStimulus gives in Node (bytes round(v·255), zoom as blocks)', async (t) => {
  for (const [name, params, zoom] of [['whites-colour', { f: 0.05 }, 1], ['dungeon-colour', { f: 0.07 }, 3], ['benary-grey', {}, 2]] as const) {
    const canvases = await generate(name, params, zoom);
    const s = makeStimulus(name, params);
    t.is(canvases.length, s.images.length, name);
    s.images.forEach((img, k) => {
      const c = canvases[k];
      t.deepEqual([c.h, c.w], [img.height * zoom, img.width * zoom], name);
      let bad = 0;
      for (let y = 0; y < c.h; y++) for (let x = 0; x < c.w; x++) for (let ch = 0; ch < 3; ch++) {
        const want = Math.round(img.data[(Math.floor(y / zoom) * img.width + Math.floor(x / zoom)) * 3 + ch] * 255);
        if (c.data[(y * c.w + x) * 4 + ch] !== want) bad++;
      }
      t.is(bad, 0, `${name} image ${k}: ${bad} channel values differ`);
    });
  }
  await page.fill('#stimulus-params', '{"shape": 0}');
  await page.click('#generate');
  t.is(await page.textContent('#stimulus-error'), 'benary-grey: shape must be positive, got 0');
  await page.fill('#stimulus-params', '{oops');
  await page.click('#generate');
  t.regex((await page.textContent('#stimulus-error'))!, /^parameters: not valid JSON/);
});

async function eigInPage(text: string) {
  await page.evaluate(() => { delete document.getElementById('core-result')!.dataset.eigen; });
  await page.fill('#matrix', text);
  await page.click('#eig');
  await page.waitForFunction(() => document.getElementById('core-result')!.dataset.eigen || document.getElementById('core-error')!.textContent, null, { timeout: 60_000 });
  const err = await page.textContent('#core-error');
  if (err) throw new Error(err);
  return JSON.parse((await page.evaluate(() => document.getElementById('core-result')!.dataset.eigen))!) as
    { n: number; valuesRe: number[]; valuesIm: number[]; vectorsRe: number[]; ms: number; frames: number };
}

browserTest('the core worker computes eigen-decompositions with the right values, off the main thread', async (t) => {
  const rot = await eigInPage('0 -1\n1 0');
  t.deepEqual(rot.valuesRe.map((v) => Math.abs(v) < 1e-14 ? 0 : v), [0, 0]);
  t.deepEqual(rot.valuesIm.map((v) => +v.toFixed(12)), [1, -1]);
  const sym = await eigInPage('2 1 0\n1 2 0\n0 0 5');
  t.deepEqual(sym.valuesRe.map((v) => +v.toFixed(12)), [5, 3, 1]);
  t.deepEqual(sym.valuesIm, [0, 0, 0]);
  t.deepEqual([0, 3, 6].map((i) => Math.abs(sym.vectorsRe[i])), [0, 0, 1]); // column 0: ±e₃
  // a 160×160 matrix: the same values as the core gives in Node (same WebAssembly), bit for bit
  const n = 160;
  const a = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i * 12.9898) * 0.5 + (i % (n + 1) === 0 ? 2 : 0));
  const rows = Array.from({ length: n }, (_, i) => [...a.subarray(i * n, (i + 1) * n)].join(' ')).join('\n');
  const big = await eigInPage(rows);
  const core = await loadCore();
  const ref = core.eigGeneral({ rows: n, cols: n, data: a }, { vectors: true, inverse: false });
  t.deepEqual(big.valuesRe, [...ref.valuesRe]);
  t.deepEqual(big.valuesIm, [...ref.valuesIm]);
  t.log(`eigen-decomposition of ${n}×${n} in the worker: ${big.ms.toFixed(0)} ms, ${big.frames} frames drawn meanwhile`);
  // the page kept drawing while the worker computed (a blocked main thread draws no frames)
  t.true(big.frames >= Math.floor(big.ms / 100), `${big.frames} frames in ${big.ms} ms`);
  await page.fill('#matrix', '1 2\n3');
  await page.click('#eig');
  t.is(await page.textContent('#core-error'), 'matrix: row 2 has 1 numbers; a square 2×2 matrix needs 2');
});

browserTest('a trained model loads from models/; its Out-L/Out-R read-out and Jacobian eigenvalues match the same net in Node', async (t) => {
  await generate('whites-grey', { f: 0.03 }, 1);
  await page.selectOption('#model-name', 'tiny');
  await page.click('#model-load');
  await page.waitForFunction(() => !(document.getElementById('model-run') as HTMLButtonElement).disabled);
  await page.click('#model-run');
  await page.waitForFunction(() => document.getElementById('readout')!.dataset.outL);
  const outL = JSON.parse((await page.evaluate(() => document.getElementById('readout')!.dataset.outL))!) as number[];
  const outR = JSON.parse((await page.evaluate(() => document.getElementById('readout')!.dataset.outR))!) as number[];
  const s = makeStimulus('whites-grey', { f: 0.03 });
  const [out] = await predictImages(asNetwork(model), s.images);
  const wantL = meanOverLabel(out, s.masks[0], 1), wantR = meanOverLabel(out, s.masks[0], 2);
  for (let c = 0; c < 3; c++) {
    t.true(Math.abs(outL[c] - wantL[c]) < 1e-4, `Out-L ${c}: ${outL[c]} vs ${wantL[c]}`);
    t.true(Math.abs(outR[c] - wantR[c]) < 1e-4, `Out-R ${c}: ${outR[c]} vs ${wantR[c]}`);
  }
  t.is(await page.$$eval('#model-view canvas', (cs) => cs.length), 1);

  // its Jacobian (autograd in the network worker) eigen-decomposed in the core worker = the same in Node
  await page.evaluate(() => { delete document.getElementById('core-result')!.dataset.eigen; });
  await page.click('#jacobian-eig');
  await page.waitForFunction(() => document.getElementById('core-result')!.dataset.eigen || document.getElementById('core-error')!.textContent, null, { timeout: 120_000 });
  t.is(await page.textContent('#core-error'), '');
  const eig = JSON.parse((await page.evaluate(() => document.getElementById('core-result')!.dataset.eigen))!) as { n: number; valuesRe: number[]; valuesIm: number[] };
  const j = await jacobianByAutograd(asNetwork(model), { canvas: 32, block: 8 });
  const ref = (await loadCore()).eigGeneral(j, { vectors: false, inverse: false });
  t.is(eig.n, 192);
  for (let k = 0; k < 8; k++) {
    t.true(Math.abs(Math.hypot(eig.valuesRe[k], eig.valuesIm[k]) - Math.hypot(ref.valuesRe[k], ref.valuesIm[k])) < 1e-5, `|λ${k}|`);
  }
  t.is(await page.$$eval('#core-result figure canvas', (cs) => cs.length), 4);
  t.deepEqual(consoleErrors, []);
});

browserTest('a keyboard-scripted matching session saves JSON and CSV with its protocol, beside the network match', async (t) => {
  // gamma calibration: three steps of 4/255 down from 128/255, accepted with Enter
  await page.click('#calibrate');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  t.regex((await page.textContent('#p-gamma'))!, /^γ = \d\.\d\d/);
  await page.fill('#p-seed', '5');
  await page.fill('#p-repeats', '1');
  await page.fill('#p-time', '0');
  await page.selectOption('#m-stimuli', ['whites-grey']);
  await page.click('#m-start');
  const keys = ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowRight', 'ArrowRight', 'y'];
  for (let k = 1; k <= 2; k++) {
    await page.waitForFunction((k) => document.getElementById('trial-info')!.textContent!.startsWith(`trial ${k} of 2`) &&
      document.querySelectorAll('#trial-view canvas').length > 0, k);
    for (const key of keys) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('#results:not([hidden])', { timeout: 120_000 });
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  t.regex(jsonDl.suggestedFilename(), /^matching-anonymous-.*\.json$/);
  const data = JSON.parse(readFileSync(await jsonDl.path(), 'utf8'));
  const p = data.protocol;
  t.is(p.format, 'illusion-lab-human-matching/1');
  t.is(p.viewingDistanceCm, 57);
  t.is(p.screenPixelsPerCm, 37.8);
  t.is(p.zoom, 4);
  t.true(Math.abs(p.screenPixelsPerDegree - pixelsPerDegree(57, 37.8)) < 1e-12);
  t.true(Math.abs(p.stimulusPixelsPerDegree - pixelsPerDegree(57, 37.8) / 4) < 1e-12);
  t.is(p.gamma.matchedGrey, 116 / 255);
  t.true(Math.abs(p.gamma.measured - Math.log(0.5) / Math.log(116 / 255)) < 1e-12);
  t.deepEqual([p.gamma.target, p.gamma.corrected], [2.2, true]);
  t.deepEqual([p.seed, p.repeats, p.counterbalance, p.trialTimeLimitS, p.startOffset, p.keyStep], [5, 1, true, 0, 0.15, 0.02]);
  t.deepEqual(p.stimuli.map((s: { name: string }) => s.name), ['whites-grey']);
  t.truthy(p.startedAt && p.userAgent && p.task && p.keys.Enter);

  const s = makeStimulus('whites-grey', { f: 0.03 });
  const physical = meanOverLabel(s.images[0], s.masks[0], 2);
  const expectedTrials = makeTrials(p, [{ name: 'whites-grey', physicalB: physical, grey: true }]);
  t.is(data.trials.length, 2);
  t.deepEqual(data.trials.map((r: { mirrored: boolean }) => r.mirrored), expectedTrials.map((e) => e.mirrored));
  t.deepEqual(data.trials.map((r: { mirrored: boolean }) => r.mirrored).sort(), [false, true]);
  for (const [i, r] of data.trials.entries()) {
    t.deepEqual(r.start, [...expectedTrials[i].start]);
    const moves: [0 | 1 | 2, number][] = [[0, 0.02], [0, 0.02], [0, 0.02], [1, 0.02], [1, 0.02], [2, 0.02]];
    const want = moves.reduce((c, [axis, d]) => stepOpponent(c, axis, d), expectedTrials[i].start);
    t.deepEqual(r.match, [...want]);
    t.deepEqual(r.physical, [...physical]);
    t.deepEqual(r.shift.map((v: number) => +v.toFixed(12)), want.map((v, c) => +(v - physical[c]).toFixed(12)));
    t.is(r.keyPresses, 6);
    t.false(r.timedOut);
    t.true(r.responseMs > 0);
  }
  const [summary] = data.summary;
  t.is(summary.trials, 2);
  t.is(summary.network.model, 'tiny');
  const net = await asymmetricMatch(asNetwork(model), { image: s.images[0], mask: s.masks[0], label: 1 }, { image: s.images[0], mask: s.masks[0], label: 2 });
  for (let c = 0; c < 3; c++) t.true(Math.abs(summary.network.matched[c] - net.matched[c]) < 1e-3, `network match ${c}: ${summary.network.matched[c]} vs ${net.matched[c]}`);

  const csv = readFileSync(await csvDl.path(), 'utf8').trimEnd().split('\n');
  const header = csv.findIndex((l) => l.startsWith('trial,stimulus,'));
  t.true(csv.slice(0, header).every((l) => l.startsWith('# ')));
  t.true(csv.includes('# viewingDistanceCm: 57'));
  t.true(csv.includes('# gamma.target: 2.2'));
  t.is(csv.length - header - 1, 2);
  t.true(csv.slice(header + 1).every((l) => l.split(',').length === 26 && l.split(',')[22] === 'tiny'));

  // a trial that runs out of time keeps the colour shown, marked timedOut
  await page.fill('#p-time', '1');
  await page.uncheck('#p-counterbalance');
  await page.click('#m-start');
  await page.waitForSelector('#results[hidden]', { state: 'attached' });
  await page.waitForSelector('#results:not([hidden])', { timeout: 120_000 });
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const timed = JSON.parse(readFileSync(await again.path(), 'utf8'));
  t.deepEqual([timed.protocol.trialTimeLimitS, timed.protocol.counterbalance], [1, false]);
  t.is(timed.trials.length, 1);
  t.deepEqual([timed.trials[0].timedOut, timed.trials[0].keyPresses, timed.trials[0].mirrored], [true, 0, false]);
  t.deepEqual(timed.trials[0].match, timed.trials[0].start);
  t.true(timed.trials[0].responseMs >= 1000 && timed.trials[0].responseMs < 3000, String(timed.trials[0].responseMs));
  t.deepEqual(consoleErrors, []);
});

browserTest('screen density from a bank card: px per cm = rectangle width / 8.56 cm, and pixels per degree follow', async (t) => {
  await page.click('#measure-card');
  t.is(await page.inputValue('#card-slider'), String(Math.round(37.8 * 8.56)));
  await page.$eval('#card-slider', (el) => { (el as HTMLInputElement).value = '428'; el.dispatchEvent(new Event('input')); });
  t.deepEqual(await page.$eval('#card-rect', (el) => [(el as HTMLElement).style.width, (el as HTMLElement).style.height]), ['428px', `${(428 * 53.98) / 85.6}px`]);
  await page.click('#card-accept');
  t.is(await page.inputValue('#p-pxcm'), '50.00');
  t.is(await page.textContent('#p-ppd'), `${pixelsPerDegree(57, 50).toFixed(1)} screen, ${(pixelsPerDegree(57, 50) / 4).toFixed(1)} stimulus`);
  t.true(await page.$eval('#card', (el) => (el as HTMLElement).hidden));
});
