// Line plots as standalone SVG (no dependencies), with linear or log axes, for the report.

export interface Series {
  name: string;
  x: readonly number[];
  y: readonly number[];
  colour?: string;
  dashed?: boolean;
  /** draw markers instead of (or with) a line */
  markers?: boolean;
  line?: boolean;
}

export interface PlotOptions {
  title: string;
  xlabel: string;
  ylabel: string;
  xlog?: boolean;
  ylog?: boolean;
  width?: number;
  height?: number;
  /** draw a horizontal line at y = 0 (linear y axes) */
  zeroLine?: boolean;
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function niceTicks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
      const v = 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
    return out.length >= 2 ? out : [lo, hi];
  }
  const span = hi - lo || 1;
  const step0 = 10 ** Math.floor(Math.log10(span / 5));
  const step = [1, 2, 5, 10].map((m) => m * step0).find((s) => span / s <= 6) ?? step0 * 10;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}

function fmt(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0);
  return String(Number(v.toPrecision(3)));
}

export function linePlotSvg(series: readonly Series[], opts: PlotOptions): string {
  const W = opts.width ?? 560, H = opts.height ?? 360;
  const m = { l: 64, r: 150, t: 34, b: 48 };
  const pts = series.flatMap((s) => s.x.map((x, i) => [x, s.y[i]] as const))
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!opts.xlog || x > 0) && (!opts.ylog || y > 0));
  if (pts.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><text x="20" y="30">${esc(opts.title)}: no data</text></svg>`;
  }
  let [xlo, xhi] = [Math.min(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[0]))];
  let [ylo, yhi] = [Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[1]))];
  if (opts.zeroLine && !opts.ylog) { ylo = Math.min(ylo, 0); yhi = Math.max(yhi, 0); }
  if (xlo === xhi) { xlo = opts.xlog ? xlo / 2 : xlo - 1; xhi = opts.xlog ? xhi * 2 : xhi + 1; }
  if (ylo === yhi) { ylo = opts.ylog ? ylo / 2 : ylo - 1; yhi = opts.ylog ? yhi * 2 : yhi + 1; }
  if (!opts.ylog) { const pad = (yhi - ylo) * 0.05; ylo -= pad; yhi += pad; }
  const tx = (v: number) => opts.xlog ? Math.log10(v) : v;
  const ty = (v: number) => opts.ylog ? Math.log10(v) : v;
  const px = (v: number) => m.l + ((tx(v) - tx(xlo)) / (tx(xhi) - tx(xlo))) * (W - m.l - m.r);
  const py = (v: number) => H - m.b - ((ty(v) - ty(ylo)) / (ty(yhi) - ty(ylo))) * (H - m.t - m.b);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${m.l}" y="18" font-size="13" font-weight="bold">${esc(opts.title)}</text>`);
  const x0 = m.l, x1 = W - m.r, y0 = H - m.b, y1 = m.t;
  parts.push(`<rect x="${x0}" y="${y1}" width="${x1 - x0}" height="${y0 - y1}" fill="none" stroke="#444"/>`);
  for (const v of niceTicks(xlo, xhi, Boolean(opts.xlog))) {
    const x = px(v);
    parts.push(`<line x1="${x}" y1="${y0}" x2="${x}" y2="${y1}" stroke="#ddd"/><text x="${x}" y="${y0 + 14}" text-anchor="middle">${fmt(v)}</text>`);
  }
  for (const v of niceTicks(ylo, yhi, Boolean(opts.ylog))) {
    const y = py(v);
    parts.push(`<line x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="#ddd"/><text x="${x0 - 4}" y="${y + 4}" text-anchor="end">${fmt(v)}</text>`);
  }
  if (opts.zeroLine && !opts.ylog && ylo < 0 && yhi > 0) parts.push(`<line x1="${x0}" y1="${py(0)}" x2="${x1}" y2="${py(0)}" stroke="#888"/>`);
  parts.push(`<text x="${(x0 + x1) / 2}" y="${H - 12}" text-anchor="middle">${esc(opts.xlabel)}</text>`);
  parts.push(`<text x="14" y="${(y0 + y1) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(y0 + y1) / 2})">${esc(opts.ylabel)}</text>`);
  series.forEach((s, si) => {
    const colour = s.colour ?? PALETTE[si % PALETTE.length];
    const ok = s.x.map((x, i) => [x, s.y[i]] as const)
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!opts.xlog || x > 0) && (!opts.ylog || y > 0));
    if (s.line !== false && ok.length > 1) {
      const d = ok.map(([x, y], i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join('');
      parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`);
    }
    if (s.markers) for (const [x, y] of ok) parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="2.8" fill="${colour}"/>`);
    const ly = m.t + 8 + si * 16;
    parts.push(`<line x1="${x1 + 10}" y1="${ly}" x2="${x1 + 30}" y2="${ly}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`);
    parts.push(`<text x="${x1 + 34}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
