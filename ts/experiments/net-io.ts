// Moving images in and out of a TensorFlow.js image-to-image network ([N,H,W,3] → [N,H,W,3], RGB in
// [0,1]; the tensor layout is the project's HWC flattening, so data copies straight across).
import * as tf from '@tensorflow/tfjs';
import { imageFrom, type RgbImage } from '../image.ts';

/** Anything with a batched image-to-image forward pass (a tf.LayersModel, or a plain function). */
export type ImageNetwork = { apply(x: tf.Tensor4D): tf.Tensor4D } ;

/** Wrap a LayersModel (or any tensor function) as an ImageNetwork. */
export function asNetwork(model: tf.LayersModel | ((x: tf.Tensor4D) => tf.Tensor4D)): ImageNetwork {
  if (typeof model === 'function') return { apply: model };
  return { apply: (x) => model.apply(x, { training: false }) as tf.Tensor4D };
}

export function imagesToTensor(images: readonly RgbImage[]): tf.Tensor4D {
  const { height, width } = images[0];
  const n = images.length;
  const data = new Float32Array(n * height * width * 3);
  images.forEach((img, i) => {
    if (img.height !== height || img.width !== width) {
      throw new Error(`all images of a batch must be ${height}×${width}; image ${i} is ${img.height}×${img.width}`);
    }
    data.set(img.data, i * height * width * 3);
  });
  return tf.tensor4d(data, [n, height, width, 3]);
}

export async function tensorToImages(t: tf.Tensor4D): Promise<RgbImage[]> {
  const [n, height, width] = t.shape;
  const data = (await t.data()) as Float32Array;
  const size = height * width * 3;
  return Array.from({ length: n }, (_, i) => imageFrom(height, width, data.slice(i * size, (i + 1) * size)));
}

/** Forward pass of a list of equally sized images, in batches of at most batchSize. */
export async function predictImages(net: ImageNetwork, images: readonly RgbImage[], batchSize = 16): Promise<RgbImage[]> {
  const out: RgbImage[] = [];
  for (let i = 0; i < images.length; i += batchSize) {
    const x = imagesToTensor(images.slice(i, i + batchSize));
    const y = tf.tidy(() => net.apply(x));
    out.push(...(await tensorToImages(y)));
    x.dispose();
    y.dispose();
  }
  return out;
}

export async function predictImage(net: ImageNetwork, image: RgbImage): Promise<RgbImage> {
  return (await predictImages(net, [image], 1))[0];
}
