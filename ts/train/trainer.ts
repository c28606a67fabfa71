// The training loop: MSE, Adam, random degraded patches, validation every epoch with early stopping on
// validation PSNR, atomic checkpoints every epoch and on Ctrl-C, exact resume (weights, Adam state, PRNG
// state), and at the end the best weights saved as a TF.js layers model with its card.
import * as tf from '@tensorflow/tfjs';
import { mkdirSync } from 'node:fs';
import { initBackend } from '../tf/backend.ts';
import { buildModel } from '../models/build-model.ts';
import { saveModel } from '../models/model-io.ts';
import type { ModelCard } from '../models/card.ts';
import { describeArch } from '../models/arch.ts';
import { type ImageFolder, type StoredImage, loadStoredImage, openImageFolder, splitBySource } from '../data/image-folder.ts';
import { defaultDegradation } from '../data/degrade.ts';
import { describeBlur } from '../data/blur-kernel.ts';
import { PatchSampler } from '../data/patch-sampler.ts';
import { Prng } from '../data/prng.ts';
import { ProgressBar } from '../util/progress.ts';
import { UserError } from '../util/errors.ts';
import { packageVersion } from '../version.ts';
import { psnrFromMse } from './metrics.ts';
import { type Checkpoint, type CheckpointState, type NamedArray, readCheckpoint, removeCheckpoint, writeCheckpoint } from './checkpoint.ts';
import { makeValidationSet, predictPatches, scorePatches, validationPsnr } from './validation-set.ts';
import { type TrainSpec, trainCommand } from './train-spec.ts';

export interface TrainRun {
  spec: TrainSpec;
  /** folder of training images (with or without a manifest) */
  imagesDir: string;
  /** model folder to write */
  outDir: string;
  resume?: boolean;
  /** stop (with a checkpoint, as on Ctrl-C) after this many steps of this call: for tests */
  stopAfterSteps?: number;
  log?: (line: string) => void;
  /** progress bar stream; false = none */
  progress?: boolean;
}

export interface TrainResult {
  outDir: string;
  card?: ModelCard;
  /** true when the run stopped early (Ctrl-C or stopAfterSteps) with a checkpoint, not a model */
  interrupted: boolean;
  step: number;
}

function loadImages(folder: ImageFolder, files: string[]): StoredImage[] {
  return files.map((f) => loadStoredImage(folder.dir, f));
}

async function weightsOf(model: tf.LayersModel): Promise<NamedArray[]> {
  const values = model.getWeights();
  return model.weights.map((w, i) => {
    const v = values[i];
    return { name: w.originalName, shape: v.shape, data: v.dataSync() as Float32Array };
  });
}

function setWeights(model: tf.LayersModel, arrays: NamedArray[]): void {
  if (arrays.length !== model.weights.length) throw new UserError(`checkpoint holds ${arrays.length} weight tensors, the model has ${model.weights.length}`);
  const ts = arrays.map((a, i) => {
    const expect = model.weights[i].shape;
    if (a.shape.join(',') !== expect.join(',')) throw new UserError(`checkpoint weight ${a.name} has shape ${a.shape}, the model expects ${expect}`);
    return tf.tensor(a.data, a.shape);
  });
  model.setWeights(ts);
  ts.forEach((t) => t.dispose());
}

export async function train(run: TrainRun): Promise<TrainResult> {
  // Ctrl-C: finish the current step, write a checkpoint, stop. A second Ctrl-C exits at once.
  let interrupted = false;
  const onSigint = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  try {
    return await trainWithSignal(run, () => interrupted);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function trainWithSignal(run: TrainRun, isInterrupted: () => boolean): Promise<TrainResult> {
  const { spec, outDir } = run;
  const log = run.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const backend = await initBackend();
  const folder = openImageFolder(run.imagesDir);
  const split = splitBySource(folder.files, spec.seed, spec.validationFraction);
  const degradation = defaultDegradation(spec.task, { noiseSigma: spec.noiseSigma, blur: spec.blur });
  log(`${spec.name}: ${describeArch(spec.arch)}, task ${spec.task}` +
    `${degradation.noiseSigma ? `, noise σ = ${degradation.noiseSigma}` : ''}${degradation.blur ? `, ${describeBlur(spec.blur)}` : ''}; ` +
    `${split.train.length} training / ${split.validation.length} validation images from ${folder.dir}`);
  const trainImages = loadImages(folder, split.train);
  const validation = makeValidationSet(loadImages(folder, split.validation), degradation, spec.validationPatches, spec.validationPatch, spec.seed);
  const sampler = new PatchSampler(trainImages, spec.patch, degradation);
  if (isInterrupted()) throw new UserError(`${spec.name}: interrupted while loading the images, before the first step; nothing saved`);

  const model = buildModel(spec.arch, spec.seed);
  const optimizer = tf.train.adam(spec.learningRate);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  let rng = new Prng(spec.seed);
  let state: CheckpointState = { spec, step: 0, rng: rng.state(), bestPsnr: -Infinity, bestStep: 0, badEpochs: 0, epochLossSum: 0, epochLossCount: 0, history: [], seconds: 0, backend };
  let best: NamedArray[] = await weightsOf(model);

  if (run.resume) {
    const ck = readCheckpoint(outDir);
    if (!ck) throw new UserError(`--resume: no checkpoint in ${outDir} (nothing to resume; run without --resume)`);
    if (JSON.stringify(ck.state.spec) !== JSON.stringify(spec)) {
      throw new UserError(`--resume: the checkpoint in ${outDir} was made with different settings; use the same options or remove ${outDir}/checkpoint`);
    }
    setWeights(model, ck.model);
    await optimizer.setWeights(ck.optimizer.map((a) => ({ name: a.name, tensor: tf.tensor(a.data, a.shape) })));
    best = ck.best;
    state = { ...ck.state, bestPsnr: ck.state.bestPsnr ?? -Infinity };
    rng = new Prng(state.rng);
    log(`resuming ${spec.name} at step ${state.step}/${spec.steps} (best validation PSNR ${state.bestPsnr.toFixed(2)} dB at step ${state.bestStep})`);
  }

  const checkpoint = async (): Promise<void> => {
    const optWeights = await optimizer.getWeights();
    const ck: Checkpoint = {
      state: { ...state, rng: rng.state() },
      model: await weightsOf(model),
      best,
      optimizer: optWeights.map((w) => ({ name: w.name, shape: w.tensor.shape, data: w.tensor.dataSync() as Float32Array })),
    };
    writeCheckpoint(outDir, ck);
  };

  mkdirSync(outDir, { recursive: true });
  const bar = run.progress === false ? undefined : new ProgressBar({ label: spec.name, total: spec.steps });
  bar?.update(state.step);
  const t0 = Date.now() - state.seconds * 1000;
  let stepsThisCall = 0;
  let stoppedEarly = false;
  while (state.step < spec.steps) {
    const b = sampler.batch(spec.batch, rng);
    const lossValue = tf.tidy(() => {
      const x = tf.tensor4d(b.input, [b.n, b.patch, b.patch, 3]);
      const y = tf.tensor4d(b.target, [b.n, b.patch, b.patch, 3]);
      const { value, grads } = tf.variableGrads(() => tf.mean(tf.squaredDifference(model.apply(x, { training: true }) as tf.Tensor, y)) as tf.Scalar, vars);
      optimizer.applyGradients(grads as unknown as Record<string, tf.Variable>);
      return value.dataSync()[0];
    });
    if (!Number.isFinite(lossValue)) throw new Error(`training diverged at step ${state.step + 1} (loss ${lossValue})`);
    state.step++; stepsThisCall++;
    state.epochLossSum += lossValue; state.epochLossCount++;
    const lastVal = state.history.length ? state.history[state.history.length - 1].validationPsnr : NaN;
    bar?.update(state.step, `loss ${lossValue.toFixed(5)} PSNR ${psnrFromMse(lossValue).toFixed(2)} dB` +
      (Number.isFinite(lastVal) ? ` val ${lastVal.toFixed(2)} dB` : ''));
    if (state.step % spec.stepsPerEpoch === 0 || state.step === spec.steps) {
      const vPsnr = validationPsnr(model, validation);
      state.history.push({ step: state.step, trainLoss: state.epochLossSum / state.epochLossCount, validationPsnr: vPsnr });
      state.epochLossSum = 0; state.epochLossCount = 0;
      if (vPsnr > state.bestPsnr) {
        state.bestPsnr = vPsnr; state.bestStep = state.step; state.badEpochs = 0;
        best = await weightsOf(model);
      } else {
        state.badEpochs++;
      }
      state.seconds = (Date.now() - t0) / 1000;
      if (state.badEpochs >= spec.patience) { stoppedEarly = true; break; }
      await checkpoint();
    }
    await new Promise((resolve) => setImmediate(resolve)); // let a pending SIGINT handler run
    if (isInterrupted() || (run.stopAfterSteps !== undefined && stepsThisCall >= run.stopAfterSteps)) {
      state.seconds = (Date.now() - t0) / 1000;
      await checkpoint();
      bar?.update(state.step, `stopped at step ${state.step}`);
      if (bar && process.stderr.isTTY) process.stderr.write('\n');
      log(`${spec.name}: stopped at step ${state.step}/${spec.steps}; checkpoint saved in ${outDir}/checkpoint (continue with --resume)`);
      return { outDir, interrupted: true, step: state.step };
    }
  }
  bar?.finish(stoppedEarly ? `early stop at step ${state.step}` : undefined);
  state.seconds = (Date.now() - t0) / 1000;

  setWeights(model, best);
  const out = predictPatches(model, validation.input, validation.n, validation.patch);
  const score = scorePatches(out, validation.target, validation.n, validation.patch);
  const base = scorePatches(validation.input, validation.target, validation.n, validation.patch);
  const card: ModelCard = {
    format: 'illusion-lab-model/1',
    name: spec.name,
    origin: 'trained',
    arch: spec.arch,
    task: spec.task,
    degradation: {
      task: spec.task, noiseSigma: degradation.noiseSigma, clipped: false,
      blur: degradation.blur ? { spec: spec.blur, description: describeBlur(spec.blur), size: degradation.blur.size, weights: degradation.blur.weights } : null,
    },
    training: {
      seed: spec.seed, stepsPlanned: spec.steps, stepsDone: state.step, stepsPerEpoch: spec.stepsPerEpoch,
      epochs: state.history.length, bestStep: state.bestStep, earlyStopped: stoppedEarly, patience: spec.patience,
      patch: spec.patch, batch: spec.batch, optimizer: 'adam', learningRate: spec.learningRate, loss: 'mse',
      data: {
        dir: folder.fromManifest ? 'illusion-lab data fetch (Debian photos)' : folder.dir, manifestHash: folder.hash,
        fromManifest: folder.fromManifest, trainImages: split.train.length, validationImages: split.validation.length, validationFiles: split.validation,
      },
      history: state.history,
    },
    validation: { patches: validation.n, patch: validation.patch, psnr: score.psnr, ssim: score.ssim, psnrDegraded: base.psnr, ssimDegraded: base.ssim },
    backend,
    seconds: Math.round(state.seconds * 10) / 10,
    command: trainCommand(spec, outDir),
    created: new Date().toISOString(),
    packageVersion: packageVersion(),
  };
  await saveModel(model, outDir, card);
  removeCheckpoint(outDir);
  model.dispose();
  log(`${spec.name}: validation PSNR ${score.psnr.toFixed(2)} dB (input ${base.psnr.toFixed(2)} dB), SSIM ${score.ssim.toFixed(3)} ` +
    `(input ${base.ssim.toFixed(3)}); ${state.step} steps in ${card.seconds} s on ${backend}; saved to ${outDir}`);
  return { outDir, card, interrupted: false, step: state.step };
}
