// Study step: the Jacobian of one network at the operating point (central block embedded in a larger
// canvas), its receptive fields, and how linear the network is on natural test blocks of its task.
import type { Rgb } from '../../image.ts';
import { jacobianByShift, type ShiftJacobianResult } from '../../experiments/jacobian-shift.ts';
import { measureLinearity, type TestBlock } from '../../experiments/linearity.ts';
import type { ImageNetwork } from '../../experiments/net-io.ts';

export interface LinearisationRecord {
  block: number;
  canvas: number;
  receptiveFieldRadius: number;
  jacobianSeconds: number;
  fractionLinear: number;
  linearShare: number;
  errorNonlinear: number;
  errorLinear: number;
  blocks: number;
  /** spread over blocks: standard deviations */
  sd: { fractionLinear: number; errorNonlinear: number; errorLinear: number };
  /** receptive fields of the central output per output channel, (2R+1)²·3 HWC */
  receptiveFields: { radius: number; weights: number[][] };
}

const sd = (xs: number[]) => {
  const m = xs.reduce((s, v) => s + v, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, xs.length - 1));
};

export async function jacobianAt(net: ImageNetwork, block: number, canvas: number, operatingPoint: Rgb): Promise<ShiftJacobianResult> {
  return jacobianByShift(net, { block, canvas, operatingPoint });
}

export async function linearisationStep(net: ImageNetwork, jac: ShiftJacobianResult, blocks: readonly TestBlock[]): Promise<LinearisationRecord> {
  const lin = await measureLinearity(net, jac, blocks);
  return {
    block: jac.geometry.block, canvas: jac.geometry.canvas, receptiveFieldRadius: jac.receptiveFieldRadius,
    jacobianSeconds: jac.seconds, fractionLinear: lin.fractionLinear, linearShare: lin.linearShare,
    errorNonlinear: lin.errorNonlinear, errorLinear: lin.errorLinear, blocks: lin.blocks,
    sd: {
      fractionLinear: sd(lin.perBlock.map((b) => b.fractionLinear)),
      errorNonlinear: sd(lin.perBlock.map((b) => b.errorNonlinear)),
      errorLinear: sd(lin.perBlock.map((b) => b.errorLinear)),
    },
    receptiveFields: { radius: jac.receptiveFields.radius, weights: jac.receptiveFields.weights.map((w) => Array.from(w)) },
  };
}
