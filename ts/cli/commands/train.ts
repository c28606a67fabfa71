import { join } from 'node:path';
import type { Command } from '../command.ts';
import { choiceOption, numberOption, parseCommandArgs, checkOutputDir } from '../command.ts';
import { UserError, errorMessage } from '../../util/errors.ts';
import { archs, activations, type Arch, type Activation } from '../../models/arch.ts';
import { tasks, type Task } from '../../data/degrade.ts';
import type { BlurSpec } from '../../data/blur-kernel.ts';
import { defaultPhotoDir } from '../../data/paths.ts';
import { resolveTrainSpec } from '../../train/train-spec.ts';
import { train } from '../../train/trainer.ts';

const usage = `illusion-lab train --task denoise|deblur|restore --arch shallow|deep|dncnn [options]

Trains a restoration network on natural photo patches (MSE, Adam) and saves it as a TensorFlow.js layers
model (model.json + weights.bin, loadable in a browser) with card.json. Validation PSNR is measured every
epoch on a split by source image; training stops early when it no longer improves. A checkpoint is written
atomically every epoch and on Ctrl-C; --resume continues exactly where it stopped.

  --task T          denoise (Gaussian noise), deblur (blur), restore (blur then noise)
  --arch A          shallow (2×conv 5×5, 8 ch), deep (4×conv 10×10, 24 ch), dncnn (17 layers 3×3×64, BN, residual)
  --activation F    sigmoid | relu for the hidden layers (default: sigmoid; dncnn relu)
  --channels N      hidden channels        --depth N   conv layers (dncnn 17 or 20)   --kernel K  kernel size
  --seed N          seed of weights, split, patches and noise (default 1)
  --steps N         training steps (default: shallow 3000, deep 600, dncnn 200 — budgets for 2 CPU cores)
  --patch P         patch size (default: shallow 40, deep 24, dncnn 24)
  --batch B         batch size (default 32; dncnn 16)
  --sigma S         noise σ on [0, 1] (default 0.1)
  --blur K          gaussian:SIGMA or motion:LENGTH:ANGLE (default gaussian:1.5)
  --epoch-steps N   steps between validations/checkpoints (default steps/20)
  --patience N      epochs without improvement before stopping (default 5)
  --lr X            Adam learning rate (default 0.001)
  --images DIR      train on this folder of PNG/JPEG/TIFF images instead of the fetched photos
  --name NAME       model name (default e.g. shallow-denoise)
  --out DIR         model folder (default models/NAME)
  --resume          continue from the checkpoint in --out

Backend: tfjs-node-gpu → tfjs-node → wasm → cpu, the first available (ILLUSION_LAB_BACKEND forces one).`;

function parseBlur(value: string | undefined): BlurSpec | undefined {
  if (value === undefined) return undefined;
  const [kind, a, b] = value.split(':');
  if (kind === 'gaussian' && a !== undefined && b === undefined) return { kind, sigma: numberOption('blur', a, 0, { min: 0.1, max: 20 }) };
  if (kind === 'motion' && a !== undefined) {
    return { kind, length: numberOption('blur', a, 0, { min: 1, max: 64 }), angleDeg: numberOption('blur', b ?? '0', 0) };
  }
  throw new UserError(`--blur: "${value}" is not gaussian:SIGMA or motion:LENGTH[:ANGLE]`);
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'train a denoising/deblurring network on natural photos',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('train', {
      options: {
        task: { type: 'string' }, arch: { type: 'string' }, activation: { type: 'string' }, channels: { type: 'string' },
        depth: { type: 'string' }, kernel: { type: 'string' }, seed: { type: 'string' }, steps: { type: 'string' },
        patch: { type: 'string' }, batch: { type: 'string' }, sigma: { type: 'string' }, blur: { type: 'string' },
        'epoch-steps': { type: 'string' }, patience: { type: 'string' }, lr: { type: 'string' }, images: { type: 'string' },
        name: { type: 'string' }, out: { type: 'string' }, resume: { type: 'boolean' },
      },
    }, argv);
    if (values.task === undefined) throw new UserError('train: --task is required (denoise, deblur or restore)');
    if (values.arch === undefined) throw new UserError('train: --arch is required (shallow, deep or dncnn)');
    const task = choiceOption<Task>('task', values.task, tasks, 'denoise');
    const arch = choiceOption<Arch>('arch', values.arch, archs, 'shallow');
    const int = (name: string, v: string | undefined, min = 1) => (v === undefined ? undefined : numberOption(name, v, 0, { min, integer: true }));
    let spec;
    try {
      spec = resolveTrainSpec({
        arch: {
          arch,
          activation: values.activation === undefined ? undefined : choiceOption<Activation>('activation', values.activation, activations, 'sigmoid'),
          channels: int('channels', values.channels), depth: int('depth', values.depth), kernelSize: int('kernel', values.kernel),
        },
        task, seed: int('seed', values.seed, 0), steps: int('steps', values.steps), patch: int('patch', values.patch, 8),
        batch: int('batch', values.batch), noiseSigma: values.sigma === undefined ? undefined : numberOption('sigma', values.sigma, 0, { min: 0, max: 1 }),
        blur: parseBlur(values.blur), stepsPerEpoch: int('epoch-steps', values['epoch-steps']), patience: int('patience', values.patience),
        learningRate: values.lr === undefined ? undefined : numberOption('lr', values.lr, 0, { min: 1e-7, max: 0.5 }), name: values.name,
      });
    } catch (e) {
      if (e instanceof RangeError) throw new UserError(`train: ${errorMessage(e)}`);
      throw e;
    }
    const outDir = values.out ?? join('models', spec.name);
    checkOutputDir('out', outDir);
    const result = await train({ spec, outDir, imagesDir: values.images ?? defaultPhotoDir(), resume: values.resume ?? false });
    if (result.interrupted) throw new UserError(`training interrupted at step ${result.step}; continue with: illusion-lab train … --out ${outDir} --resume`);
  },
};
