// Training speed: the three architectures for a fixed number of steps on this project's TensorFlow.js
// backend (wasm with the project's gradient kernels, unless a faster one is available), next to PyTorch
// CPU (Debian python3-torch, /usr/bin/python3) on the same nets, batch and patch, with 1 and 2 threads, in
// one run. Prints median ms per step, steps/s and the ratios.
//   npm run bench:train [-- --batch 32 --patch 40 --steps 20,5,3]
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { initBackend } from '../ts/tf/backend.ts';
import { buildModel } from '../ts/models/build-model.ts';
import type { Arch } from '../ts/models/arch.ts';

const { values } = parseArgs({ options: { batch: { type: 'string' }, patch: { type: 'string' }, steps: { type: 'string' }, python: { type: 'string' } } });
const batch = Number(values.batch ?? 32), patch = Number(values.patch ?? 40);
const [sShallow, sDeep, sDncnn] = (values.steps ?? '20,5,3').split(',').map(Number);
const python = values.python ?? '/usr/bin/python3';
const archList: [Arch, number][] = [['shallow', sShallow], ['deep', sDeep], ['dncnn', sDncnn]];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function tfjsStep(arch: Arch, steps: number): Promise<number> {
  const model = buildModel({ arch }, 0);
  const opt = tf.train.adam(1e-3);
  const x = tf.randomUniform([batch, patch, patch, 3], 0, 1, 'float32', 1);
  const y = tf.randomUniform([batch, patch, patch, 3], 0, 1, 'float32', 2);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const times: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = performance.now();
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => tf.mean(tf.squaredDifference(model.apply(x, { training: true }) as tf.Tensor, y)) as tf.Scalar, vars);
      opt.applyGradients(grads as unknown as Record<string, tf.Variable>);
      value.dataSync();
    });
    if (i > 0) times.push(performance.now() - t); // first step: warm-up
  }
  tf.dispose([x, y]);
  model.dispose();
  return median(times);
}

function torchSteps(threads: number): Map<string, number> | string {
  const script = fileURLToPath(new URL('./train_torch.py', import.meta.url));
  const r = spawnSync(python, [script, String(threads), String(batch), String(patch), String(sShallow), String(sDeep), String(sDncnn)], { encoding: 'utf8' });
  if (r.status !== 0) return (r.stderr || r.error?.message || 'failed').trim().split('\n').slice(-1)[0];
  const out = new Map<string, number>();
  for (const line of r.stdout.trim().split('\n')) {
    const j = JSON.parse(line) as { arch: string; ms_per_step: number };
    out.set(j.arch, j.ms_per_step);
  }
  return out;
}

const backend = await initBackend();
console.log(`train bench: batch ${batch} × ${patch}×${patch}×3, MSE + Adam; median step after 1 warm-up; steps ${sShallow}/${sDeep}/${sDncnn}; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`);
const ours = new Map<string, number>();
for (const [arch, steps] of archList) {
  ours.set(arch, await tfjsStep(arch, steps));
  console.log(`  tfjs-${backend} ${arch}: ${ours.get(arch)!.toFixed(1)} ms/step`);
}
const torch1 = torchSteps(1), torch2 = torchSteps(2);
const fmt = (ms: number | undefined) => (ms === undefined ? '—' : `${ms.toFixed(1).padStart(8)} ms ${(1000 / ms).toFixed(2).padStart(6)}/s`);
console.log('');
console.log(`| net     | ${`tfjs-${backend} (1 thread)`.padEnd(20)} | PyTorch 1 thread     | PyTorch 2 threads    | ratio vs 1 thr | ratio vs 2 thr |`);
console.log('|---------|----------------------|----------------------|----------------------|----------------|----------------|');
for (const [arch] of archList) {
  const m = ours.get(arch)!;
  const t1 = typeof torch1 === 'string' ? undefined : torch1.get(arch);
  const t2 = typeof torch2 === 'string' ? undefined : torch2.get(arch);
  const ratio = (t?: number) => (t === undefined ? '—' : `${(m / t).toFixed(2)}× slower`);
  console.log(`| ${arch.padEnd(7)} | ${fmt(m)} | ${fmt(t1)} | ${fmt(t2)} | ${ratio(t1).padEnd(14)} | ${ratio(t2).padEnd(14)} |`);
}
if (typeof torch1 === 'string') console.log(`PyTorch reference unavailable (${python}: ${torch1}); install Debian python3-torch`);
