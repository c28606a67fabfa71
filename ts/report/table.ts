// A table of results: shown in the HTML report, written as CSV, printed in the terminal.
export type Cell = string | number | boolean | null | undefined;

export interface Table {
  /** file stem of the CSV */
  name: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** definitions and units, printed under the table */
  notes?: string;
}

export function toCsv(t: Table): string {
  const cell = (v: Cell) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [t.columns.map(cell).join(','), ...t.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** Fixed-width rendering for the terminal. */
export function toText(t: Table): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map(formatCell))];
  const widths = t.columns.map((_, j) => Math.max(...cells.map((r) => String(r[j] ?? '').length)));
  const line = (r: Cell[]) => r.map((v, j) => (j === 0 ? String(v ?? '').padEnd(widths[j]) : String(v ?? '').padStart(widths[j]))).join('  ');
  return [t.title, line(t.columns), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

export function formatCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '—';
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
    return String(Number(v.toPrecision(4)));
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return v;
}
