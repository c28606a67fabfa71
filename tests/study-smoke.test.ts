// End-to-end smoke run of `illusion-lab run` on a reduced configuration: one small real network (an
// untrained shallow net saved in the project's model format, so the test needs no training data),
// 1/f-noise "natural" images generated here, grey stimuli only, 8×8×3 Jacobian blocks.
import test from 'ava';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../ts/models/build-model.ts';
import { resolveArch } from '../ts/models/arch.ts';
import { saveModel } from '../ts/models/model-io.ts';
import { writePng } from '../ts/io/png.ts';
import { createImage } from '../ts/image.ts';
import { Prng } from '../ts/data/prng.ts';
import { useCpuBackend } from '../ts/tf/backend.ts';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'dist', 'ts', 'cli', 'main.js');

/** A 1/f-amplitude random image (sum of random sinusoids with amplitude ∝ 1/f), values in [0,1]. */
function pinkImage(seed: number, size = 48) {
  const rng = new Prng(seed);
  const img = createImage(size, size);
  const waves = Array.from({ length: 40 }, () => {
    const f = 1 + rng.uniform() * 12, th = rng.uniform() * Math.PI, ph = rng.uniform() * 2 * Math.PI;
    return { fx: (f * Math.cos(th)) / size, fy: (f * Math.sin(th)) / size, ph, a: 0.12 / f, c: [rng.uniform(), rng.uniform(), rng.uniform()] };
  });
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) for (let c = 0; c < 3; c++) {
    let v = 0.5;
    for (const w of waves) v += w.a * (0.6 + 0.4 * w.c[c]) * Math.sin(2 * Math.PI * (w.fx * x + w.fy * y) + w.ph);
    img.data[(y * size + x) * 3 + c] = Math.min(1, Math.max(0, v));
  }
  return img;
}

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'illusion-smoke-'));
  await useCpuBackend();
  const model = buildModel({ arch: 'shallow' }, 3);
  await saveModel(model, join(dir, 'models', 'shallow-denoise'), {
    format: 'illusion-lab-model/1', name: 'shallow-denoise', origin: 'external', arch: resolveArch({ arch: 'shallow' }), task: 'denoise', degradation: null,
    training: null, validation: null, backend: null, seconds: null, command: null, created: null, packageVersion: null,
  });
  mkdirSync(join(dir, 'images'));
  for (let i = 0; i < 3; i++) writePng(join(dir, 'images', `pink${i}.png`), pinkImage(i + 1));
  const config = {
    modelsDir: join(dir, 'models'),
    models: [{ arch: 'shallow', task: 'denoise', seed: 1 }],
    stimuli: { variants: ['grey'], sweeps: true, sweepArchs: [] },
    matching: { archs: [], maxIterations: 4 },
    jacobian: { block: 8, canvas: 32, large: null, regression: { model: 'shallow-denoise-s1', probesPerDim: 2, amplitude: 0.01, seed: 1 } },
    linearity: { blocks: 6, seed: 1 },
    csf: { ppd: 64, ppdSweep: [32, 64], opponent: 'opponent' },
    naturalImagesDir: join(dir, 'images'),
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

test('illusion-lab run on a reduced configuration writes a complete report', async (t) => {
  const dir = await setup();
  const out = join(dir, 'report');
  const { stdout, stderr } = await run('node', [cli, 'run', '--config', join(dir, 'config.json'), '--out', out], { maxBuffer: 1 << 26 });
  t.regex(stdout, /Report: .*index\.html/);
  t.regex(stdout, /Linearisation at grey/);
  t.regex(stderr, /TensorFlow\.js backend: (wasm|tensorflow)/);
  for (const f of ['index.html', 'results.json', 'tables/physiology.csv', 'tables/linearisation.csv', 'tables/csf-comparison.csv', 'tables/jacobian-methods.csv', 'figures/stimuli.png', 'figures/eigenvalues.svg']) {
    t.true(existsSync(join(out, f)), `missing ${f}`);
  }
  const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  const m = res.models[0];
  t.is(m.name, 'shallow-denoise-s1');
  t.is(m.physiology.length, 6); // the six grey study stimuli
  t.true(m.linearisation.fractionLinear > 0 && m.linearisation.fractionLinear <= 1);
  t.is(m.eigen.eigenvalues.re.length, 192);
  // the three Jacobian methods agree on this (smooth, sigmoid) network
  t.true(res.methods.autogradRows.relDiffVsShift < 1e-5);
  t.true(res.methods.finiteDifferences.relDiffVsAutograd < 0.05);
  t.true(res.methods.regression.relDiffVsAutograd < 0.05);
  t.true(res.provenance.models[0].hash.length === 16);
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  t.regex(html, /data:image\/png;base64,/);
  t.notRegex(html, /NaN %|undefined/);

  // a second run resumes from the cache and says so
  const again = await run('node', [cli, 'run', '--config', join(dir, 'config.json'), '--out', out], { maxBuffer: 1 << 26 });
  t.regex(again.stderr, /steps loaded from the cache/);
  const res2 = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  t.true(res2.cache.loaded.length > 0);
  t.deepEqual(res2.models[0].linearisation, m.linearisation);
});

test('bad options and configs give one clear error line', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'illusion-bad-'));
  const fail = async (args: string[]) => {
    const e = await t.throwsAsync(run('node', [cli, 'run', ...args])) as unknown as { code: number; stderr: string };
    t.is(e.code, 2);
    t.is(e.stderr.trim().split('\n').length, 1, e.stderr);
    return e.stderr;
  };
  t.regex(await fail(['--bogus']), /run: Unknown option '--bogus'/);
  t.regex(await fail(['--config', join(dir, 'nope.json')]), /--config .*nope\.json: no such file/);
  writeFileSync(join(dir, 'bad.json'), '{ not json');
  t.regex(await fail(['--config', join(dir, 'bad.json')]), /not valid JSON/);
  writeFileSync(join(dir, 'field.json'), JSON.stringify({ jacobian: { blok: 8 } }));
  t.regex(await fail(['--config', join(dir, 'field.json')]), /unknown field "jacobian\.blok"/);
  writeFileSync(join(dir, 'range.json'), JSON.stringify({ jacobian: { block: 1 } }));
  t.regex(await fail(['--config', join(dir, 'range.json')]), /jacobian\.block 1 must be in 2\.\.64/);
  const cases: [unknown, RegExp][] = [
    [{ csf: { ppd: '64' } }, /csf\.ppd must be a number, got "64"/],
    [{ csf: { opponent: 'foo' } }, /csf\.opponent "foo" is not one of opponent, atd/],
    [{ linearity: { blocks: 1e12 } }, /linearity\.blocks 1000000000000 must be in 1\.\.4096/],
    [{ matching: { maxIterations: '10' } }, /matching\.maxIterations must be a number/],
    [{ csf: { ppdSweep: ['a'] } }, /csf\.ppdSweep\[0\] must be a number/],
    [{ stimuli: { sweeps: 'yes' } }, /stimuli\.sweeps must be true or false/],
    [{ humanDataDir: '/nonexistent' }, /humanDataDir "\/nonexistent" is not an existing folder/],
    [{ jacobian: { large: { block: 32, canvas: 80, model: 'nope' } } }, /jacobian\.large\.model "nope" is not among the models/],
    [{ models: [] }, /"models" must list at least one model/],
    [{ models: [{ arch: 'huge', task: 'denoise', seed: 1 }] }, /model arch "huge" is not one of/],
  ];
  for (const [i, [cfg, re]] of cases.entries()) {
    writeFileSync(join(dir, `c${i}.json`), JSON.stringify(cfg));
    t.regex(await fail(['--config', join(dir, `c${i}.json`)]), re);
  }
  writeFileSync(join(dir, 'file'), 'x');
  t.regex(await fail(['--out', join(dir, 'file')]), /exists and is not a folder/);
});
