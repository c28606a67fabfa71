// A terminal progress bar with ETA, written to stderr. On a non-TTY (CI, logs) it prints a line at
// most every few seconds instead of redrawing.

export interface ProgressOptions {
  /** label shown before the bar */
  label: string;
  total: number;
  stream?: NodeJS.WriteStream;
  /** minimum milliseconds between non-TTY lines */
  logIntervalMs?: number;
}

export class ProgressBar {
  private done = 0;
  private readonly start = Date.now();
  private lastDraw = 0;
  private extra = '';
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;
  private finished = false;

  constructor(private readonly opts: ProgressOptions) {
    this.stream = opts.stream ?? process.stderr;
    this.tty = Boolean(this.stream.isTTY);
    this.draw(true);
  }

  /** Advance by n units, optionally replacing the trailing status text (e.g. "loss 0.0123"). */
  tick(n = 1, status?: string): void {
    this.done = Math.min(this.opts.total, this.done + n);
    if (status !== undefined) this.extra = status;
    this.draw(this.done === this.opts.total);
  }

  update(done: number, status?: string): void {
    this.done = Math.min(this.opts.total, done);
    if (status !== undefined) this.extra = status;
    this.draw(this.done === this.opts.total);
  }

  finish(status?: string): void {
    if (this.finished) return;
    if (status !== undefined) this.extra = status;
    this.done = this.opts.total;
    this.draw(true);
    if (this.tty) this.stream.write('\n');
    this.finished = true;
  }

  private draw(force: boolean): void {
    const now = Date.now();
    const interval = this.tty ? 100 : this.opts.logIntervalMs ?? 5000;
    if (!force && now - this.lastDraw < interval) return;
    this.lastDraw = now;
    const { total, label } = this.opts;
    const frac = total > 0 ? this.done / total : 1;
    const elapsed = (now - this.start) / 1000;
    const eta = this.done > 0 ? (elapsed / this.done) * (total - this.done) : NaN;
    const width = 28;
    const filled = Math.round(frac * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const line = `${label} ${bar} ${this.done}/${total} ${(frac * 100).toFixed(0).padStart(3)}% ` +
      `${formatDuration(elapsed)} elapsed, ETA ${Number.isFinite(eta) ? formatDuration(eta) : '?'}` +
      (this.extra ? `  ${this.extra}` : '');
    if (this.tty) this.stream.write(`\r\x1b[2K${line}`);
    else this.stream.write(line + '\n');
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)}s`;
  const total = Math.round(seconds);
  const m = Math.floor(total / 60);
  const s = total - m * 60;
  if (m < 60) return `${m}m${String(s).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
