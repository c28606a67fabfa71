// The browser page's entry: the stimulus, network, core-worker and matching panels over one shared state.
import * as tf from '@tensorflow/tfjs';
import { startCoreWorker } from './core-client.ts';
import { setupCorePanel } from './core-panel.ts';
import { byId, errorText } from './dom.ts';
import { setupMatchingPanel } from './matching/panel.ts';
import { setupModelPanel } from './model-panel.ts';
import { setupStimulusPanel } from './stimulus-panel.ts';
import { setStatus, type PageState } from './state.ts';

/** The frame counter in the header: it stops moving when the main thread is blocked. */
function heartbeat(): void {
  const el = byId('frames');
  let n = 0;
  const tick = () => { el.textContent = String(++n); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}

async function chooseBackend(): Promise<string> {
  // WebGL when the browser has it; otherwise TensorFlow.js's plain JavaScript backend.
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl || !(await tf.setBackend('webgl').catch(() => false))) await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}

async function main(): Promise<void> {
  heartbeat();
  const state: PageState = { core: startCoreWorker(), listeners: [] };
  const stimulus = setupStimulusPanel(state);
  const matching = setupMatchingPanel(state);
  const model = setupModelPanel(state);
  setupCorePanel(state, matching.stimulusPpd);
  stimulus.generate();
  const [backend, ops] = await Promise.all([chooseBackend(), state.core.operations(), model.ready]);
  setStatus(`ready · TensorFlow.js ${tf.version.tfjs} (${backend}) · WebAssembly core in a worker (${ops.length} operations)`);
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  setStatus(`the page failed to start: ${errorText(e)}`);
  console.error(e);
});
