// The study's configuration: what `illusion-lab run` does, as JSON. Built-in defaults reproduce the
// study on 2 CPU cores in minutes; --full widens everything. A config file may override any field; the
// resolved config is written back into results.json with the run's provenance.
import { readFileSync } from 'node:fs';
import { UserError } from '../util/errors.ts';
import { defaultModelsDir } from '../train/default-models.ts';

export interface ModelRef {
  arch: 'shallow' | 'deep' | 'dncnn';
  task: 'denoise' | 'deblur' | 'restore';
  seed: number;
}

export interface StudyConfig {
  /** where the trained models live (trained there when absent); default: the package's models/ */
  modelsDir: string;
  models: ModelRef[];
  stimuli: {
    variants: ('grey' | 'colour')[];
    /** run the parameter sweeps (bar/grid/ring frequency, disc size, staircase size) */
    sweeps: boolean;
    /** restrict the sweeps to these architectures (all when empty) */
    sweepArchs: ModelRef['arch'][];
  };
  matching: {
    /** architectures on which asymmetric matching runs (all when empty) */
    archs: ModelRef['arch'][];
    maxIterations: number;
  };
  jacobian: {
    /** operating point (uniform colour) */
    operatingPoint: [number, number, number];
    block: number;
    canvas: number;
    /** one larger case */
    large: { block: number; canvas: number; model: string } | null;
    /** the model on which regression and finite differences are compared with autograd */
    regression: { model: string; probesPerDim: number; amplitude: number; seed: number } | null;
  };
  linearity: {
    /** number of natural test blocks */
    blocks: number;
    seed: number;
  };
  csf: {
    /** pixels per degree of the default viewing condition */
    ppd: number;
    ppdSweep: number[];
    /** opponent space of the analysis */
    opponent: 'opponent' | 'atd' | 'yuv';
  };
  /** castleCSF data folder; when absent the report says the measured comparison was skipped */
  humanDataDir: string | null;
  /** natural images for the linearity analysis: a folder; null = the training photos' validation split */
  naturalImagesDir: string | null;
}

export const defaultModelRefs: ModelRef[] = [
  { arch: 'shallow', task: 'denoise', seed: 1 },
  { arch: 'shallow', task: 'denoise', seed: 2 },
  { arch: 'shallow', task: 'denoise', seed: 3 },
  { arch: 'shallow', task: 'deblur', seed: 1 },
  { arch: 'shallow', task: 'restore', seed: 1 },
  { arch: 'deep', task: 'denoise', seed: 1 },
  { arch: 'deep', task: 'deblur', seed: 1 },
  { arch: 'deep', task: 'restore', seed: 1 },
  { arch: 'dncnn', task: 'denoise', seed: 1 },
];

export function modelName(m: ModelRef): string {
  return `${m.arch}-${m.task}-s${m.seed}`;
}

export function defaultConfig(full = false): StudyConfig {
  return {
    modelsDir: defaultModelsDir(),
    models: defaultModelRefs,
    stimuli: { variants: ['grey', 'colour'], sweeps: true, sweepArchs: full ? [] : ['shallow'] },
    matching: { archs: full ? [] : ['shallow', 'deep'], maxIterations: full ? 40 : 12 },
    jacobian: {
      operatingPoint: [0.5, 0.5, 0.5],
      block: 16,
      canvas: 64,
      large: { block: 32, canvas: 80, model: 'shallow-denoise-s1' },
      regression: { model: 'shallow-denoise-s1', probesPerDim: 2, amplitude: 0.01, seed: 1 },
    },
    linearity: { blocks: full ? 256 : 64, seed: 1 },
    csf: { ppd: 64, ppdSweep: [32, 64, 128], opponent: 'opponent' },
    humanDataDir: null,
    naturalImagesDir: null,
  };
}

/** Overlay a user's JSON config (partial) on the defaults, validating what it touches. */
export function loadConfig(path: string | undefined, full: boolean): StudyConfig {
  const base = defaultConfig(full);
  if (!path) return base;
  let user: unknown;
  try {
    user = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`--config ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message})`}`);
  }
  if (!user || typeof user !== 'object' || Array.isArray(user)) throw new UserError(`--config ${path}: must be a JSON object`);
  const merged = deepMerge(base, user as Record<string, unknown>, path, '') as StudyConfig;
  validateConfig(merged, path);
  return merged;
}

function deepMerge(base: unknown, over: Record<string, unknown>, file: string, at: string): unknown {
  if (!base || typeof base !== 'object' || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    if (!(k in out)) throw new UserError(`--config ${file}: unknown field "${at}${k}"`);
    const b = out[k];
    out[k] = b && typeof b === 'object' && !Array.isArray(b) && v && typeof v === 'object' && !Array.isArray(v)
      ? deepMerge(b, v as Record<string, unknown>, file, `${at}${k}.`) : v;
  }
  return out;
}

export function validateConfig(c: StudyConfig, file = 'config'): void {
  const bad = (msg: string) => { throw new UserError(`${file}: ${msg}`); };
  if (!Array.isArray(c.models) || c.models.length === 0) bad('"models" must list at least one model');
  for (const m of c.models) {
    if (!['shallow', 'deep', 'dncnn'].includes(m.arch)) bad(`model arch "${m.arch}" is not one of shallow, deep, dncnn`);
    if (!['denoise', 'deblur', 'restore'].includes(m.task)) bad(`model task "${m.task}" is not one of denoise, deblur, restore`);
    if (!Number.isInteger(m.seed) || m.seed < 0) bad(`model seed ${m.seed} is not a non-negative integer`);
  }
  const j = c.jacobian;
  if (!Number.isInteger(j.block) || j.block < 2 || j.block > 64) bad(`jacobian.block ${j.block} must be an integer in 2..64`);
  if (!Number.isInteger(j.canvas) || j.canvas < j.block) bad(`jacobian.canvas ${j.canvas} must be an integer ≥ jacobian.block`);
  if (j.operatingPoint.length !== 3 || j.operatingPoint.some((v) => !(v >= 0 && v <= 1))) bad('jacobian.operatingPoint must be three values in [0, 1]');
  if (j.large && (j.large.block > 48 || j.large.canvas < j.large.block)) bad('jacobian.large.block must be ≤ 48 (a 3·48² = 6912-dimensional Jacobian) and ≤ its canvas');
  if (j.regression && !(j.regression.probesPerDim >= 1)) bad('jacobian.regression.probesPerDim must be ≥ 1');
  if (j.regression && !(j.regression.amplitude > 0 && j.regression.amplitude < 0.5)) bad('jacobian.regression.amplitude must be in (0, 0.5)');
  if (!(c.csf.ppd > 0)) bad('csf.ppd must be positive');
  if (!Number.isInteger(c.linearity.blocks) || c.linearity.blocks < 1) bad('linearity.blocks must be a positive integer');
  if (c.stimuli.variants.some((v) => v !== 'grey' && v !== 'colour')) bad('stimuli.variants may hold only "grey" and "colour"');
}
