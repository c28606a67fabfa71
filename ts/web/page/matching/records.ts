// A session's data: the protocol, one record per trial, and per stimulus the human mean match beside the
// network's match by the same procedure (ts/experiments/matching.ts). Serialised as JSON and CSV.
import type { Rgb } from '../../../image.ts';
import type { MatchingProtocol } from './protocol.ts';

export interface TrialRecord {
  trial: number;
  stimulus: string;
  repeat: number;
  mirrored: boolean;
  /** mean colour of A's test (the reference, unchanged) */
  reference: Rgb;
  /** B's physical test colour (mean over its mask) */
  physical: Rgb;
  start: Rgb;
  /** the colour of B's test the observer accepted */
  match: Rgb;
  /** match − physical: the input change that cancels the illusion for this observer */
  shift: Rgb;
  responseMs: number;
  timedOut: boolean;
  keyPresses: number;
}

export interface NetworkMatch {
  model: string;
  stimulus: string;
  matched: Rgb;
  shift: Rgb;
  residual: number;
  iterations: number;
  /** channels whose match sits at 0 or 1 (the display range: the illusion may need more than it offers) */
  atBound: boolean[];
  /** wall time of the network's match in the page's network worker */
  seconds: number;
}

export interface StimulusSummary {
  stimulus: string;
  trials: number;
  physical: Rgb;
  humanMean: Rgb;
  humanShift: Rgb;
  /** standard deviation of the human matches per channel (n − 1); null with one trial */
  humanSd: Rgb | null;
  network: NetworkMatch | null;
}

export interface SessionData {
  protocol: MatchingProtocol;
  trials: TrialRecord[];
  summary: StimulusSummary[];
  finishedAt: string;
}

export function summarise(trials: readonly TrialRecord[], network: readonly NetworkMatch[]): StimulusSummary[] {
  const names = [...new Set(trials.map((t) => t.stimulus))];
  return names.map((stimulus) => {
    const ts = trials.filter((t) => t.stimulus === stimulus);
    const mean = [0, 1, 2].map((c) => ts.reduce((s, t) => s + t.match[c], 0) / ts.length) as unknown as Rgb;
    const sd = ts.length < 2 ? null
      : [0, 1, 2].map((c) => Math.sqrt(ts.reduce((s, t) => s + (t.match[c] - mean[c]) ** 2, 0) / (ts.length - 1))) as unknown as Rgb;
    const physical = ts[0].physical;
    return {
      stimulus, trials: ts.length, physical, humanMean: mean,
      humanShift: [mean[0] - physical[0], mean[1] - physical[1], mean[2] - physical[2]],
      humanSd: sd, network: network.find((n) => n.stimulus === stimulus) ?? null,
    };
  });
}

const csvColumns = ['trial', 'stimulus', 'repeat', 'mirrored', 'reference_r', 'reference_g', 'reference_b',
  'physical_r', 'physical_g', 'physical_b', 'start_r', 'start_g', 'start_b', 'match_r', 'match_g', 'match_b',
  'shift_r', 'shift_g', 'shift_b', 'response_ms', 'timed_out', 'key_presses',
  'network_model', 'network_match_r', 'network_match_g', 'network_match_b'];

function csvField(v: unknown): string {
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(6)) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per trial; the protocol as leading "# key: value" comment lines (flattened JSON). */
export function sessionToCsv(data: SessionData): string {
  const lines: string[] = [];
  const flat = (prefix: string, v: unknown): void => {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) flat(prefix ? `${prefix}.${k}` : k, x);
    else lines.push(`# ${prefix}: ${JSON.stringify(v)}`);
  };
  flat('', data.protocol);
  lines.push(csvColumns.join(','));
  for (const t of data.trials) {
    const net = data.summary.find((s) => s.stimulus === t.stimulus)?.network;
    lines.push([t.trial, t.stimulus, t.repeat, t.mirrored, ...t.reference, ...t.physical, ...t.start, ...t.match, ...t.shift,
      t.responseMs, t.timedOut, t.keyPresses, net?.model ?? '', ...(net ? net.matched : ['', '', ''])].map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}

export function sessionToJson(data: SessionData): string {
  return JSON.stringify(data, null, 2) + '\n';
}
