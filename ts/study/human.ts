// Human references for the artificial CSFs (SCIENCE.md §7): the parametric models evaluated on a
// frequency grid through the core, and the measured castleCSF data when its folder is available.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMeasuredCsfs, type MeasuredCsf } from '../human/castle-csf.ts';
import type { StudyConfig } from './config.ts';
import type { StudyCore } from './core-adapter.ts';

export interface HumanReferences {
  /** cycles/degree */
  frequency: number[];
  models: { sso: number[]; mullenRg: number[]; mullenYb: number[]; mannosSakrison: number[] };
  measured: MeasuredCsf[] | null;
  measuredSource: string | null;
  note: string;
}

/** Where the castleCSF data is looked for when the config names none. */
export function findHumanDataDir(config: StudyConfig): string | null {
  if (config.humanDataDir) return config.humanDataDir;
  const candidates = [
    process.env.ILLUSION_LAB_HUMAN_DATA,
    resolve(process.cwd(), '../shared/human/castlecsf/data'),
    fileURLToPath(new URL('../../../shared/human/castlecsf/data', import.meta.url)),
    fileURLToPath(new URL('../../../../shared/human/castlecsf/data', import.meta.url)),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(join(p, 'data_aggregated.csv'))) ?? null;
}

export function humanReferences(config: StudyConfig, core: StudyCore, log: (s: string) => void): HumanReferences {
  const frequency = Array.from({ length: 41 }, (_, i) => 0.25 * 2 ** (i / 5)); // 0.25 … 64 cpd
  const models = core.humanCsfModels(frequency);
  const dir = findHumanDataDir(config);
  const measured = dir ? loadMeasuredCsfs(dir) ?? null : null;
  if (!measured) log('human data: castleCSF folder not found — measured comparison skipped (models only); set humanDataDir or ILLUSION_LAB_HUMAN_DATA');
  return {
    frequency, models, measured, measuredSource: measured ? dir : null,
    note: 'Models: SSO achromatic 330.74·[exp(−f/7.28) − 0.837·exp(−f²/1.809²)]; Mullen-fit RG ∝ exp(−f/6.64), YB ∝ exp(−f/4.13), maxima 0.75·201.3 and 0.55·201.3; Mannos–Sakrison 2.6·(0.0192 + 0.114f)·exp(−(0.114f)^1.1). Measured: castleCSF (MIT), hdr_csf subset, 20 cd/m², static, foveal; per frequency the largest sensitivity over the stimulus areas measured.',
  };
}
