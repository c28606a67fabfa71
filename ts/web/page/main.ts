// The browser page's entry: the stimulus, network, core and matching panels over one shared state; the
// network (TensorFlow.js) and the WebAssembly core each live in a module web worker.
import { startCoreWorker } from './core-client.ts';
import { setupCorePanel } from './core-panel.ts';
import { byId, errorText } from './dom.ts';
import { setupMatchingPanel } from './matching/panel.ts';
import { setupModelPanel } from './model-panel.ts';
import { setupStimulusPanel } from './stimulus-panel.ts';
import type { NetWorkerApi } from './net-worker.ts';
import { setStatus, type PageState } from './state.ts';
import { startWorker } from './worker-client.ts';

/** The frame counter in the header: it stops moving when the main thread is blocked. */
function heartbeat(): void {
  const el = byId('frames');
  let n = 0;
  const tick = () => { el.textContent = String(++n); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}

async function main(): Promise<void> {
  heartbeat();
  const state: PageState = { core: startCoreWorker(), net: startWorker<NetWorkerApi>('./net-worker.js', 'network'), listeners: [] };
  const stimulus = setupStimulusPanel(state);
  const matching = setupMatchingPanel(state);
  const model = setupModelPanel(state);
  setupCorePanel(state, matching.stimulusPpd);
  stimulus.generate();
  const [tf, ops] = await Promise.all([state.net.then((n) => n.versions()), state.core.operations(), model.ready]);
  setStatus(`ready · TensorFlow.js ${tf.tfjs} (${tf.backend}) in a worker · WebAssembly core in a worker (${ops.length} operations)`);
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  setStatus(`the page failed to start: ${errorText(e)}`);
  console.error(e);
});
