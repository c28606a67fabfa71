// Benchmark of the main job: `illusion-lab run` on the built-in defaults with the models already trained,
// from an empty cache, timed end to end (process start to exit) against the issue's budget of 10 minutes
// on 2 CPU cores. Prints medians over --repeat runs, the ratio to the budget, and where the time went.
//   npm run bench:study [-- --repeat N] [-- --config FILE]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { repeat: { type: 'string' }, config: { type: 'string' } } });
const repeat = Math.max(1, Number(values.repeat ?? 1));
const BUDGET_S = 600;
const cli = join(import.meta.dirname, '..', 'dist', 'ts', 'cli', 'main.js');
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const walls: number[] = [];
let last: any;
for (let i = 0; i < repeat; i++) {
  const out = mkdtempSync(join(tmpdir(), 'illusion-bench-'));
  const args = [cli, 'run', '--out', out, '--fresh', ...(values.config ? ['--config', values.config] : [])];
  const t0 = performance.now();
  execFileSync('node', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  walls.push((performance.now() - t0) / 1000);
  last = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
}
const wall = median(walls);
const eig = last.models.reduce((s: number, m: any) => s + m.eigen.seconds, 0);
const jac = last.models.reduce((s: number, m: any) => s + m.linearisation.jacobianSeconds, 0);
const large = last.large ? last.large.eigen.seconds : 0;
const methods = last.methods ? last.methods.autogradRows.seconds + last.methods.regression.seconds + last.methods.finiteDifferences.seconds + last.methods.shift.seconds : 0;
console.log(`illusion-lab run (default configuration, models trained, empty cache) on ${availableParallelism()} cores (${cpus()[0]?.model}), backend ${last.provenance.backend}`);
console.log(`  networks ${last.models.length}, stimuli ${last.models[0].physiology.length}, runs ${repeat}`);
console.log(`  wall time, median        ${wall.toFixed(1)} s   (runs: ${walls.map((w) => w.toFixed(1)).join(', ')})`);
console.log(`  budget                   ${BUDGET_S} s   ratio wall/budget = ${(wall / BUDGET_S).toFixed(2)}  ${wall <= BUDGET_S ? 'within budget' : 'OVER BUDGET'}`);
console.log(`  of which: eigen-decompositions ${last.models[0].eigen.eigenvalues.re.length}-dim ×${last.models.length} ${eig.toFixed(1)} s; ` +
  `${last.large ? `${last.large.eigen.eigenvalues.re.length}-dim ${large.toFixed(1)} s; ` : ''}Jacobians ${jac.toFixed(2)} s; method comparison ${methods.toFixed(1)} s; study total ${last.seconds.toFixed(1)} s`);
