// Measured human contrast sensitivity from the castleCSF data collection (MIT licence; aggregated CSV).
// The product does not ship the data: a path to its data folder is given (in this workplace
// ../shared/human/castlecsf/data); when absent, callers get `undefined` and say so in the report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CsfChannel = 'achromatic' | 'red-green' | 'yellow-violet';

export interface MeasuredCsf {
  channel: CsfChannel;
  dataset: string;
  luminance: number;
  /** cycles per degree, ascending */
  frequency: number[];
  /** contrast sensitivity: for each frequency the maximum over the stimulus areas measured (largest-area envelope) */
  sensitivity: number[];
  /** how many rows of the data went into each point */
  rows: number[];
  source: string;
}

/** The suggested subset (SCIENCE.md §7): hdr_csf, col_dir_id 9/10/11, static, foveal. */
export const HDR_CSF_DIRECTIONS: Record<CsfChannel, number> = { achromatic: 9, 'red-green': 10, 'yellow-violet': 11 };

export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { out.push(cur); cur = ''; }
      else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((l) => {
    const cells = split(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/**
 * Load the measured CSFs of one data set and luminance for the three channels.
 * Returns undefined when the folder or its data_aggregated.csv is absent.
 */
export function loadMeasuredCsfs(dataDir: string, opts: { dataset?: string; luminance?: number } = {}): MeasuredCsf[] | undefined {
  const file = join(dataDir, 'data_aggregated.csv');
  if (!existsSync(file)) return undefined;
  const dataset = opts.dataset ?? 'hdr_csf';
  const luminance = opts.luminance ?? 20;
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const out: MeasuredCsf[] = [];
  for (const [channel, dir] of Object.entries(HDR_CSF_DIRECTIONS) as [CsfChannel, number][]) {
    const best = new Map<number, { s: number; n: number }>();
    for (const r of rows) {
      if (r.dataset !== dataset || Number(r.col_dir_id) !== dir || Number(r.t_frequency) !== 0 ||
          Number(r.eccentricity) !== 0 || Number(r.luminance) !== luminance) continue;
      const f = Number(r.s_frequency), s = Number(r.sensitivity);
      if (!Number.isFinite(f) || !Number.isFinite(s) || f <= 0 || s <= 0) continue;
      const cur = best.get(f);
      best.set(f, { s: Math.max(cur?.s ?? 0, s), n: (cur?.n ?? 0) + 1 });
    }
    const freqs = [...best.keys()].sort((a, b) => a - b);
    if (freqs.length === 0) continue;
    out.push({
      channel, dataset, luminance, frequency: freqs,
      sensitivity: freqs.map((f) => best.get(f)!.s), rows: freqs.map((f) => best.get(f)!.n),
      source: `castleCSF data_aggregated.csv, dataset ${dataset}, col_dir_id ${dir}, ${luminance} cd/m², t_frequency 0, eccentricity 0`,
    });
  }
  return out;
}
