// The study's configuration: what `illusion-lab run` does, as JSON. Built-in defaults reproduce the
// study on 2 CPU cores in minutes; --full widens everything. A config file may override any field; the
// resolved config is written back into results.json with the run's provenance.
import { existsSync, readFileSync, statSync } from 'node:fs';
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
    opponent: 'opponent' | 'atd';
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
  const bad = (msg: string): never => { throw new UserError(`${file}: ${msg}`); };
  const num = (v: unknown, name: string, min: number, max: number, integer = false) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) bad(`${name} must be a number, got ${JSON.stringify(v)}`);
    if (integer && !Number.isInteger(v)) bad(`${name} must be a whole number, got ${v}`);
    if ((v as number) < min || (v as number) > max) bad(`${name} ${v} must be in ${min}..${max}`);
  };
  const bool = (v: unknown, name: string) => { if (typeof v !== 'boolean') bad(`${name} must be true or false, got ${JSON.stringify(v)}`); };
  const list = (v: unknown, name: string) => { if (!Array.isArray(v)) bad(`${name} must be a list, got ${JSON.stringify(v)}`); };
  const archs = ['shallow', 'deep', 'dncnn'];
  if (typeof c.modelsDir !== 'string' || c.modelsDir === '') bad('"modelsDir" must be a folder path');
  list(c.models, '"models"');
  if (c.models.length === 0) bad('"models" must list at least one model');
  for (const m of c.models) {
    if (!m || typeof m !== 'object') bad(`each model must be an object like {"arch": "shallow", "task": "denoise", "seed": 1}`);
    if (!archs.includes(m.arch)) bad(`model arch "${m.arch}" is not one of shallow, deep, dncnn`);
    if (!['denoise', 'deblur', 'restore'].includes(m.task)) bad(`model task "${m.task}" is not one of denoise, deblur, restore`);
    if (!Number.isInteger(m.seed) || m.seed < 0) bad(`model seed ${JSON.stringify(m.seed)} is not a non-negative integer`);
  }
  const names = c.models.map(modelName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) bad(`model ${dup} is listed twice`);
  list(c.stimuli.variants, 'stimuli.variants');
  if (c.stimuli.variants.length === 0 || c.stimuli.variants.some((v) => v !== 'grey' && v !== 'colour')) bad('stimuli.variants must hold "grey" and/or "colour"');
  bool(c.stimuli.sweeps, 'stimuli.sweeps');
  list(c.stimuli.sweepArchs, 'stimuli.sweepArchs');
  if (c.stimuli.sweepArchs.some((a) => !archs.includes(a))) bad('stimuli.sweepArchs may hold only shallow, deep, dncnn');
  list(c.matching.archs, 'matching.archs');
  if (c.matching.archs.some((a) => !archs.includes(a))) bad('matching.archs may hold only shallow, deep, dncnn');
  num(c.matching.maxIterations, 'matching.maxIterations', 1, 1000, true);
  const j = c.jacobian;
  num(j.block, 'jacobian.block', 2, 64, true);
  num(j.canvas, 'jacobian.canvas', j.block, 512, true);
  if (!Array.isArray(j.operatingPoint) || j.operatingPoint.length !== 3 || j.operatingPoint.some((v) => typeof v !== 'number' || !(v >= 0 && v <= 1))) bad('jacobian.operatingPoint must be three numbers in [0, 1]');
  if (j.large !== null) {
    if (typeof j.large !== 'object') bad('jacobian.large must be an object or null');
    num(j.large.block, 'jacobian.large.block', 2, 48, true);
    num(j.large.canvas, 'jacobian.large.canvas', j.large.block, 512, true);
    if (!names.includes(j.large.model)) bad(`jacobian.large.model "${j.large.model}" is not among the models (${names.join(', ')})`);
  }
  if (j.regression !== null) {
    if (typeof j.regression !== 'object') bad('jacobian.regression must be an object or null');
    if (!names.includes(j.regression.model)) bad(`jacobian.regression.model "${j.regression.model}" is not among the models (${names.join(', ')})`);
    num(j.regression.probesPerDim, 'jacobian.regression.probesPerDim', 1, 16);
    num(j.regression.amplitude, 'jacobian.regression.amplitude', 1e-6, 0.5);
    num(j.regression.seed, 'jacobian.regression.seed', 0, 2 ** 31, true);
  }
  num(c.linearity.blocks, 'linearity.blocks', 1, 4096, true);
  num(c.linearity.seed, 'linearity.seed', 0, 2 ** 31, true);
  num(c.csf.ppd, 'csf.ppd', 1e-3, 1e4);
  list(c.csf.ppdSweep, 'csf.ppdSweep');
  c.csf.ppdSweep.forEach((v, i) => num(v, `csf.ppdSweep[${i}]`, 1e-3, 1e4));
  if (!c.csf.ppdSweep.includes(c.csf.ppd)) bad(`csf.ppdSweep must include csf.ppd (${c.csf.ppd})`);
  if (!['opponent', 'atd'].includes(c.csf.opponent)) bad(`csf.opponent "${c.csf.opponent}" is not one of opponent, atd (linear opponent spaces)`);
  for (const k of ['humanDataDir', 'naturalImagesDir'] as const) {
    const v = c[k];
    if (v !== null && (typeof v !== 'string' || !existsSync(v) || !statSync(v).isDirectory())) bad(`${k} ${JSON.stringify(v)} is not an existing folder`);
  }
}
