// Benchmark of the numerical core (WebAssembly in Node, one thread) against NumPy (OpenBLAS; 1 and 2
// threads), the same faer routines compiled natively (benches/native-faer, 1 and 2 threads; skipped without
// cargo or with --no-native) and ml-matrix (pure JS), on the same matrices, plus FFT2 and the pool's scaling.
//   npm run bench:core            full run: n = 256, 768, 1536, 3072 (several minutes)
//   npm run bench:core -- --quick n = 256, 768; ml-matrix at 256 only
// Prints medians (ms) and ratios; "core/np1" < 4 is the target for eig and SVD.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EigenvalueDecomposition, Matrix as MlMatrix, SingularValueDecomposition, pseudoInverse } from 'ml-matrix';
import { CorePool, loadCore, matrix, type Matrix } from '../ts/core/index.ts';

const quick = process.argv.includes('--quick');
const sizes = quick ? [256, 768] : [256, 768, 1536, 3072];
const mlSizes = quick ? [256] : [256, 768];
const ops = ['eig', 'eigh', 'svd', 'pinv'] as const;
type Op = (typeof ops)[number] | 'fft2' | 'eig+inv';
// At n = 256 a call lasts 10–30 ms: 21 calls spread the minimum over ≈ 0.5 s, so that a short slowdown of a
// shared machine cannot cover all of them (with 5, one run in five put symmetric eig 256 at 8× ml-matrix
// against 12–19× in the others).
const reps = (n: number) => (n <= 256 ? 21 : n <= 768 ? 3 : 1);

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32 * 2 - 1; };
}
function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  return matrix(rows, cols, Float64Array.from({ length: rows * cols }, seeded(seed)));
}
function symmetric(a: Matrix): Matrix {
  const n = a.rows;
  return matrix(n, n, a.data.map((v, p) => (v + a.data[(p % n) * n + Math.floor(p / n)]) / 2));
}
interface Timing { median: number; min: number }
// Warm-up: calls are discarded until they total 0.5 s (at least one call); a single call longer than 2 s
// ends the warm-up and is kept as the first measurement. V8 starts WebAssembly and JS in a baseline tier
// and recompiles hot functions in the background, so early calls time the compiler, not the code (one
// discarded call was too few at n = 256: symmetric eig ran 19 ms in the benchmark against 15 ms steady).
// ml-matrix (JS) and NumPy (benches/core_numpy.py) get the same treatment as the core.
const WARMUP_MS = 500;
function median(f: () => void, r: number): Timing {
  const ts: number[] = [];
  for (let warm = 0; warm < WARMUP_MS;) {
    const t = performance.now();
    f();
    const d = performance.now() - t;
    if (d > 2000) { ts.push(d); break; }
    warm += d;
  }
  while (ts.length < r) { const t = performance.now(); f(); ts.push(performance.now() - t); }
  ts.sort((x, y) => x - y);
  return { median: ts[Math.floor(ts.length / 2)], min: ts[0] };
}
const fmtMs = (ms: number) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const fmt = (t?: Timing) => (t === undefined ? '—' : fmtMs(t.median));
// ratios of the fastest runs: robust to other load on a shared machine (equal to the median for 1 run)
const ratio = (a?: Timing, b?: Timing) => (a === undefined || b === undefined ? '—' : (a.min / b.min).toFixed(2));

// Builds benches/native-faer (release, native CPU features of the default target) once into the user's cache;
// undefined when cargo is missing or --no-native is given.
function nativeFaer(): string | undefined {
  if (process.argv.includes('--no-native')) return undefined;
  const manifest = join(import.meta.dirname, 'native-faer', 'Cargo.toml');
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache', 'illusion-lab', 'cargo-native-bench');
  if (spawnSync('cargo', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  process.stderr.write('building benches/native-faer (first time: ≈ 1–2 min)\n');
  const b = spawnSync('cargo', ['build', '--release', '--quiet', '--manifest-path', manifest], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CARGO_TARGET_DIR: targetDir } });
  if (b.status !== 0) {
    process.stderr.write('error: could not build benches/native-faer (cargo build failed, above); --no-native skips it\n');
    process.exit(1);
  }
  return join(targetDir, 'release', 'native-faer-bench');
}

// NumPy with OpenBLAS is the reference every ratio is taken against (the issue: not the reference BLAS, whose
// LAPACK runs 2–10× slower): checked before any timing, one line when missing.
const python = process.env.ILLUSION_BENCH_PYTHON ?? '/usr/bin/python3';
{
  const r = spawnSync(python, [join(import.meta.dirname, 'core_numpy.py'), '--blas'], { encoding: 'utf8' });
  const fix = '(Debian: apt-get install python3-numpy libopenblas0-pthread; another interpreter: ILLUSION_BENCH_PYTHON=/path/to/python)';
  let why: string | undefined;
  if (r.error) why = `${python} not found`;
  else if (r.status !== 0) why = `${python} has no NumPy`;
  else {
    const libs = JSON.parse(r.stdout) as string[];
    if (!libs.some((l) => /openblas/i.test(l))) why = `NumPy in ${python} uses ${libs.join(', ') || 'an unknown BLAS'}, not OpenBLAS`;
  }
  if (why !== undefined) {
    process.stderr.write(`error: bench:core needs NumPy with OpenBLAS as its reference: ${why} ${fix}\n`);
    process.exit(1);
  }
}

const core = await loadCore();
const native = nativeFaer(); // built before any timing
const dir = mkdtempSync(join(tmpdir(), 'illusion-bench-'));
const jobs: { key: string; op: Op; file: string; rows: number; cols: number; reps: number; shape?: number[] }[] = [];
const results = new Map<string, { core?: Timing; np1?: Timing; np2?: Timing; nf1?: Timing; nf2?: Timing; ml?: Timing; label: string }>();

function addJob(key: string, label: string, op: Op, m: Matrix, r: number, shape?: number[]) {
  const file = `${key}.f64`;
  writeFileSync(join(dir, file), new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength));
  jobs.push({ key, op, file, rows: m.rows, cols: m.cols, reps: r, shape });
  results.set(key, { label });
}

try {
  const t0 = performance.now();
  // --- core (WASM) ---
  for (const n of sizes) {
    const a = randomMatrix(n, n, n);
    const s = symmetric(a);
    for (const op of ops) {
      const key = `${op}-${n}`;
      addJob(key, `${op} ${n}×${n}`, op, op === 'eigh' ? s : a, reps(n));
      const run = {
        eig: () => core.eigGeneral(a, { inverse: false }),
        eigh: () => core.eigSymmetric(s),
        svd: () => core.svd(a),
        pinv: () => core.pinv(a),
      }[op];
      results.get(key)!.core = median(run, reps(n));
      process.stderr.write(`core ${key}: ${fmt(results.get(key)!.core)}\n`);
    }
  }
  // the study's shapes: eig with V⁻¹ at 768, pinv of 768×1600
  {
    const j = randomMatrix(768, 768, 7);
    addJob('eig+inv-768', 'eig + V⁻¹ 768×768', 'eig+inv', j, 3);
    results.get('eig+inv-768')!.core = median(() => core.eigGeneral(j), 3);
    const w = randomMatrix(768, 1600, 8);
    addJob('pinv-768x1600', 'pinv 768×1600', 'pinv', w, 3);
    results.get('pinv-768x1600')!.core = median(() => core.pinv(w), 3);
  }
  // FFT2: one 128×128×3 image, 768 eigenvector images 16×16×3
  const img = randomMatrix(128 * 128 * 3, 1, 11);
  addJob('fft2-128', 'fft2 128×128×3', 'fft2', img, 50, [128, 128, 3]);
  results.get('fft2-128')!.core = median(() => core.fft2({ height: 128, width: 128, channels: 3, data: img.data }), 50);
  const stack = randomMatrix(768 * 16 * 16 * 3, 1, 12);
  addJob('fft2-768x16', 'fft2 768 × 16×16×3', 'fft2', stack, 20, [768, 16, 16, 3]);
  results.get('fft2-768x16')!.core = median(() => core.fft2({ batch: 768, height: 16, width: 16, channels: 3, data: stack.data }), 20);

  // --- NumPy, 1 and 2 threads ---
  const info: Record<string, unknown> = {};
  for (const threads of [1, 2]) {
    const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    const r = spawnSync(python, [join(import.meta.dirname, 'core_numpy.py'), dir, JSON.stringify({ jobs })], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`NumPy benchmark failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    info[`numpy${threads}`] = { numpy: out.numpy, blas: out.blas };
    for (const [k, ms] of Object.entries(out.ms as Record<string, Timing>)) results.get(k)![threads === 1 ? 'np1' : 'np2'] = ms;
    process.stderr.write(`numpy ${threads} thread(s) done\n`);
  }

  // --- the same faer routines compiled natively (benches/native-faer), 1 and 2 threads ---
  // How much of the core's distance to NumPy is WebAssembly's instruction set rather than the library.
  if (native !== undefined) {
    for (const threads of [1, 2]) {
      const r = spawnSync(native, [dir, JSON.stringify({ jobs }), String(threads)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`native faer benchmark failed: ${r.stderr}`);
      for (const [k, ms] of Object.entries(JSON.parse(r.stdout).ms as Record<string, Timing>)) results.get(k)![threads === 1 ? 'nf1' : 'nf2'] = ms;
      process.stderr.write(`native faer ${threads} thread(s) done\n`);
    }
  }

  // --- ml-matrix ---
  for (const n of mlSizes) {
    const a = randomMatrix(n, n, n);
    const s = symmetric(a);
    const toMl = (m: Matrix) => new MlMatrix(Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols))));
    const [ma, ms] = [toMl(a), toMl(s)];
    const r = n <= 256 ? 7 : 1;
    results.get(`eig-${n}`)!.ml = median(() => new EigenvalueDecomposition(ma, { assumeSymmetric: false }), r);
    results.get(`eigh-${n}`)!.ml = median(() => new EigenvalueDecomposition(ms, { assumeSymmetric: true }), r);
    results.get(`svd-${n}`)!.ml = median(() => new SingularValueDecomposition(ma, { autoTranspose: true }), r);
    results.get(`pinv-${n}`)!.ml = median(() => pseudoInverse(ma), r);
    process.stderr.write(`ml-matrix ${n} done\n`);
  }

  // --- pool scaling: 16 independent eig (n = 384) on 1 vs 2 workers ---
  const batch = Array.from({ length: 16 }, (_, k) => randomMatrix(384, 384, 100 + k));
  const coresUsed = new Map<number, number>();
  const poolTime = async (threads: number) => {
    const pool = new CorePool({ threads });
    try {
      await pool.runAll(batch.slice(0, threads).map((m) => ({ op: 'eigGeneral' as const, args: [m, { inverse: false }] as [Matrix, { inverse: boolean }] }))); // warm-up
      const t = performance.now();
      const cpu0 = process.cpuUsage();
      await pool.runAll(batch.map((m) => ({ op: 'eigGeneral' as const, args: [m, { inverse: false }] as [Matrix, { inverse: boolean }] })));
      const wall = performance.now() - t;
      const cpu = process.cpuUsage(cpu0);
      // CPU time of all threads of this process / wall time = cores actually obtained
      coresUsed.set(threads, (cpu.user + cpu.system) / 1000 / wall);
      return wall;
    } finally {
      await pool.close();
    }
  };
  const pool1 = await poolTime(1);
  const pool2 = await poolTime(2);

  // --- report ---
  const np = info.numpy1 as { numpy: string; blas: string[] };
  console.log(`\nNumerical core benchmark (${quick ? 'quick' : 'full'}; ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(`core: WebAssembly (simd128) in Node ${process.version}, one thread; NumPy ${np.numpy} with BLAS ${np.blas.join(', ') || 'unknown'}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; load average at the end ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  console.log('times: medians; ratios: of the fastest runs');
  console.log('| operation | core | NumPy 1 thr | NumPy 2 thr | faer native 1 thr | faer native 2 thr | ml-matrix | core/np1 | core/np2 | core/faer1 | ml/core |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [, r] of results) {
    console.log(`| ${r.label} | ${fmt(r.core)} | ${fmt(r.np1)} | ${fmt(r.np2)} | ${fmt(r.nf1)} | ${fmt(r.nf2)} | ${fmt(r.ml)} | ${ratio(r.core, r.np1)} | ${ratio(r.core, r.np2)} | ${ratio(r.core, r.nf1)} | ${ratio(r.ml, r.core)} |`);
  }
  console.log(`\npool: 16 × eigGeneral 384×384 — 1 worker ${fmtMs(pool1)}, 2 workers ${fmtMs(pool2)}, speed-up ${(pool1 / pool2).toFixed(2)}× (cores obtained: ${coresUsed.get(1)?.toFixed(2)} and ${coresUsed.get(2)?.toFixed(2)})`);
  if (native === undefined) console.log('faer native: not run (no cargo on this machine, or --no-native)');
  if (!quick) console.log('ml-matrix above 768 skipped: O(n³) from its 768 time, one size would take tens of minutes.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
