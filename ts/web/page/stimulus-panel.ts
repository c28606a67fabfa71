// Panel 1: generate any catalogued stimulus with its parameters (the same generators as Node) and show
// its image(s) at a chosen zoom, with the test masks' labels and the human expectation.
import { makeStimulus, stimulusCatalogue, stimulusNames } from '../../stimuli/index.ts';
import { byId, element, errorText, numberInput } from './dom.ts';
import { figure } from './render.ts';
import { changed, setStatus, type PageState } from './state.ts';

function parseParams(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`parameters: not valid JSON (${errorText(e)})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('parameters: must be a JSON object, e.g. {"f": 0.05}');
  return v as Record<string, unknown>;
}

export function setupStimulusPanel(state: PageState): { generate(): void } {
  const select = byId<HTMLSelectElement>('stimulus-name');
  const params = byId<HTMLTextAreaElement>('stimulus-params');
  for (const name of stimulusNames) {
    const e = stimulusCatalogue[name];
    select.append(element('option', { value: name, textContent: `${name}${e.study ? '' : ' (library)'}` }));
  }
  const fillDefaults = () => { params.value = JSON.stringify(stimulusCatalogue[select.value].defaults); };
  select.addEventListener('change', () => { fillDefaults(); generate(); });
  fillDefaults();

  function generate(): void {
    const err = byId('stimulus-error');
    err.textContent = '';
    try {
      const zoom = numberInput('zoom', 'zoom', { min: 1, max: 16, integer: true });
      const s = makeStimulus(select.value, parseParams(params.value));
      state.stimulus = s;
      const view = byId('stimulus-view');
      view.replaceChildren(...s.images.map((img, k) => {
        const side = s.images.length === 2 ? `${'AB'[k]} · ` : '';
        const labels = [...new Set(s.masks[k].data)].filter((l) => l !== 0).sort((a, b) => a - b);
        const { fig, canvas } = figure(`${side}${img.width}×${img.height} px · test labels ${labels.join(', ') || 'none'}`, img, zoom);
        canvas.dataset.image = String(k);
        canvas.dataset.zoom = String(zoom);
        return fig;
      }));
      byId('stimulus-human').textContent = s.human ? `People see: ${s.human.kind} — ${s.human.note}` : '';
      byId('stimulus-resolved').textContent = JSON.stringify(s.params, null, 1);
      setStatus(`stimulus ${s.name}: ${s.images.length} image(s) of ${s.images[0].width}×${s.images[0].height} px`);
      changed(state);
    } catch (e) {
      err.textContent = errorText(e);
    }
  }
  byId('generate').addEventListener('click', generate);
  byId('zoom').addEventListener('change', generate);
  params.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) generate(); });
  return { generate };
}
