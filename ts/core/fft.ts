// 2D Fourier transforms of stacks of multi-channel images, fftshift, power spectra and radial averages.
//
// A Stack holds `batch` images of height×width×channels, interleaved HWC, flat index
// ((b·H + y)·W + x)·C + c (batch defaults to 1, channels to 1). Each (image, channel) plane is transformed
// on its own: F[u, v] = Σ f[y, x]·exp(−2πi(u·y/H + v·x/W)) — NumPy's fft2 convention; ifft2 divides by H·W.
// Any sizes work (mixed radix, Bluestein for large primes). Spectra are unshifted (zero frequency at
// index 0; fftfreq layout) unless passed through fftshift.
import { CoreError, callCore } from './errors.ts';
import { checkInputBytes, checkObject, checkOptionalNumber, checkOptions, checkSize, readOutputs, toF64, type NumericArray } from './outputs.ts';

export interface Stack<T extends NumericArray = NumericArray> {
  height: number;
  width: number;
  /** default 1 */
  channels?: number;
  /** default 1 */
  batch?: number;
  data: T;
}

export interface ComplexStack {
  height: number;
  width: number;
  channels: number;
  batch: number;
  re: Float64Array;
  im: Float64Array;
}

type Shape = { batch: number; height: number; width: number; channels: number };

function shapeOf(op: string, s: { height: number; width: number; channels?: number; batch?: number }): Shape {
  checkObject(op, 'the stack', s, 'an object { height, width, channels?, batch?, data }');
  const shape = { batch: s.batch ?? 1, height: s.height, width: s.width, channels: s.channels ?? 1 };
  for (const [k, v] of Object.entries(shape)) checkSize(op, k, v);
  return shape;
}

function transform(op: 'fft2' | 'ifft2', shape: Shape, re: Float64Array, im: Float64Array | undefined): ComplexStack {
  return callCore(op, (w) =>
    readOutputs(w.fft2(re, im, shape.batch, shape.height, shape.width, shape.channels, op === 'ifft2'), (o) => ({
      ...shape,
      re: o.take('re'),
      im: o.take('im'),
    })),
  );
}

/** 2D FFT of a real stack (or of a complex one given as { re, im }). */
export function fft2(x: Stack | (Omit<Stack, 'data'> & { re: NumericArray; im: NumericArray })): ComplexStack {
  const shape = shapeOf('fft2', x);
  const has = (k: string) => (x as unknown as Record<string, unknown>)[k] !== undefined;
  if (has('data')) {
    if (has('re') || has('im')) throw new CoreError('give either data (a real stack) or re and im (a complex one), not both', 'fft2');
    return transform('fft2', shape, toF64('fft2', 'data', (x as Stack).data), undefined);
  }
  return transform('fft2', shape, ...complexParts('fft2', x));
}

function complexParts(op: string, x: object): [Float64Array, Float64Array] {
  const { re, im } = x as { re?: unknown; im?: unknown };
  if (re === undefined && im === undefined) {
    throw new CoreError(op === 'fft2' ? 'the stack has no data (real) and no re and im (complex)' : 'the stack needs re and im (a complex stack)', op);
  }
  if (re === undefined || im === undefined) throw new CoreError(`${re === undefined ? 're' : 'im'} is missing: a complex stack needs both re and im`, op);
  const parts: [Float64Array, Float64Array] = [toF64(op, 're', re), toF64(op, 'im', im)];
  checkInputBytes(op, { re: parts[0], im: parts[1] });
  return parts;
}

/** Inverse 2D FFT (divides by H·W). */
export function ifft2(x: Omit<Stack, 'data'> & { re: NumericArray; im: NumericArray }): ComplexStack {
  const shape = shapeOf('ifft2', x);
  if ((x as unknown as Record<string, unknown>).data !== undefined) {
    throw new CoreError('ifft2 takes a complex stack { re, im }, not data (give im as zeros for a real one)', 'ifft2');
  }
  return transform('ifft2', shape, ...complexParts('ifft2', x));
}

/** |FFT2|² of a real stack, unshifted, same layout. */
export function powerSpectrum(x: Stack): Stack<Float64Array> & Shape {
  const shape = shapeOf('powerSpectrum', x);
  const data = callCore('powerSpectrum', (w) =>
    readOutputs(w.power2(toF64('powerSpectrum', 'data', x.data), shape.batch, shape.height, shape.width, shape.channels), (o) => o.take('data')),
  );
  return { ...shape, data };
}

function shift(op: 'fftshift' | 'ifftshift', x: Stack): Stack<Float64Array> & Shape {
  const shape = shapeOf(op, x);
  const data = callCore(op, (w) =>
    readOutputs(w.fftshift(toF64(op, 'data', x.data), shape.batch, shape.height, shape.width, shape.channels, op === 'ifftshift'), (o) => o.take('data')),
  );
  return { ...shape, data };
}

/** Move the zero frequency of every plane to (⌊H/2⌋, ⌊W/2⌋), as numpy.fft.fftshift over the spatial axes. */
export function fftshift(x: Stack): Stack<Float64Array> & Shape {
  return shift('fftshift', x);
}

/** Undo fftshift (numpy.fft.ifftshift). */
export function ifftshift(x: Stack): Stack<Float64Array> & Shape {
  return shift('ifftshift', x);
}

export interface RadialAverageOptions {
  /** ring width in cycles/pixel (default 1 / max(H, W)) */
  binWidth?: number;
  /** largest ring centre in cycles/pixel (default 0.5, the axis Nyquist limit) */
  maxFrequency?: number;
  /** pixels per degree of visual angle: adds cyclesPerDegree = cyclesPerPixel·ppd */
  pixelsPerDegree?: number;
}

export interface RadialAverageResult {
  /** ring centres k·binWidth, cycles/pixel */
  cyclesPerPixel: Float64Array;
  /** present when pixelsPerDegree was given */
  cyclesPerDegree?: Float64Array;
  /** spectrum samples per ring */
  count: Float64Array;
  /** mean power per ring: mean[(b·C + c)·bins + k] (NaN for an empty ring) */
  mean: Float64Array;
  bins: number;
  batch: number;
  channels: number;
}

/**
 * Radial average of unshifted power spectra (as powerSpectrum returns): ring k holds the frequencies with
 * round(|f| / binWidth) = k, |f| = √(fx² + fy²) in cycles/pixel.
 */
export function radialAverage(power: Stack, options: RadialAverageOptions = {}): RadialAverageResult {
  checkOptions('radialAverage', options, ['binWidth', 'maxFrequency', 'pixelsPerDegree']);
  const op = 'radialAverage';
  const shape = shapeOf(op, power);
  const binWidth = checkOptionalNumber(op, 'binWidth', options.binWidth);
  const maxFrequency = checkOptionalNumber(op, 'maxFrequency', options.maxFrequency);
  const ppd = checkOptionalNumber(op, 'pixelsPerDegree', options.pixelsPerDegree);
  if (ppd !== undefined && ppd <= 0) throw new CoreError(`pixelsPerDegree must be > 0, got ${ppd}`, op);
  return callCore(op, (w) =>
    readOutputs(w.radialAverage(toF64(op, 'data', power.data), shape.batch, shape.height, shape.width, shape.channels, binWidth, maxFrequency), (o) => {
      const cyclesPerPixel = o.take('frequency');
      const r: RadialAverageResult = {
        cyclesPerPixel,
        count: o.take('count'),
        mean: o.take('mean'),
        bins: o.scalar('bins'),
        batch: shape.batch,
        channels: shape.channels,
      };
      if (ppd !== undefined) {
        r.cyclesPerDegree = cyclesPerPixel.map((f) => f * ppd);
        if (!r.cyclesPerDegree.every(Number.isFinite)) throw new CoreError(`pixelsPerDegree ${ppd} makes cycles/degree overflow`, op);
      }
      return r;
    }),
  );
}
