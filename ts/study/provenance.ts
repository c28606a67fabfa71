// Provenance of a study run, written into results.json: versions, backend, machine, model and data hashes.
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, platform, arch } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { packageVersion } from '../version.ts';
import type { StudyCore } from './core-adapter.ts';
import type { AcquiredModel } from './inputs.ts';

export interface Provenance {
  package: string;
  core: string;
  tfjs: string;
  backend: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  gitCommit: string | null;
  started: string;
  models: { name: string; dir: string; hash: string }[];
  /** per network: the natural images of its linearity analysis */
  naturalImages: Record<string, { source: string; files: string[]; hash: string }>;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function provenance(core: StudyCore, models: AcquiredModel[], natural: Provenance['naturalImages']): Provenance {
  return {
    package: packageVersion(), core: core.version, tfjs: tf.version.tfjs, backend: tf.getBackend(),
    node: process.version, platform: `${platform()} ${arch()}`, cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(),
    gitCommit: gitCommit(), started: new Date().toISOString(),
    models: models.map((m) => ({ name: m.name, dir: m.dir, hash: m.hash })),
    naturalImages: natural,
  };
}
