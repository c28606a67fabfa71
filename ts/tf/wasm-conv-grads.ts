// Fast convolution gradients for the wasm backend, written as forward convolutions so they run on its
// XNNPACK Conv2D kernel. The stock backend has no Conv2DBackpropFilter at all and a slow scalar
// Conv2DBackpropInput (TOOLCHAIN.md). Both are registered before the backend is initialised; stride or
// dilation other than 1 falls back to the stock input-gradient kernel (the filter gradient then throws
// a clear error: none of this project's nets uses them).
//
// Forward (stride 1): y[n,o,p,co] = Σ_{a,b,ci} x[n, o−pt+a, p−pl+b, ci] · w[a,b,ci,co]
//  input gradient:  dx = conv(dy, w reversed in a,b and transposed to [kh,kw,co,ci]),
//                   padding top kh−1−pt, bottom kh−1−pb, left kw−1−pl, right kw−1−pr
//  filter gradient: dw[a,b,ci,co] = conv(xᵀ, dyᵀ) with xᵀ = x as [ci, h, w, n] (channels as batch, batch as
//                   channels) and dyᵀ = dy as filter [ho, wo, n, co]; padding pt/pl, bottom/right chosen so the
//                   output is kh×kw; the result [ci,kh,kw,co] is transposed to [kh,kw,ci,co].
import * as tf from '@tensorflow/tfjs';

type Info = tf.TensorInfo;
type Backend = tf.KernelBackend & { disposeData(id: unknown): boolean };
type Explicit = [[number, number], [number, number], [number, number], [number, number]];

function kernel(name: string): tf.KernelConfig {
  const k = tf.getKernel(name, 'wasm');
  if (!k) throw new Error(`wasm backend has no ${name} kernel`);
  return k;
}

function call(name: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap, backend: Backend): Info {
  return kernel(name).kernelFunc({ inputs, attrs, backend }) as Info;
}

function conv(x: Info, filter: Info, pad: Explicit, backend: Backend): Info {
  return call('Conv2D', { x, filter }, { strides: [1, 1], dilations: [1, 1], pad, dataFormat: 'NHWC', dimRoundingMode: undefined as unknown as string }, backend);
}

function convInfo(xShape: number[], filterShape: number[], attrs: tf.NamedAttrMap) {
  const { strides, pad, dimRoundingMode, dataFormat } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  if (dataFormat !== undefined && dataFormat !== 'NHWC') return undefined;
  const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number],
    filterShape as [number, number, number, number], strides, 1, pad, dimRoundingMode);
  if (info.strideHeight !== 1 || info.strideWidth !== 1 || info.dilationHeight !== 1 || info.dilationWidth !== 1) return undefined;
  return info;
}

export function makeBackpropInputKernel(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropInput',
    backendName: 'wasm',
    setupFunc: stock.setupFunc,
    kernelFunc: (args) => {
      const backend = args.backend as Backend;
      const { dy, filter } = args.inputs as { dy: Info; filter: Info };
      const { inputShape } = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
      const info = convInfo(inputShape, filter.shape, args.attrs as tf.NamedAttrMap);
      if (!info) return stock.kernelFunc(args);
      const [kh, kw] = filter.shape;
      const p = info.padInfo;
      const reversed = call('Reverse', { x: filter }, { dims: [0, 1] }, backend);
      const flipped = call('Transpose', { x: reversed }, { perm: [0, 1, 3, 2] }, backend);
      backend.disposeData(reversed.dataId);
      const dx = conv(dy, flipped, [[0, 0], [kh - 1 - p.top, kh - 1 - p.bottom], [kw - 1 - p.left, kw - 1 - p.right], [0, 0]], backend);
      backend.disposeData(flipped.dataId);
      return dx;
    },
  };
}

export function makeBackpropFilterKernel(): tf.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const backend = args.backend as Backend;
      const { x, dy } = args.inputs as { x: Info; dy: Info };
      const { filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
      const info = convInfo(x.shape, filterShape, args.attrs as tf.NamedAttrMap);
      if (!info) throw new Error('Conv2DBackpropFilter on wasm supports stride 1, dilation 1, NHWC only');
      const [kh, kw] = filterShape;
      const [, h, w] = x.shape;
      const [, ho, wo] = dy.shape;
      const p = info.padInfo;
      const xt = call('Transpose', { x }, { perm: [3, 1, 2, 0] }, backend);
      const dyt = call('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }, backend);
      const g = conv(xt, dyt, [[0, 0], [p.top, kh - 1 - h + ho - p.top], [p.left, kw - 1 - w + wo - p.left], [0, 0]], backend);
      backend.disposeData(xt.dataId);
      backend.disposeData(dyt.dataId);
      const dw = call('Transpose', { x: g }, { perm: [1, 2, 0, 3] }, backend);
      backend.disposeData(g.dataId);
      return dw;
    },
  };
}

let registered = false;

/** Replace/add the two gradient kernels for 'wasm'. Call before tf.setBackend('wasm'). Idempotent. */
export function registerWasmConvGradients(): void {
  if (registered) return;
  const stock = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (!stock) throw new Error('import @tensorflow/tfjs-backend-wasm before registering its gradient kernels');
  tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  tf.registerKernel(makeBackpropInputKernel(stock));
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
  tf.registerKernel(makeBackpropFilterKernel());
  registered = true;
}
