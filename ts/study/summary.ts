// Aggregation of per-network results over seeds (mean, sample standard deviation, counts), grouping
// networks by architecture and task.
import type { ModelResults } from './run-study.ts';

export interface Stat { mean: number; sd: number; n: number }

export function stat(xs: readonly number[]): Stat {
  const v = xs.filter((x) => Number.isFinite(x));
  const n = v.length;
  if (n === 0) return { mean: NaN, sd: NaN, n: 0 };
  const mean = v.reduce((s, x) => s + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : NaN;
  return { mean, sd, n };
}

export function fmtStat(s: Stat, digits = 3): string {
  if (s.n === 0) return '—';
  return s.n > 1 ? `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}` : s.mean.toFixed(digits);
}

/** A statistic of fractions as percentages. */
export function fmtPct(s: Stat, digits = 1): string {
  if (s.n === 0) return '—';
  return s.n > 1 ? `${(100 * s.mean).toFixed(digits)} ± ${(100 * s.sd).toFixed(digits)} %` : `${(100 * s.mean).toFixed(digits)} %`;
}

export function groupKey(m: ModelResults): string {
  return `${m.ref.arch}-${m.ref.task}`;
}

/** Networks grouped by arch-task, in first-seen order. */
export function groups(models: readonly ModelResults[]): Map<string, ModelResults[]> {
  const out = new Map<string, ModelResults[]>();
  for (const m of models) {
    const k = groupKey(m);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(m);
  }
  return out;
}

/** Published values of the study's Tables 3/4 (SCIENCE.md §5): fraction linear, error nonlinear, error linear, strength. */
export const PUBLISHED: Record<string, { fractionLinear: number; errorNonlinear: number; errorLinear: number; strength: string }> = {
  'shallow-denoise': { fractionLinear: 0.90, errorNonlinear: 0.112, errorLinear: 0.125, strength: '++' },
  'deep-denoise': { fractionLinear: 0.93, errorNonlinear: 0.108, errorLinear: 0.121, strength: '+++' },
  'dncnn-denoise': { fractionLinear: 0.84, errorNonlinear: 0.075, errorLinear: 0.159, strength: '−' },
  'shallow-deblur': { fractionLinear: 0.88, errorNonlinear: 0.171, errorLinear: 0.190, strength: '++' },
  'deep-deblur': { fractionLinear: 0.93, errorNonlinear: 0.163, errorLinear: 0.171, strength: '+++' },
  'dncnn-deblur': { fractionLinear: 0.94, errorNonlinear: 0.150, errorLinear: 0.156, strength: '++ (Tao et al.)' },
};
