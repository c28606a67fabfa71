// Architecture descriptions of the study's networks (SCIENCE.md §2) and their defaults.
//  shallow: conv k×k → C, activation, conv k×k → 3, sigmoid            (k = 5, C = 8, sigmoid)
//  deep:    (conv k×k → C, activation) × (depth−1), conv k×k → 3, sigmoid (k = 10, C = 24, depth 4, sigmoid)
//  dncnn:   conv 3×3 → 64, ReLU; (conv 3×3 → 64, batch norm, ReLU) × (depth−2); conv 3×3 → 3;
//           residual: output = input + last conv (the net predicts the negated degradation). depth 17 or 20.
// The activation switch changes the hidden activations only; shallow and deep keep a sigmoid output so
// their output stays in [0, 1], as in the study.
export type Arch = 'shallow' | 'deep' | 'dncnn';
export type Activation = 'sigmoid' | 'relu';
export const archs: readonly Arch[] = ['shallow', 'deep', 'dncnn'];
export const activations: readonly Activation[] = ['sigmoid', 'relu'];

export interface ArchSpec {
  arch: Arch;
  activation: Activation;
  /** hidden channels */
  channels: number;
  /** square kernel size */
  kernelSize: number;
  /** number of conv layers */
  depth: number;
}

export type ArchOptions = { arch: Arch } & Partial<Omit<ArchSpec, 'arch'>>;

const defaults: Record<Arch, ArchSpec> = {
  shallow: { arch: 'shallow', activation: 'sigmoid', channels: 8, kernelSize: 5, depth: 2 },
  deep: { arch: 'deep', activation: 'sigmoid', channels: 24, kernelSize: 10, depth: 4 },
  dncnn: { arch: 'dncnn', activation: 'relu', channels: 64, kernelSize: 3, depth: 17 },
};

export function resolveArch(o: ArchOptions): ArchSpec {
  if (!archs.includes(o.arch)) throw new RangeError(`unknown architecture "${o.arch}" (one of ${archs.join(', ')})`);
  const d = defaults[o.arch];
  const spec: ArchSpec = {
    arch: o.arch,
    activation: o.activation ?? d.activation,
    channels: o.channels ?? d.channels,
    kernelSize: o.kernelSize ?? d.kernelSize,
    depth: o.depth ?? d.depth,
  };
  if (!activations.includes(spec.activation)) throw new RangeError(`unknown activation "${spec.activation}"`);
  if (!Number.isInteger(spec.channels) || spec.channels < 1 || spec.channels > 512) throw new RangeError(`channels must be an integer in 1..512, got ${spec.channels}`);
  if (!Number.isInteger(spec.kernelSize) || spec.kernelSize < 1 || spec.kernelSize > 31) throw new RangeError(`kernel size must be an integer in 1..31, got ${spec.kernelSize}`);
  const minDepth = spec.arch === 'dncnn' ? 3 : 2;
  if (!Number.isInteger(spec.depth) || spec.depth < minDepth || spec.depth > 64) throw new RangeError(`depth of ${spec.arch} must be an integer in ${minDepth}..64, got ${spec.depth}`);
  if (spec.arch === 'shallow' && spec.depth !== 2) throw new RangeError('the shallow net has exactly 2 conv layers');
  return spec;
}

/** Receptive field in pixels (stride 1): depth·(k−1) + 1. */
export function receptiveField(spec: ArchSpec): number {
  return spec.depth * (spec.kernelSize - 1) + 1;
}

export function describeArch(s: ArchSpec): string {
  return `${s.arch} (${s.depth} conv ${s.kernelSize}×${s.kernelSize}, ${s.channels} channels, ${s.activation})`;
}
