// Sizes in pixels or in degrees of visual angle with pixels-per-degree (ppd), as in stimupy: any two of
// shape (pixels), visualSize (degrees) and ppd determine the third; a triple that does not agree is an error.
import { StimulusError } from './types.ts';

export type Shape = readonly [height: number, width: number];

export interface SizeOptions {
  /** [height, width] in pixels, or one number for a square */
  shape?: Shape | number;
  /** [height, width] in degrees of visual angle, or one number for a square */
  visualSize?: Shape | number;
  /** pixels per degree */
  ppd?: number;
}

export interface ResolvedSize {
  shape: [number, number];
  /** present when ppd was given or derived */
  ppd?: number;
  visualSize?: [number, number];
}

/** A length in pixels (a number) or in degrees ({ deg }); degrees need ppd. */
export type Length = number | { deg: number };

function pair(stim: string, name: string, v: Shape | number): [number, number] {
  const p: [number, number] = typeof v === 'number' ? [v, v] : [v[0], v[1]];
  if (!Array.isArray(v) && typeof v !== 'number') throw new StimulusError(`${stim}: ${name} must be a number or [height, width]`);
  if (Array.isArray(v) && v.length !== 2) throw new StimulusError(`${stim}: ${name} must be [height, width], got ${JSON.stringify(v)}`);
  for (const x of p) {
    if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) {
      throw new StimulusError(`${stim}: ${name} must be positive, got ${JSON.stringify(v)}`);
    }
  }
  return p;
}

function pixelShape(stim: string, name: string, v: Shape | number): [number, number] {
  const p = pair(stim, name, v);
  if (!Number.isInteger(p[0]) || !Number.isInteger(p[1])) {
    throw new StimulusError(`${stim}: ${name} must be whole pixels, got ${JSON.stringify(v)}`);
  }
  return p;
}

function checkPpd(stim: string, ppd: number): number {
  if (typeof ppd !== 'number' || !Number.isFinite(ppd) || ppd <= 0) {
    throw new StimulusError(`${stim}: ppd must be a positive number, got ${String(ppd)}`);
  }
  return ppd;
}

/** Resolve a stimulus size; `fallback` (pixels) is used when neither shape nor visualSize is given. */
export function resolveSize(stim: string, opts: SizeOptions, fallback: Shape): ResolvedSize {
  const ppd = opts.ppd === undefined ? undefined : checkPpd(stim, opts.ppd);
  const shape = opts.shape === undefined ? undefined : pixelShape(stim, 'shape', opts.shape);
  const vis = opts.visualSize === undefined ? undefined : pair(stim, 'visualSize', opts.visualSize);
  if (vis && ppd !== undefined) {
    const derived: [number, number] = [Math.round(vis[0] * ppd), Math.round(vis[1] * ppd)];
    if (derived[0] < 1 || derived[1] < 1) {
      throw new StimulusError(`${stim}: visualSize ${JSON.stringify(vis)} deg at ${ppd} ppd is less than one pixel`);
    }
    if (shape && (shape[0] !== derived[0] || shape[1] !== derived[1])) {
      throw new StimulusError(`${stim}: inconsistent size: shape ${shape[0]}×${shape[1]} px but visualSize ` +
        `${vis[0]}×${vis[1]} deg at ${ppd} ppd is ${derived[0]}×${derived[1]} px`);
    }
    return { shape: derived, ppd, visualSize: vis };
  }
  if (vis && shape) {
    const ppdW = shape[1] / vis[1];
    if (Math.round(vis[0] * ppdW) !== shape[0]) {
      throw new StimulusError(`${stim}: inconsistent size: shape ${shape[0]}×${shape[1]} px and visualSize ` +
        `${vis[0]}×${vis[1]} deg give different ppd (${shape[0] / vis[0]} vertically, ${ppdW} horizontally)`);
    }
    return { shape, ppd: ppdW, visualSize: vis };
  }
  if (vis) throw new StimulusError(`${stim}: visualSize in degrees needs ppd or shape to give pixels`);
  const s = shape ?? [fallback[0], fallback[1]];
  if (ppd !== undefined) return { shape: s, ppd, visualSize: [s[0] / ppd, s[1] / ppd] };
  return { shape: s };
}

/** A length in whole pixels: numbers are pixels (rounded to whole), { deg } is converted with ppd. */
export function lengthPx(stim: string, name: string, len: Length, ppd: number | undefined, min = 1): number {
  let px: number;
  if (typeof len === 'number') {
    if (!Number.isFinite(len)) throw new StimulusError(`${stim}: ${name} must be a number of pixels, got ${len}`);
    px = Math.round(len);
  } else if (len && typeof len === 'object' && typeof len.deg === 'number' && Number.isFinite(len.deg)) {
    if (ppd === undefined) throw new StimulusError(`${stim}: ${name} is given in degrees but no ppd is known`);
    px = Math.round(len.deg * ppd);
  } else {
    throw new StimulusError(`${stim}: ${name} must be pixels (a number) or { deg: number }, got ${JSON.stringify(len)}`);
  }
  if (px < min) throw new StimulusError(`${stim}: ${name} = ${JSON.stringify(len)} is ${px} px, must be at least ${min} px`);
  return px;
}

/** Parameters recording a resolved size (JSON-friendly). */
export function sizeParams(size: ResolvedSize): Record<string, unknown> {
  const out: Record<string, unknown> = { shape: size.shape };
  if (size.ppd !== undefined) out.ppd = size.ppd;
  if (size.visualSize !== undefined) out.visualSize = size.visualSize;
  return out;
}
