// The core's operations by name: what a pool worker can run. Every op takes and returns plain data
// (numbers, typed arrays, objects of them), so jobs cross threads by structured clone or transfer.
import { coreVersion } from './version.ts';
import { matmul } from './matrix.ts';

export const coreOps = {
  coreVersion,
  matmul,
} as const;

export type CoreOps = typeof coreOps;
export type CoreOpName = keyof CoreOps;
