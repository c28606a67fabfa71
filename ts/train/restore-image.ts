// Run a restoration model over whole images (RgbImage in, RgbImage out; fully convolutional, any size).
import * as tf from '@tensorflow/tfjs';
import type { RgbImage } from '../image.ts';

export function restoreImages(model: tf.LayersModel, images: readonly RgbImage[]): RgbImage[] {
  return images.map((img) => {
    const y = tf.tidy(() => model.predict(tf.tensor4d(img.data, [1, img.height, img.width, 3])) as tf.Tensor);
    const data = y.dataSync() as Float32Array;
    y.dispose();
    if (data.length !== img.data.length) throw new Error(`model output has ${data.length} values for a ${img.height}×${img.width}×3 input`);
    return { height: img.height, width: img.width, data: new Float32Array(data) };
  });
}

export function clip01(img: RgbImage): RgbImage {
  const data = new Float32Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(1, Math.max(0, img.data[i]));
  return { height: img.height, width: img.width, data };
}
