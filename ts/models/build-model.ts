// Build the study's networks as TensorFlow.js layers models: input and output [N, H, W, 3] RGB in [0, 1]
// (NHWC, the RgbImage flattening), any H and W ('same' padding). Layer names are fixed (conv1, conv2, …,
// bn2, …) so saved weights carry stable names; initial weights are drawn from `seed`.
import * as tf from '@tensorflow/tfjs';
import { type ArchOptions, type ArchSpec, resolveArch } from './arch.ts';

export function buildModel(options: ArchOptions | ArchSpec, seed = 0): tf.LayersModel {
  const spec = resolveArch(options);
  const input = tf.input({ shape: [null, null, 3], name: 'image' });
  let layerSeed = seed * 1000;
  const conv = (filters: number, name: string, activation: string | undefined, useBias = true) =>
    tf.layers.conv2d({
      filters, kernelSize: spec.kernelSize, padding: 'same', name, useBias,
      activation: activation as 'sigmoid' | 'relu' | 'linear' | undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: ++layerSeed }),
      biasInitializer: 'zeros',
    });
  let x: tf.SymbolicTensor = input;
  if (spec.arch === 'dncnn') {
    x = conv(spec.channels, 'conv1', spec.activation).apply(x) as tf.SymbolicTensor;
    for (let i = 2; i < spec.depth; i++) {
      x = conv(spec.channels, `conv${i}`, 'linear', false).apply(x) as tf.SymbolicTensor;
      x = tf.layers.batchNormalization({ name: `bn${i}`, axis: -1, momentum: 0.9, epsilon: 1e-3 }).apply(x) as tf.SymbolicTensor;
      x = tf.layers.activation({ activation: spec.activation, name: `act${i}` }).apply(x) as tf.SymbolicTensor;
    }
    const residual = conv(3, `conv${spec.depth}`, 'linear').apply(x) as tf.SymbolicTensor;
    const output = tf.layers.add({ name: 'residual' }).apply([input, residual]) as tf.SymbolicTensor;
    return tf.model({ inputs: input, outputs: output, name: `dncnn${spec.depth}` });
  }
  for (let i = 1; i < spec.depth; i++) x = conv(spec.channels, `conv${i}`, spec.activation).apply(x) as tf.SymbolicTensor;
  const output = conv(3, `conv${spec.depth}`, 'sigmoid').apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: spec.arch });
}
