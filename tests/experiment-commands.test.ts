// The experiment subcommands on a small real model: outputs parse, and bad input gives one clear line.
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../ts/models/build-model.ts';
import { resolveArch } from '../ts/models/arch.ts';
import { saveModel } from '../ts/models/model-io.ts';
import { useCpuBackend } from '../ts/tf/backend.ts';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'dist', 'ts', 'cli', 'main.js');
let modelDir = '';

test.before(async () => {
  await useCpuBackend();
  modelDir = join(mkdtempSync(join(tmpdir(), 'illusion-exp-')), 'm');
  await saveModel(buildModel({ arch: 'shallow' }, 5), modelDir, {
    format: 'illusion-lab-model/1', name: 'tiny', origin: 'external', arch: resolveArch({ arch: 'shallow' }), task: 'denoise', degradation: null,
    training: null, validation: null, backend: null, seconds: null, command: null, created: null, packageVersion: null,
  });
});

test('jacobian: shift and regression agree on a small block and are written as JSON', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'illusion-jac-'));
  await run('node', [cli, 'jacobian', '--model', modelDir, '--block', '4', '--canvas', '16', '--out', join(dir, 's.json')]);
  await run('node', [cli, 'jacobian', '--model', modelDir, '--method', 'regression', '--block', '4', '--canvas', '16', '--out', join(dir, 'r.json')]);
  const s = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')), r = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  t.is(s.rows, 48);
  t.is(s.data.length, 48 * 48);
  let num = 0, den = 0;
  s.data.forEach((v: number, i: number) => { num += (v - r.data[i]) ** 2; den += v * v; });
  t.true(Math.sqrt(num / den) < 0.02, String(Math.sqrt(num / den)));
});

test('physiology, match and eigen print their tables', async (t) => {
  const p = await run('node', [cli, 'physiology', '--model', modelDir, '--stimuli', 'whites-grey,dungeon-colour']);
  t.regex(p.stdout, /whites-grey .*\n.*dungeon-colour/s);
  const m = await run('node', [cli, 'match', '--model', modelDir, '--stimuli', 'whites-grey', '--iterations', '5']);
  t.regex(m.stdout, /whites-grey/);
  // a match that stops short of the tolerance says so (one iteration cannot reach 1e-5 here)
  const m1 = await run('node', [cli, 'match', '--model', modelDir, '--stimuli', 'whites-grey', '--iterations', '1']);
  t.regex(m1.stdout, /note: 1 of 1 matches did not reach the tolerance \(whites-grey\)/);
  const e = await run('node', [cli, 'eigen', '--model', modelDir, '--block', '4', '--canvas', '16']);
  t.regex(e.stdout, /48 eigenvalues/);
  t.regex(e.stdout, /cycles\/degree +achromatic +red-green +yellow-blue/);
});

test('bad input to the experiment commands: one clear error line, exit 2', async (t) => {
  const fail = async (args: string[], re: RegExp) => {
    const e = await t.throwsAsync(run('node', [cli, ...args])) as unknown as { code: number; stderr: string };
    t.is(e.code, 2);
    t.regex(e.stderr, re);
    t.notRegex(e.stderr, /\n\s+at /);
  };
  await fail(['physiology'], /physiology: --model DIR is required/);
  await fail(['version', '--bogus'], /version: Unknown option '--bogus'/);
  for (const c of ['physiology', 'match', 'jacobian', 'eigen']) {
    const h = await run('node', [cli, c, '--help']);
    t.regex(h.stdout, /\n  --model DIR    model folder \(model.json, weights.bin, card.json\), required\n/, `${c} --help lists --model`);
  }
  await fail(['physiology', '--model', '/nonexistent'], /model folder \/nonexistent does not exist/);
  await fail(['physiology', '--model', modelDir, '--stimuli', 'nope'], /unknown stimulus "nope"/);
  await fail(['match', '--model', modelDir, '--stimuli', 'chevreul-grey'], /chevreul-grey has no pair of test regions/);
  await fail(['jacobian', '--model', modelDir, '--method', 'magic'], /--method: "magic" is not one of shift, autograd, regression, fd/);
  await fail(['jacobian', '--model', modelDir, '--block', '8', '--canvas', '10'], /canvas 10×10 is too small/);
  await fail(['jacobian', '--model', modelDir, '--block', '0'], /--block: 0 is below the minimum 2/);
  await fail(['eigen', '--model', modelDir, '--ppd', 'x'], /--ppd: "x" is not a number/);
  await fail(['physiology', '--model', modelDir, '--stimuli', ','], /--stimuli: no stimulus names given/);
  // output paths are checked before any work
  const dir = mkdtempSync(join(tmpdir(), 'illusion-out-'));
  writeFileSync(join(dir, 'afile'), 'x');
  await fail(['jacobian', '--model', modelDir, '--out', dir], /--out .*: is a folder, expected a file path/);
  await fail(['physiology', '--model', modelDir, '--json', dir], /--json .*: is a folder/);
  await fail(['stimuli', '--out', join(dir, 'afile')], /--out .*afile: exists and is not a folder/);
  await fail(['eval', '--model', modelDir, '--images', dir, '--json', dir], /--json .*: is a folder/);
  await fail(['jacobian', '--model', modelDir, '--out', join(dir, 'afile', 'j.json')], /afile is a file, not a folder/);
  // a negative value given as a separate argument
  await fail(['jacobian', '--model', modelDir, '--block', '-4'], /--block: a value starting with '-' must be written as --option=VALUE/);
});
