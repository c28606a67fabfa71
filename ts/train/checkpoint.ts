// Training checkpoints: the model weights, the best weights so far, the Adam state and the sampler's PRNG
// state plus bookkeeping, as DIR/checkpoint/{state.json, tensors.bin}. Written into a fresh folder and then
// swapped in by renames, so an interruption at any moment leaves a complete checkpoint (the new one or the
// previous one, kept as checkpoint.old until the swap is done).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, errorMessage } from '../util/errors.ts';
import { writeFileAtomic, writeJsonAtomic } from '../util/atomic.ts';
import type { PrngState } from '../data/prng.ts';
import type { TrainSpec } from './train-spec.ts';

export interface NamedArray { name: string; shape: number[]; data: Float32Array }

export interface CheckpointState {
  spec: TrainSpec;
  step: number;
  rng: PrngState;
  bestPsnr: number;
  bestStep: number;
  badEpochs: number;
  /** running sum and count of the training loss in the current epoch */
  epochLossSum: number;
  epochLossCount: number;
  history: { step: number; trainLoss: number; validationPsnr: number }[];
  seconds: number;
  backend: string;
}

export interface Checkpoint {
  state: CheckpointState;
  model: NamedArray[];
  best: NamedArray[];
  optimizer: NamedArray[];
}

interface StoredState extends CheckpointState {
  format: 'illusion-lab-checkpoint/1';
  tensors: { group: 'model' | 'best' | 'optimizer'; name: string; shape: number[]; offset: number; length: number }[];
}

export function checkpointDir(outDir: string): string {
  return join(outDir, 'checkpoint');
}

export function writeCheckpoint(outDir: string, ck: Checkpoint): void {
  const final = checkpointDir(outDir), fresh = `${final}.new`, old = `${final}.old`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  const groups = [['model', ck.model], ['best', ck.best], ['optimizer', ck.optimizer]] as const;
  const total = groups.reduce((s, [, arr]) => s + arr.reduce((t, a) => t + a.data.length, 0), 0);
  const all = new Float32Array(total);
  const tensors: StoredState['tensors'] = [];
  let offset = 0;
  for (const [group, arr] of groups) {
    for (const a of arr) {
      all.set(a.data, offset);
      tensors.push({ group, name: a.name, shape: a.shape, offset, length: a.data.length });
      offset += a.data.length;
    }
  }
  writeFileAtomic(join(fresh, 'tensors.bin'), new Uint8Array(all.buffer));
  const stored: StoredState = { format: 'illusion-lab-checkpoint/1', ...ck.state, tensors };
  writeJsonAtomic(join(fresh, 'state.json'), stored);
  if (existsSync(final)) {
    rmSync(old, { recursive: true, force: true });
    renameSync(final, old);
  }
  renameSync(fresh, final);
  rmSync(old, { recursive: true, force: true });
}

export function removeCheckpoint(outDir: string): void {
  for (const d of ['', '.new', '.old']) rmSync(`${checkpointDir(outDir)}${d}`, { recursive: true, force: true });
}

/** The checkpoint of outDir, or undefined when there is none. */
export function readCheckpoint(outDir: string): Checkpoint | undefined {
  let dir = checkpointDir(outDir);
  if (!existsSync(join(dir, 'state.json')) && existsSync(join(`${dir}.old`, 'state.json'))) dir = `${dir}.old`;
  const statePath = join(dir, 'state.json');
  if (!existsSync(statePath)) return undefined;
  let stored: StoredState;
  let bytes: Buffer;
  try {
    stored = JSON.parse(readFileSync(statePath, 'utf8')) as StoredState;
    bytes = readFileSync(join(dir, 'tensors.bin'));
  } catch (e) {
    throw new UserError(`checkpoint ${dir} is unreadable (${errorMessage(e)}); delete it to start afresh`);
  }
  if (stored.format !== 'illusion-lab-checkpoint/1') throw new UserError(`${statePath} is not an illusion-lab checkpoint`);
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const need = stored.tensors.reduce((m, t) => Math.max(m, t.offset + t.length), 0);
  if (floats.length !== need || bytes.byteLength % 4 !== 0) throw new UserError(`checkpoint ${dir} is corrupt: tensors.bin holds ${bytes.byteLength} bytes, expected ${need * 4}`);
  const pick = (g: string) => stored.tensors.filter((t) => t.group === g)
    .map((t) => ({ name: t.name, shape: t.shape, data: floats.slice(t.offset, t.offset + t.length) }));
  const { format: _f, tensors: _t, ...state } = stored;
  return { state, model: pick('model'), best: pick('best'), optimizer: pick('optimizer') };
}
