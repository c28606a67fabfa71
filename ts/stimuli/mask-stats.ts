// Statistics of a label image: pixel count and bounding box per non-zero label.
import type { LabelImage } from '../image.ts';

export interface LabelStats {
  label: number;
  pixels: number;
  /** inclusive bounding box */
  rows: [number, number];
  cols: [number, number];
}

export function maskStatistics(mask: LabelImage): LabelStats[] {
  const byLabel = new Map<number, LabelStats>();
  const { height: H, width: W, data } = mask;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const v = data[y * W + x];
      if (v === 0) continue;
      const s = byLabel.get(v);
      if (!s) { byLabel.set(v, { label: v, pixels: 1, rows: [y, y], cols: [x, x] }); continue; }
      s.pixels++;
      s.rows[1] = y;
      if (x < s.cols[0]) s.cols[0] = x;
      if (x > s.cols[1]) s.cols[1] = x;
    }
  }
  return [...byLabel.values()].sort((a, b) => a.label - b.label);
}
