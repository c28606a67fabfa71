// The JSON card saved next to every model (card.json): what the net is, what it was trained to undo and
// on what, how long, how well it did on the validation split, where and how fast. Models trained elsewhere
// (a TF.js layers model without a card) get a card with origin 'external' and nulls for what is unknown.
import type { ArchSpec } from './arch.ts';
import type { Task } from '../data/degrade.ts';
import type { BlurSpec } from '../data/blur-kernel.ts';

export interface DegradationRecord {
  task: Task;
  noiseSigma: number;
  /** clipping of degraded inputs: never (noise is added to values in [0, 1] and not clipped) */
  clipped: false;
  blur: null | { spec: BlurSpec; description: string; size: number; weights: number[][] };
}

export interface TrainingRecord {
  seed: number;
  stepsPlanned: number;
  stepsDone: number;
  /** validation/checkpoint period in steps ("epoch") */
  stepsPerEpoch: number;
  epochs: number;
  bestStep: number;
  earlyStopped: boolean;
  patience: number;
  patch: number;
  batch: number;
  optimizer: 'adam';
  learningRate: number;
  loss: 'mse';
  data: { dir: string; manifestHash: string; fromManifest: boolean; trainImages: number; validationImages: number; validationFiles: string[] };
  /** validation PSNR (dB) after each epoch */
  history: { step: number; trainLoss: number; validationPsnr: number }[];
}

export interface ValidationRecord {
  patches: number;
  patch: number;
  psnr: number;
  ssim: number;
  /** the degraded inputs' own scores, for reference */
  psnrDegraded: number;
  ssimDegraded: number;
}

export interface ModelCard {
  format: 'illusion-lab-model/1';
  name: string;
  origin: 'trained' | 'external';
  arch: ArchSpec | null;
  task: Task | null;
  degradation: DegradationRecord | null;
  training: TrainingRecord | null;
  validation: ValidationRecord | null;
  backend: string | null;
  seconds: number | null;
  /** the command line that reproduces the model */
  command: string | null;
  created: string | null;
  packageVersion: string | null;
}
