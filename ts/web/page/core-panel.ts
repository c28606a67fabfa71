// Panel 3: computations on the WebAssembly core in the web worker — eigen-decomposition of a typed-in
// matrix or of the network's Jacobian (8×8×3 block at mid-grey, by autograd in the page), and the radially
// averaged power spectrum of the stimulus (FFT) beside the human contrast sensitivity (SSO) — while the
// page keeps drawing (the frame counter in the header).
import * as Comlink from 'comlink';
import type { EigGeneralResult } from '../../core/eig.ts';
import type { RadialAverageResult } from '../../core/fft.ts';
import type { Matrix } from '../../core/matrix.ts';
import { byId, element, errorText, fmt, table } from './dom.ts';
import { figure } from './render.ts';
import { setStatus, type PageState } from './state.ts';

/** Rows of whitespace- or comma-separated numbers → a square row-major matrix. */
export function parseMatrix(text: string): Matrix {
  const rows = text.trim().split(/\n+/).map((line) => line.trim().split(/[\s,;]+/).filter((s) => s !== '').map(Number));
  const n = rows.length;
  if (n === 0 || rows[0].length === 0) throw new Error('matrix: type one row per line, numbers separated by spaces');
  rows.forEach((r, i) => {
    if (r.length !== n) throw new Error(`matrix: row ${i + 1} has ${r.length} numbers; a square ${n}×${n} matrix needs ${n}`);
    const bad = r.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new Error(`matrix: row ${i + 1}, entry ${bad + 1} is not a number`);
  });
  return { rows: n, cols: n, data: Float64Array.from(rows.flat()) };
}

/** Run f while counting the page's animation frames: evidence the main thread stayed free. */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; frames: number }> {
  const frames0 = Number(byId('frames').textContent);
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0, frames: Number(byId('frames').textContent) - frames0 };
}

function showEigen(r: EigGeneralResult, label: string, ms: number, frames: number, max = 12): void {
  const out = byId('core-result');
  const t = element('table', { className: 'numbers' });
  const k = Math.min(max, r.n);
  table(t, ['k', 'Re λ', 'Im λ', '|λ|'], Array.from({ length: k }, (_, i) =>
    [String(i + 1), r.valuesRe[i], r.valuesIm[i], Math.hypot(r.valuesRe[i], r.valuesIm[i])]));
  const notes = [`${label}: ${r.n}×${r.n}, ${fmt(ms, 0)} ms in the worker (the page drew ${frames} frames meanwhile)`];
  if (!Number.isNaN(r.vectorsCondition)) notes.push(`eigenvector condition ${fmt(r.vectorsCondition, 2)}`);
  if (r.n > k) notes.push(`the ${k} largest of ${r.n} by |λ|`);
  out.replaceChildren(element('p', { className: 'note', textContent: notes.join('; ') }), t);
  out.dataset.eigen = JSON.stringify({ n: r.n, valuesRe: [...r.valuesRe], valuesIm: [...r.valuesIm],
    vectorsRe: r.vectorsRe ? [...r.vectorsRe.data] : null, ms, frames });
}

function plotSpectrum(r: RadialAverageResult, human: Float64Array): SVGSVGElement {
  const f = [...(r.cyclesPerDegree ?? r.cyclesPerPixel)];
  const keep = f.map((x, i) => i).filter((i) => f[i] > 0 && Number.isFinite(r.mean[i]) && r.mean[i] > 0);
  const W = 420, H = 200, pad = 30;
  const lx = keep.map((i) => Math.log10(f[i]));
  const series = [keep.map((i) => r.mean[i]), keep.map((i) => human[i])].map((ys) => {
    const ly = ys.map((y) => Math.log10(Math.max(y, 1e-12)));
    const top = Math.max(...ly);
    return ly.map((y) => y - top); // each normalised to its own maximum (log10 units)
  });
  const x0 = Math.min(...lx), x1 = Math.max(...lx), y0 = Math.max(-6, Math.min(...series.flat()));
  const px = (x: number) => pad + ((x - x0) / (x1 - x0 || 1)) * (W - 2 * pad);
  const py = (y: number) => pad / 2 + ((0 - Math.max(y, y0)) / (0 - y0 || 1)) * (H - 1.5 * pad);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('width', String(W));
  svg.setAttribute('class', 'plot');
  ['#2b5fab', '#c0392b'].forEach((colour, s) => {
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', lx.map((x, i) => `${px(x).toFixed(1)},${py(series[s][i]).toFixed(1)}`).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', colour);
    line.setAttribute('stroke-width', '1.5');
    svg.append(line);
  });
  const text = (x: number, y: number, s: string, colour = '#444') => {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', String(x)); t.setAttribute('y', String(y)); t.setAttribute('font-size', '11'); t.setAttribute('fill', colour);
    t.textContent = s;
    svg.append(t);
  };
  text(pad, H - 4, `${fmt(10 ** x0, 2)} … ${fmt(10 ** x1, 1)} ${r.cyclesPerDegree ? 'cycles/deg' : 'cycles/px'} (log)`);
  text(pad, H - 30, 'stimulus power (normalised to its peak)', '#2b5fab');
  text(pad, H - 17, 'human CSF, SSO (normalised to its peak)', '#c0392b');
  return svg;
}

export function setupCorePanel(state: PageState, stimulusPpd: () => number | undefined): { eig(): Promise<void> } {
  const err = byId('core-error');
  const fail = (e: unknown) => { err.textContent = errorText(e); setStatus('core: failed'); };

  async function eig(): Promise<void> {
    err.textContent = '';
    try {
      const a = parseMatrix(byId<HTMLTextAreaElement>('matrix').value);
      setStatus('core: eigen-decomposition in the worker…');
      const { value, ms, frames } = await timed(() => state.core.run('eigGeneral', [a, { vectors: true, inverse: false }]));
      showEigen(value as EigGeneralResult, 'eigen-decomposition of the matrix', ms, frames);
      setStatus(`core: eigen-decomposition of a ${a.rows}×${a.rows} matrix in ${fmt(ms, 0)} ms`);
    } catch (e) { fail(e); }
  }

  async function jacobianEig(): Promise<void> {
    err.textContent = '';
    const m = state.model;
    if (!m) { err.textContent = 'load a model first'; return; }
    try {
      setStatus(`core: Jacobian of ${m.name} (autograd in the network worker)…`);
      const j = await (await state.net).jacobian({ canvas: 32, block: 8, chunk: 32 },
        Comlink.proxy((done: number, total: number) => setStatus(`core: Jacobian of ${m.name}: ${done} of ${total} rows (autograd in the network worker)…`)));
      setStatus('core: eigen-decomposition of the Jacobian in the worker…');
      const { value, ms, frames } = await timed(() => state.core.run('eigGeneral',
        [{ rows: j.rows, cols: j.cols, data: j.data }, { vectors: true, inverse: false }]));
      const r = value as EigGeneralResult;
      showEigen(r, `Jacobian of ${m.name} (8×8×3 block of a 32×32 canvas at grey)`, ms, frames, 8);
      // the four leading eigenvectors (real parts) as 8×8 RGB images, 0.5 + v / (2·max|v|)
      const figs = [0, 1, 2, 3].filter((k) => k < r.n && r.vectorsRe).map((k) => {
        const v = Float32Array.from({ length: r.n }, (_, i) => r.vectorsRe!.data[i * r.n + k]);
        const s = Math.max(...v.map(Math.abs)) || 1;
        return figure(`v${k + 1}`, { height: 8, width: 8, data: v.map((x) => 0.5 + x / (2 * s)) }, 8).fig;
      });
      byId('core-result').append(element('div', { className: 'images' }, figs));
      setStatus(`core: Jacobian ${j.rows}×${j.cols} in ${fmt(j.seconds, 1)} s, eigen in ${fmt(ms, 0)} ms`);
    } catch (e) { fail(e); }
  }

  async function spectrum(): Promise<void> {
    err.textContent = '';
    const s = state.stimulus;
    if (!s) { err.textContent = 'generate a stimulus first'; return; }
    try {
      const img = s.images[0];
      const lum = Float64Array.from({ length: img.width * img.height }, (_, p) => (img.data[p * 3] + img.data[p * 3 + 1] + img.data[p * 3 + 2]) / 3);
      const mean = lum.reduce((a, b) => a + b, 0) / lum.length;
      const ppd = stimulusPpd();
      const { value, ms, frames } = await timed(async () => {
        const power = (await state.core.run('powerSpectrum', [{ height: img.height, width: img.width, data: lum.map((v) => v - mean) }])) as { data: Float64Array; height: number; width: number };
        const radial = (await state.core.run('radialAverage', [power, ppd ? { pixelsPerDegree: ppd } : {}])) as RadialAverageResult;
        const human = (await state.core.run('csf', ['sso', radial.cyclesPerDegree ?? radial.cyclesPerPixel])) as Float64Array;
        return { radial, human };
      });
      const out = byId('core-result');
      out.replaceChildren(element('p', { className: 'note', textContent:
        `radially averaged power spectrum of ${s.name} (luminance, mean removed)${ppd ? ` at ${fmt(ppd, 1)} px/deg (the matching protocol's geometry)` : ''}, ` +
        `${value.radial.bins} rings; ${fmt(ms, 0)} ms in the worker, ${frames} frames drawn meanwhile` }), plotSpectrum(value.radial, value.human));
      out.dataset.spectrum = JSON.stringify({ bins: value.radial.bins, ms });
      setStatus(`core: spectrum of ${s.name} in ${fmt(ms, 0)} ms`);
    } catch (e) { fail(e); }
  }

  byId('eig').addEventListener('click', () => void eig());
  byId('jacobian-eig').addEventListener('click', () => void jacobianEig());
  byId('spectrum').addEventListener('click', () => void spectrum());
  state.listeners.push(() => {
    const b = byId<HTMLButtonElement>('jacobian-eig');
    b.disabled = !state.model;
    b.title = state.model ? '' : 'load a model first';
  });
  return { eig };
}
