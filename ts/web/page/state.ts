// What the page's panels share: the current stimulus, the loaded network, the core worker, the status line.
import type * as tf from '@tensorflow/tfjs';
import type { Stimulus } from '../../stimuli/index.ts';
import type { CoreClient } from './core-client.ts';
import { byId } from './dom.ts';

export interface LoadedModel {
  name: string;
  model: tf.LayersModel;
}

export interface PageState {
  stimulus?: Stimulus;
  model?: LoadedModel;
  core: CoreClient;
  /** called after the stimulus or the model changes */
  listeners: (() => void)[];
}

export function setStatus(message: string): void {
  byId('status').textContent = message;
}

export function changed(state: PageState): void {
  for (const f of state.listeners) f();
}
