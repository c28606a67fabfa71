// TensorFlow.js backend selection at run time: tfjs-node-gpu → tfjs-node → wasm → cpu, first that loads.
// tfjs-node(-gpu) are optional dependencies that usually fail to install (their install script downloads
// libtensorflow from a non-registry host); they are imported through a non-literal specifier so the code
// type-checks and runs without them. The wasm backend gets fast convolution-gradient kernels first; batch
// norm gets a broadcasting gradient (batch-norm-grad.ts).
// ILLUSION_LAB_BACKEND=tensorflow|wasm|cpu forces one.
import * as tf from '@tensorflow/tfjs';
import { registerWasmConvGradients } from './wasm-conv-grads.ts';
import { registerBatchNormGradient } from './batch-norm-grad.ts';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

let chosen: Promise<string> | undefined;

async function importOptional(specifier: string): Promise<boolean> {
  try {
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

async function tryTensorflow(): Promise<boolean> {
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    if (await importOptional(pkg)) {
      try {
        if (await tf.setBackend('tensorflow')) return true;
      } catch { /* fall through */ }
    }
  }
  return false;
}

async function tryWasm(): Promise<boolean> {
  const wasmPackage = '@tensorflow/tfjs-backend-wasm';
  if (!(await importOptional(wasmPackage))) return false;
  registerWasmConvGradients();
  try {
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

/**
 * Switch to the pure-JS cpu backend (exact reference arithmetic; tests use it), without tfjs's one-time
 * "install our node backend" banner: the caller already knows, and `initBackend` prints its own line.
 */
export async function useCpuBackend(): Promise<boolean> {
  const ok = await tf.setBackend('cpu');
  if (ok) {
    await tf.ready();
    (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
  }
  return ok;
}

async function select(log: (line: string) => void): Promise<string> {
  registerBatchNormGradient();
  const forced = process.env.ILLUSION_LAB_BACKEND as BackendName | undefined;
  const order: BackendName[] = forced ? [forced] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    const ok = name === 'tensorflow' ? await tryTensorflow() : name === 'wasm' ? await tryWasm() : await useCpuBackend();
    if (ok) {
      await tf.ready();
      const b = tf.getBackend();
      log(`TensorFlow.js backend: ${b}${b === 'cpu' ? ' (pure JS: slow; training is impractical)' : ''}`);
      return b;
    }
    if (forced) throw new Error(`ILLUSION_LAB_BACKEND=${forced}: that backend could not be initialised`);
  }
  throw new Error('no TensorFlow.js backend could be initialised');
}

/**
 * Pick and initialise the best available backend once per process; returns its name
 * ('tensorflow', 'wasm' or 'cpu') and prints it to stderr the first time.
 */
export function initBackend(options: { quiet?: boolean } = {}): Promise<string> {
  chosen ??= select(options.quiet ? () => {} : (l) => process.stderr.write(l + '\n'));
  return chosen;
}
