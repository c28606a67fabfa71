// Web worker holding the TensorFlow.js network, exposed through comlink: loading a trained model (URL of
// its model.json, or the files picked in the page), forward passes, the Jacobian by autograd and the
// network's asymmetric match run here, so the page keeps responding while the network computes.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as Comlink from 'comlink';
import { jacobianByAutograd, type JacobianOptions } from '../../experiments/jacobian-autograd.ts';
import { asymmetricMatch, type MatchResult, type MatchSide } from '../../experiments/matching.ts';
import { asNetwork, predictImages } from '../../experiments/net-io.ts';
import { registerBatchNormGradient } from '../../tf/batch-norm-grad.ts';
import { registerWasmConvGradients } from '../../tf/wasm-conv-grads.ts';
import type { RgbImage } from '../../image.ts';

export interface ModelSummary {
  layers: number;
  parameters: number;
  inputShape: (number | null)[];
  backend: string;
}

/** Where the page build (ts/web/site.ts) puts the WASM backend's binaries: <site>/vendor/<tfjsWasmDir>;
 *  this module is <site>/app/ts/web/page/net-worker.js. */
const tfjsWasmUrl = new URL('../../../../vendor/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).href;

/** WebGL on a real GPU (OffscreenCanvas); otherwise TensorFlow.js's WebAssembly backend (SIMD), and the
 * plain JavaScript backend only if that fails: software WebGL (SwiftShader, e.g. headless without a GPU) is
 * slower than both for these small networks. */
async function chooseBackend(): Promise<string> {
  let renderer: string | undefined;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    if (gl) renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  } catch { renderer = undefined; }
  const software = renderer === undefined || /swiftshader|llvmpipe|software/i.test(renderer);
  let ok = !software && (await tf.setBackend('webgl').catch(() => false));
  if (!ok) {
    setWasmPaths(tfjsWasmUrl);
    ok = await tf.setBackend('wasm').catch(() => false);
    // the same gradient kernels as in Node (ts/tf/backend.ts): the backend lacks Conv2DBackpropFilter and
    // broadcasts batch-norm gradients wrongly; the Jacobian by autograd and the matching need them
    if (ok) {
      registerWasmConvGradients();
      registerBatchNormGradient();
    }
  }
  if (!ok) await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}

const backend = chooseBackend();
let model: tf.LayersModel | undefined;

function net() {
  if (!model) throw new Error('no model loaded');
  return asNetwork(model);
}

async function adopt(m: tf.LayersModel): Promise<ModelSummary> {
  model?.dispose();
  model = m;
  return { layers: m.layers.length, parameters: m.countParams(), inputShape: m.inputs[0].shape, backend: await backend };
}

const api = {
  async versions(): Promise<{ tfjs: string; backend: string }> {
    return { tfjs: tf.version.tfjs, backend: await backend };
  },
  /** an absolute URL of model.json (its weight files beside it) */
  async loadUrl(url: string): Promise<ModelSummary> {
    await backend;
    return adopt(await tf.loadLayersModel(url));
  },
  /** model.json first, then its weight files (File objects cross to the worker by structured clone) */
  async loadFiles(files: File[]): Promise<ModelSummary> {
    await backend;
    return adopt(await tf.loadLayersModel(tf.io.browserFiles(files)));
  },
  async predict(images: RgbImage[]): Promise<RgbImage[]> {
    return predictImages(net(), images, images.length);
  },
  /** onProgress: a Comlink.proxy'd callback in the page, called after every chunk of rows */
  async jacobian(opts: Omit<JacobianOptions, 'onProgress'>, onProgress?: (done: number, total: number) => void):
    Promise<{ rows: number; cols: number; data: Float64Array; seconds: number }> {
    const j = await jacobianByAutograd(net(), { ...opts, onProgress: onProgress && ((done, total) => void onProgress(done, total)) });
    return { rows: j.rows, cols: j.cols, data: j.data, seconds: j.seconds };
  },
  async match(a: MatchSide, b: MatchSide): Promise<MatchResult> {
    return asymmetricMatch(net(), a, b);
  },
};

export type NetWorkerApi = typeof api;
Comlink.expose(api);
self.postMessage('illusion-lab-worker-ready');
