// Panel 2: load a trained network (TensorFlow.js layers format, as the training saves it: model.json +
// weights.bin, from the site's models/ folder or from files picked on disk) into the network worker, run it
// on the stimulus, and show its output images and the read-out: mean input and output over each test-mask
// label (Out-L = label 1, Out-R = label 2) and their difference.
import { meanOverLabel } from '../../image.ts';
import type { ModelSummary } from './net-worker.ts';
import { byId, element, errorText, fmt, numberInput, table } from './dom.ts';
import { figure } from './render.ts';
import { changed, setStatus, type PageState } from './state.ts';

interface ModelListing { name: string; url: string; card: { arch?: unknown; task?: unknown } | null }

export async function listModels(): Promise<ModelListing[]> {
  const res = await fetch('models/index.json');
  if (!res.ok) return [];
  return ((await res.json()) as { models: ModelListing[] }).models;
}

function describe(m: ModelSummary): string {
  return `${m.layers} layers, ${m.parameters} parameters, input ${JSON.stringify(m.inputShape)} · TensorFlow.js ${m.backend} backend in a worker`;
}

export function setupModelPanel(state: PageState): { ready: Promise<void>; load(name: string): Promise<void> } {
  const select = byId<HTMLSelectElement>('model-name');
  const err = byId('model-error');
  const runButton = byId<HTMLButtonElement>('model-run');
  let listings: ModelListing[] = [];

  const ready = listModels().then((ms) => {
    listings = ms;
    for (const m of ms) {
      const what = m.card ? ` (${[m.card.task, m.card.arch].filter((x) => typeof x === 'string').join(', ')})` : '';
      select.append(element('option', { value: m.name, textContent: `${m.name}${what}` }));
    }
    if (ms.length > 0) select.value = ms[0].name;
  });

  async function adopt(name: string, summary: ModelSummary): Promise<void> {
    state.model = { name, summary };
    byId('model-info').textContent = `${name}: ${describe(summary)}`;
    runButton.disabled = false;
    setStatus(`model ${name} loaded`);
    changed(state);
  }

  async function load(name: string): Promise<void> {
    err.textContent = '';
    const m = listings.find((x) => x.name === name);
    if (!m) { err.textContent = name ? `no model "${name}" in models/index.json` : 'choose a model first'; return; }
    try {
      setStatus(`loading model ${name}…`);
      await adopt(name, await (await state.net).loadUrl(new URL(m.url, document.baseURI).href));
    } catch (e) {
      err.textContent = `model ${name}: ${errorText(e)}`;
    }
  }

  byId('model-load').addEventListener('click', () => void load(select.value));
  byId<HTMLInputElement>('model-files').addEventListener('change', async (ev) => {
    err.textContent = '';
    const files = [...((ev.target as HTMLInputElement).files ?? [])];
    const json = files.find((f) => f.name.endsWith('.json') && f.name !== 'card.json');
    if (!json) { err.textContent = 'pick the model.json together with its weight file(s)'; return; }
    try {
      const weights = files.filter((f) => f !== json && f.name !== 'card.json');
      await adopt(json.name.replace(/\.json$/, '') + ' (files)', await (await state.net).loadFiles([json, ...weights]));
    } catch (e) {
      err.textContent = `${json.name}: ${errorText(e)}`;
    }
  });

  runButton.addEventListener('click', async () => {
    err.textContent = '';
    const s = state.stimulus, m = state.model;
    if (!s || !m) { err.textContent = 'generate a stimulus and load a model first'; return; }
    try {
      const zoom = numberInput('zoom', 'zoom', { min: 1, max: 16, integer: true });
      const t0 = performance.now();
      setStatus(`${m.name}: forward pass in the network worker…`);
      const outputs = await (await state.net).predict(s.images);
      const ms = performance.now() - t0;
      byId('model-view').replaceChildren(...outputs.map((img, k) =>
        figure(`output${s.images.length === 2 ? ` ${'AB'[k]}` : ''} of ${m.name}`, img, zoom).fig));
      const rows: (string | number)[][] = [];
      const outMean: Record<number, readonly number[]> = {};
      s.masks.forEach((mask, k) => {
        const labels = [...new Set(mask.data)].filter((l) => l !== 0).sort((a, b) => a - b);
        for (const label of labels) {
          const input = meanOverLabel(s.images[k], mask, label), output = meanOverLabel(outputs[k], mask, label);
          outMean[label] ??= output;
          const name = label === 1 ? 'Out-L (label 1)' : label === 2 ? 'Out-R (label 2)' : `label ${label}`;
          rows.push([`${name}${s.images.length === 2 ? ` in ${'AB'[k]}` : ''}`, ...input, ...output]);
        }
      });
      if (outMean[1] && outMean[2]) rows.push(['Out-L − Out-R', '', '', '', ...[0, 1, 2].map((c) => outMean[1][c] - outMean[2][c])]);
      table(byId<HTMLTableElement>('readout'), ['test', 'in R', 'in G', 'in B', 'out R', 'out G', 'out B'], rows);
      byId('readout').dataset.outL = JSON.stringify(outMean[1] ?? null);
      byId('readout').dataset.outR = JSON.stringify(outMean[2] ?? null);
      setStatus(`${m.name} on ${s.name}: forward pass ${fmt(ms, 0)} ms (${m.summary.backend})`);
    } catch (e) {
      err.textContent = `running ${m.name} on ${s.name}: ${errorText(e)}`;
    }
  });
  return { ready, load };
}
