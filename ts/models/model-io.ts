// Save and load models in the TensorFlow.js layers format (model.json + weights.bin, loadable in a browser
// with tf.loadLayersModel('…/model.json')), with card.json beside them. Missing or corrupt files raise a
// UserError that names the file and what is wrong.
import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError, errorMessage } from '../util/errors.ts';
import { writeFileAtomic, writeJsonAtomic } from '../util/atomic.ts';
import type { ModelCard } from './card.ts';

export const modelFile = 'model.json';
export const weightsFile = 'weights.bin';
export const cardFile = 'card.json';

/** Model topology and weights as model.json + weights.bin (weights first, so model.json marks completion). */
export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const data = artifacts.weightData;
    const bytes = data === undefined ? new Uint8Array(0)
      : Array.isArray(data) ? concat(data.map((d) => new Uint8Array(d))) : new Uint8Array(data);
    writeFileAtomic(join(dir, weightsFile), bytes);
    writeJsonAtomic(join(dir, modelFile), {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs ?? [] }],
    });
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: bytes.byteLength } };
  }));
}

export async function saveModel(model: tf.LayersModel, dir: string, card: ModelCard): Promise<void> {
  await saveLayersModel(model, dir);
  writeJsonAtomic(join(dir, cardFile), card);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.byteLength; }
  return out;
}

interface ModelJson {
  modelTopology?: unknown;
  weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** Load a layers model saved by this project or converted from Keras (model.json + its weight files). */
export async function loadModel(dir: string): Promise<{ model: tf.LayersModel; card: ModelCard }> {
  const path = join(dir, modelFile);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`model folder ${dir} does not exist`);
  if (!existsSync(path)) throw new UserError(`no model in ${dir}: ${modelFile} is missing`);
  let json: ModelJson;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
  } catch (e) {
    throw new UserError(`model ${path} is corrupt: not valid JSON (${errorMessage(e)})`);
  }
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new UserError(`model ${path} is not a TensorFlow.js layers model (no modelTopology or weightsManifest)`);
  }
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const parts: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    const bytes = concat(group.paths.map((p) => {
      const wp = join(dir, p);
      if (!existsSync(wp)) throw new UserError(`model ${dir} is incomplete: weight file ${p} is missing`);
      return new Uint8Array(readFileSync(wp));
    }));
    const expected = group.weights.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1) * bytesPer(w.dtype, path), 0);
    if (bytes.byteLength !== expected) {
      throw new UserError(`model ${dir} is corrupt: weight files ${group.paths.join(', ')} hold ${bytes.byteLength} bytes, the manifest needs ${expected}`);
    }
    weightSpecs.push(...group.weights);
    parts.push(bytes);
  }
  const weightData = concat(parts);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory({
      modelTopology: json.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs,
      weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength) as ArrayBuffer,
    }));
  } catch (e) {
    throw new UserError(`model ${dir} cannot be loaded: ${errorMessage(e)}`);
  }
  return { model, card: readCard(dir) };
}

function bytesPer(dtype: string, path: string): number {
  if (dtype === 'float32' || dtype === 'int32') return 4;
  if (dtype === 'bool') return 1;
  throw new UserError(`model ${path}: weights of type ${dtype} are not supported (quantised weights: convert to float32)`);
}

export function readCard(dir: string): ModelCard {
  const path = join(dir, cardFile);
  if (!existsSync(path)) {
    return {
      format: 'illusion-lab-model/1', name: basename(resolve(dir)), origin: 'external', arch: null, task: null,
      degradation: null, training: null, validation: null, backend: null, seconds: null, command: null, created: null, packageVersion: null,
    };
  }
  let card: ModelCard;
  try {
    card = JSON.parse(readFileSync(path, 'utf8')) as ModelCard;
  } catch (e) {
    throw new UserError(`model card ${path} is corrupt: not valid JSON (${errorMessage(e)})`);
  }
  if (card.format !== 'illusion-lab-model/1') throw new UserError(`model card ${path} is not an illusion-lab model card (format ${String(card.format)})`);
  return card;
}
