// What the page's panels share: the current stimulus, the loaded network (held by the network worker),
// the two workers, the status line.
import type { Remote } from 'comlink';
import type { Stimulus } from '../../stimuli/index.ts';
import type { CoreClient } from './core-client.ts';
import { byId } from './dom.ts';
import type { ModelSummary, NetWorkerApi } from './net-worker.ts';

export interface LoadedModel {
  name: string;
  summary: ModelSummary;
}

export interface PageState {
  stimulus?: Stimulus;
  /** the model the network worker holds */
  model?: LoadedModel;
  core: CoreClient;
  net: Promise<Remote<NetWorkerApi>>;
  /** called after the stimulus or the model changes */
  listeners: (() => void)[];
}

export function setStatus(message: string): void {
  byId('status').textContent = message;
}

export function changed(state: PageState): void {
  for (const f of state.listeners) f();
}
