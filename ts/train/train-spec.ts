// Everything that determines a training run, with the per-architecture defaults sized for 2 CPU cores on
// the wasm backend (measured median step, batch 32: shallow 40×40 ≈ 45 ms, deep 24×24 ≈ 0.55 s; DnCNN-17
// 24×24 batch 16 ≈ 2.5 s). The defaults are a budget, not convergence: a GPU run raises --steps.
import { type ArchOptions, type ArchSpec, resolveArch } from '../models/arch.ts';
import { type Task, tasks } from '../data/degrade.ts';
import type { BlurSpec } from '../data/blur-kernel.ts';

export interface TrainSpec {
  /** output folder name, e.g. "shallow-denoise" */
  name: string;
  arch: ArchSpec;
  task: Task;
  /** noise σ on [0, 1] (denoise, restore) */
  noiseSigma: number;
  /** blur kernel (deblur, restore) */
  blur: BlurSpec;
  seed: number;
  steps: number;
  patch: number;
  batch: number;
  learningRate: number;
  /** validation + checkpoint period ("epoch"), in steps */
  stepsPerEpoch: number;
  /** early stopping: epochs without a better validation PSNR before stopping */
  patience: number;
  validationPatches: number;
  validationPatch: number;
  validationFraction: number;
}

export type TrainOptions = { arch: ArchOptions | ArchSpec; task: Task } & Partial<Omit<TrainSpec, 'arch' | 'task'>>;

const budgets: Record<string, { steps: number; patch: number; batch: number }> = {
  shallow: { steps: 3000, patch: 40, batch: 32 },
  deep: { steps: 600, patch: 24, batch: 32 },
  dncnn: { steps: 200, patch: 24, batch: 16 },
};

export function resolveTrainSpec(o: TrainOptions): TrainSpec {
  const arch = resolveArch(o.arch);
  if (!tasks.includes(o.task)) throw new RangeError(`unknown task "${o.task}" (one of ${tasks.join(', ')})`);
  const b = budgets[arch.arch];
  const steps = o.steps ?? b.steps;
  const spec: TrainSpec = {
    name: o.name ?? defaultName(arch, o.task),
    arch,
    task: o.task,
    noiseSigma: o.noiseSigma ?? 0.1,
    blur: o.blur ?? { kind: 'gaussian', sigma: 1.5 },
    seed: o.seed ?? 1,
    steps,
    patch: o.patch ?? b.patch,
    batch: o.batch ?? b.batch,
    learningRate: o.learningRate ?? 1e-3,
    stepsPerEpoch: o.stepsPerEpoch ?? Math.max(1, Math.round(steps / 20)),
    patience: o.patience ?? 5,
    validationPatches: o.validationPatches ?? 32,
    validationPatch: o.validationPatch ?? 48,
    validationFraction: o.validationFraction ?? 0.1,
  };
  const posInt = (v: number, what: string, min = 1) => {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`${what} must be an integer ≥ ${min}, got ${v}`);
  };
  posInt(spec.steps, 'steps'); posInt(spec.patch, 'patch', 8); posInt(spec.batch, 'batch'); posInt(spec.stepsPerEpoch, 'steps per epoch');
  posInt(spec.patience, 'patience'); posInt(spec.validationPatches, 'validation patches'); posInt(spec.validationPatch, 'validation patch', 16);
  if (!Number.isInteger(spec.seed) || spec.seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${spec.seed}`);
  if (!(spec.noiseSigma >= 0 && spec.noiseSigma <= 1)) throw new RangeError(`noise sigma must be in [0, 1], got ${spec.noiseSigma}`);
  if (!(spec.learningRate > 0 && spec.learningRate < 1)) throw new RangeError(`learning rate must be in (0, 1), got ${spec.learningRate}`);
  if (!/^[A-Za-z0-9._-]+$/.test(spec.name)) throw new RangeError(`model name "${spec.name}" may hold only letters, digits, . _ -`);
  return spec;
}

export function defaultName(arch: ArchSpec, task: Task): string {
  const suffix = arch.arch === 'dncnn' ? String(arch.depth) : '';
  return `${arch.arch}${suffix}-${task}${arch.activation !== resolveArch({ arch: arch.arch }).activation ? `-${arch.activation}` : ''}`;
}

/** The CLI command that reproduces a run with this spec. */
export function trainCommand(spec: TrainSpec, outDir: string): string {
  const d = resolveTrainSpec({ arch: { arch: spec.arch.arch }, task: spec.task, steps: spec.steps });
  const a = resolveArch({ arch: spec.arch.arch });
  const parts = ['illusion-lab train', `--task ${spec.task}`, `--arch ${spec.arch.arch}`, `--seed ${spec.seed}`, `--steps ${spec.steps}`,
    `--patch ${spec.patch}`, `--batch ${spec.batch}`];
  if (spec.arch.activation !== a.activation) parts.push(`--activation ${spec.arch.activation}`);
  if (spec.arch.channels !== a.channels) parts.push(`--channels ${spec.arch.channels}`);
  if (spec.arch.depth !== a.depth) parts.push(`--depth ${spec.arch.depth}`);
  if (spec.arch.kernelSize !== a.kernelSize) parts.push(`--kernel ${spec.arch.kernelSize}`);
  if (spec.noiseSigma !== d.noiseSigma) parts.push(`--sigma ${spec.noiseSigma}`);
  if (JSON.stringify(spec.blur) !== JSON.stringify(d.blur)) {
    parts.push(spec.blur.kind === 'gaussian' ? `--blur gaussian:${spec.blur.sigma}` : `--blur motion:${spec.blur.length}:${spec.blur.angleDeg}`);
  }
  if (spec.stepsPerEpoch !== d.stepsPerEpoch) parts.push(`--epoch-steps ${spec.stepsPerEpoch}`);
  if (spec.patience !== d.patience) parts.push(`--patience ${spec.patience}`);
  if (spec.learningRate !== d.learningRate) parts.push(`--lr ${spec.learningRate}`);
  parts.push(`--out ${outDir}`);
  return parts.join(' ');
}
