// `illusion-lab run` (= npm start): the whole study on the built-in defaults (or a JSON config), with
// progress, a report folder and the main tables printed at the end.
import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { checkOutputDir, parseCommandArgs } from '../command.ts';
import { loadConfig } from '../../study/config.ts';
import { runStudy } from '../../study/run-study.ts';
import { printTables, writeStudyReport } from '../../study/report-study.ts';
import { initBackend } from '../../tf/backend.ts';
import { formatDuration } from '../../util/progress.ts';

const usage = `illusion-lab run [--out DIR] [--config FILE] [--full] [--fresh]

Runs the whole study (SCIENCE.md): artificial physiology and psychophysics on the study's illusions,
Jacobians (autograd; regression and finite differences compared on one net), eigen-analysis, artificial
CSFs against human CSFs — on the trained networks in models/ (trained first when absent) — and writes a
report: DIR/index.html (self-contained), DIR/results.json (every number, config and provenance),
DIR/tables/*.csv, DIR/figures/*.

  --out DIR      report folder (default: report)
  --config FILE  JSON overriding any field of the default configuration (written back into results.json)
  --full         everything: sweeps and matching on every network, more natural test blocks
  --fresh        ignore the cache of an earlier run in DIR (default: resume, reusing finished steps)`;

export const runCommand: Command = {
  name: 'run',
  summary: 'run the whole study and write the report (npm start)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('run', {
      options: { out: { type: 'string' }, config: { type: 'string' }, full: { type: 'boolean' }, fresh: { type: 'boolean' } },
    }, argv);
    const outDir = resolve(values.out ?? 'report');
    checkOutputDir('out', outDir);
    const config = loadConfig(values.config, Boolean(values.full));
    const log = (line: string) => process.stderr.write(line + '\n');
    const t0 = performance.now();
    // Ctrl-C: every finished step is already in DIR/cache (written atomically); say how to resume.
    process.once('SIGINT', () => {
      process.stderr.write(`\ninterrupted: finished steps are saved in ${resolve(outDir, 'cache')}; run the same command again to resume (the step in progress restarts)\n`);
      process.exit(130);
    });
    await initBackend();
    const { results, core, nets, stimuli } = await runStudy(config, { outDir, resume: !values.fresh, log });
    try {
      log('writing the report…');
      const { index, tables } = await writeStudyReport(results, outDir, nets, stimuli);
      printTables(tables.filter((t) => ['linearisation', 'physiology-summary', 'csf-comparison', 'jacobian-methods'].includes(t.name)), (s) => process.stdout.write(s));
      process.stdout.write(`\nReport: ${index}\nResults: ${resolve(outDir, 'results.json')}\n` +
        `${results.models.length} networks, ${results.models[0]?.physiology.length ?? 0} stimuli, done in ${formatDuration((performance.now() - t0) / 1000)}.\n`);
    } finally {
      await core.close();
    }
  },
};
