// Gradient of FusedBatchNorm written with broadcasting instead of tile. The stock gradient tiles
// rsqrt(variance) to the full activation shape, which the wasm backend does slowly (TOOLCHAIN.md: DnCNN-17
// step 17 s → 13 s with broadcast ops). Same mathematics, y = (x − μ)·γ/√(σ² + ε) + β, per channel:
//   S1 = Σ dy,  S2 = Σ dy·(x − μ)   (sums over all axes but the channel axis)
//   ∂x = dy·γ/√(σ²+ε),  ∂μ = −γ/√(σ²+ε)·S1,  ∂σ² = −½·γ·(σ²+ε)^(−3/2)·S2,  ∂γ = S2/√(σ²+ε),  ∂β = S1.
// Registering it replaces the stock gradient for every backend (the model format is unchanged).
import * as tf from '@tensorflow/tfjs';

export const broadcastBatchNormGrad: tf.GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
    const [x, mean, variance, scale] = saved;
    const dyT = dy as tf.Tensor;
    const gamma = scale ?? tf.scalar(1);
    const axes = mean.rank === 1 ? [...Array(x.rank - 1).keys()] : reductionAxes(mean.shape, x.shape);
    const inv = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
    // computed here, not in the closures: each closure runs in its own tidy scope
    const s1 = axes.length ? tf.sum(dyT, axes) : dyT;
    const dyXmm = tf.mul(dyT, tf.sub(x, mean));
    const s2 = axes.length ? tf.sum(dyXmm, axes) : dyXmm;
    return {
      x: () => tf.mul(dyT, tf.mul(inv, gamma)),
      mean: () => tf.reshape(tf.neg(tf.mul(tf.mul(inv, gamma), s1)), mean.shape),
      variance: () => tf.reshape(tf.mul(tf.mul(tf.scalar(-0.5), tf.mul(gamma, tf.pow(inv, tf.scalar(3)))), s2), mean.shape),
      scale: () => tf.reshape(tf.mul(inv, s2), mean.shape),
      offset: () => tf.reshape(s1, mean.shape),
    };
  },
};

function reductionAxes(small: number[], big: number[]): number[] {
  const axes: number[] = [];
  const off = big.length - small.length;
  for (let i = 0; i < big.length; i++) {
    const s = i - off >= 0 ? small[i - off] : 1;
    if (s === 1 && big[i] !== 1) axes.push(i);
  }
  return axes;
}

let registered = false;
export function registerBatchNormGradient(): void {
  if (registered) return;
  const warn = console.warn;
  console.warn = () => {}; // tfjs warns when a gradient is overridden; this one is intentional
  try {
    tf.registerGradient(broadcastBatchNormGrad);
  } finally {
    console.warn = warn;
  }
  registered = true;
}
