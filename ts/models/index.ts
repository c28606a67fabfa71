// Public API of the networks side: backend, architectures, model files, training, default models,
// degradations and natural evaluation images.
export { initBackend } from '../tf/backend.ts';
export { type Arch, type Activation, type ArchSpec, type ArchOptions, archs, resolveArch, receptiveField, describeArch } from './arch.ts';
export { buildModel } from './build-model.ts';
export { loadModel, saveModel, readCard } from './model-io.ts';
export type { ModelCard, DegradationRecord, TrainingRecord, ValidationRecord } from './card.ts';
export { type TrainSpec, type TrainOptions, resolveTrainSpec, trainCommand } from '../train/train-spec.ts';
export { train, type TrainRun, type TrainResult } from '../train/trainer.ts';
export { ensureModel, defaultModelSpecs, defaultModelsDir, type EnsureOptions } from '../train/default-models.ts';
export { restoreImages, clip01 } from '../train/restore-image.ts';
export { psnr, ssim } from '../train/metrics.ts';
export { evaluateModel, degradationFromCard } from '../train/evaluate.ts';
export { type Task, type Degradation, tasks, defaultDegradation, degradeImage, addNoise, blurReflect } from '../data/degrade.ts';
export { type BlurSpec, type BlurKernel, makeBlurKernel, describeBlur } from '../data/blur-kernel.ts';
export { loadEvalImages, type EvalImageOptions, type NamedImage } from '../data/eval-images.ts';
export { Prng, type PrngState } from '../data/prng.ts';
export { readImage, decodeImage } from '../io/read-image.ts';
