// Study step: the three ways of linearising one network compared — automatic differentiation (row by
// row, and the shift assembly the study uses), regression J = R·I⁺, central finite differences.
import type { Rgb } from '../../image.ts';
import { jacobianByAutograd } from '../../experiments/jacobian-autograd.ts';
import { jacobianByFiniteDifferences } from '../../experiments/jacobian-fd.ts';
import { jacobianByRegression } from '../../experiments/jacobian-regression.ts';
import { jacobianByShift } from '../../experiments/jacobian-shift.ts';
import { relativeFrobenius } from '../../experiments/dense.ts';
import type { ImageNetwork } from '../../experiments/net-io.ts';

export interface MethodsRecord {
  block: number;
  canvas: number;
  shift: { seconds: number };
  autogradRows: { seconds: number; relDiffVsShift: number };
  regression: { seconds: number; probes: number; amplitude: number; seed: number; relDiffVsAutograd: number; fitResidual: number };
  finiteDifferences: { seconds: number; step: number; relDiffVsAutograd: number };
}

export async function methodsStep(net: ImageNetwork, o: { block: number; canvas: number; operatingPoint: Rgb; probesPerDim: number; amplitude: number; seed: number },
  progress: (what: string, done: number, total: number) => void): Promise<MethodsRecord> {
  const base = { block: o.block, canvas: o.canvas, operatingPoint: o.operatingPoint };
  const shift = await jacobianByShift(net, base);
  const rows = await jacobianByAutograd(net, { ...base, onProgress: (d, t) => progress('autograd rows', d, t) });
  const d = rows.rows;
  const reg = await jacobianByRegression(net, { ...base, probes: Math.round(o.probesPerDim * d), amplitude: o.amplitude, seed: o.seed, onProgress: (a, t) => progress('regression probes', a, t) });
  const step = 1e-2;
  const fd = await jacobianByFiniteDifferences(net, { ...base, step, onProgress: (a, t) => progress('finite differences', a, t) });
  return {
    block: o.block, canvas: o.canvas,
    shift: { seconds: shift.seconds },
    autogradRows: { seconds: rows.seconds, relDiffVsShift: relativeFrobenius(shift, rows) },
    regression: { seconds: reg.seconds, probes: reg.probes, amplitude: reg.amplitude, seed: o.seed, relDiffVsAutograd: relativeFrobenius(reg, rows), fitResidual: reg.fitResidual },
    finiteDifferences: { seconds: fd.seconds, step, relDiffVsAutograd: relativeFrobenius(fd, rows) },
  };
}
