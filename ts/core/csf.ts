// Human contrast sensitivity functions (SCIENCE.md §7; f in cycles/degree, ≥ 0):
//   'sso'              Standard Spatial Observer as coded in the authors' lab:
//                      330.74·[exp(−f/7.28) − 0.837·exp(−f²/1.809²)], peak ≈ 201.3 at ≈ 3 cpd
//   'mullen-rg'        lab fit to Mullen (1985): 0.75·201.3·exp(−f/6.64)
//   'mullen-yb'        lab fit to Mullen (1985): 0.55·201.3·exp(−f/4.13)
//   'mannos-sakrison'  2.6·(0.0192 + 0.114f)·exp(−(0.114f)^1.1)
// csfSso2d adds the SSO oblique factor 1 − 4(1 − exp(−f/6.664))·fx²fy²/f⁴.
import { CoreError, callCore } from './errors.ts';
import { checkInputBytes, checkName, toF64, type NumericArray } from './outputs.ts';

export const CSF_MODELS = ['sso', 'mullen-rg', 'mullen-yb', 'mannos-sakrison'] as const;
export type CsfModel = (typeof CSF_MODELS)[number];

/** A radial CSF model evaluated at frequencies f (cycles/degree). */
export function csf(model: CsfModel, f: NumericArray): Float64Array {
  const m = checkName('csf', 'CSF model', model, CSF_MODELS);
  const x = toF64('csf', 'f', f);
  return callCore('csf', (w) => w.csf(m, x));
}

/** The SSO with its oblique factor at 2D frequencies (fx[i], fy[i]) in cycles/degree. */
export function csfSso2d(fx: NumericArray, fy: NumericArray): Float64Array {
  const [x, y] = [toF64('csfSso2d', 'fx', fx), toF64('csfSso2d', 'fy', fy)];
  checkInputBytes('csfSso2d', { fx: x, fy: y });
  if (x.length !== y.length) throw new CoreError(`fx and fy differ in length (${x.length} vs ${y.length})`, 'csfSso2d');
  return callCore('csfSso2d', (w) => w.csfSso2d(x, y));
}
