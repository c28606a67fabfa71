// Natural test blocks for the linearity analysis: seeded random crops of natural photographs, degraded
// the way the network's task degrades its training data (noise, blur with a margin so no border is
// invented, or both), as (clean block, degraded block) pairs in the project's HWC flattening.
import type { RgbImage } from '../image.ts';
import { addNoise, blurValid, degradationMargin, type Degradation } from '../data/degrade.ts';
import { Prng } from '../data/prng.ts';
import type { TestBlock } from '../experiments/linearity.ts';

export function naturalTestBlocks(images: readonly RgbImage[], block: number, degradation: Degradation, count: number, seed: number): TestBlock[] {
  const margin = degradationMargin(degradation);
  const side = block + 2 * margin;
  const usable = images.filter((im) => im.height >= side && im.width >= side);
  if (usable.length === 0) throw new RangeError(`no natural image is at least ${side}×${side} pixels`);
  const rng = new Prng(seed);
  const out: TestBlock[] = [];
  for (let n = 0; n < count; n++) {
    const img = usable[rng.int(usable.length)];
    const y0 = rng.int(img.height - side + 1), x0 = rng.int(img.width - side + 1);
    const crop = new Float32Array(side * side * 3);
    for (let y = 0; y < side; y++) crop.set(img.data.subarray(((y0 + y) * img.width + x0) * 3, ((y0 + y) * img.width + x0 + side) * 3), y * side * 3);
    const clean = new Float64Array(block * block * 3);
    for (let y = 0; y < block; y++) for (let x = 0; x < block * 3; x++) clean[y * block * 3 + x] = crop[((y + margin) * side + margin) * 3 + x];
    let deg: Float32Array;
    if (degradation.blur) {
      // 'valid' blur of the (block + 2·margin)² crop is exactly block×block
      deg = blurValid({ height: side, width: side, data: crop }, degradation.blur).data;
    } else {
      deg = new Float32Array(block * block * 3);
      for (let y = 0; y < block; y++) deg.set(crop.subarray(((y + margin) * side + margin) * 3, ((y + margin) * side + margin + block) * 3), y * block * 3);
    }
    addNoise(deg, degradation.noiseSigma, rng);
    out.push({ clean, degraded: Float64Array.from(deg) });
  }
  return out;
}
