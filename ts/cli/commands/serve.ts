// illusion-lab serve: build the browser page (stimuli, model read-out, WASM core in a web worker, human
// asymmetric matching) and serve it on 127.0.0.1, or only build it into a folder with --build DIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from '../command.ts';
import { numberOption, parseCommandArgs } from '../command.ts';
import { buildWebSite } from '../../web/site.ts';
import { serveFolder } from '../../web/server.ts';

const usage = `illusion-lab serve [--port N] [--models DIR]
illusion-lab serve --build DIR [--models DIR]

Builds the browser page and serves it on http://127.0.0.1:N/ until interrupted (Ctrl-C). The page generates
any catalogued stimulus, runs a trained model on it (TensorFlow.js in the page) with its Out-L/Out-R read-out,
runs eigen-decompositions and FFTs on the WebAssembly core in a web worker, and runs human asymmetric
colour matching sessions, saved as JSON and CSV beside the network's match.

Options:
  --port N       port on 127.0.0.1 (default 8080; 0 = any free port)
  --models DIR   folder of trained models (NAME/model.json + weights; default: models/ of the package)
  --build DIR    write the static page into DIR (served by any static web server) and exit`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the browser page (stimuli, model, WASM core worker, human matching) on 127.0.0.1',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('serve', {
      options: { port: { type: 'string' }, models: { type: 'string' }, build: { type: 'string' } },
    }, argv);
    const port = numberOption('port', values.port, 8080, { min: 0, max: 65535, integer: true });
    if (values.build !== undefined) {
      if (values.port !== undefined) process.stderr.write('serve: --port is ignored with --build\n');
      const s = buildWebSite({ outDir: values.build, modelsDir: values.models });
      process.stdout.write(`serve: built the page into ${s.outDir} (${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB, models: ${s.models.map((m) => m.name).join(', ') || 'none'})\n`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'illusion-lab-web-'));
    const cleanup = () => rmSync(dir, { recursive: true, force: true });
    try {
      const s = buildWebSite({ outDir: dir, modelsDir: values.models });
      const running = await serveFolder(dir, port);
      process.stdout.write(`serve: ${running.url} (models: ${s.models.map((m) => m.name).join(', ') || 'none'}; Ctrl-C to stop)\n`);
      await new Promise<void>((resolveStop) => {
        const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolveStop(); };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await running.close();
    } finally {
      cleanup();
    }
  },
};
