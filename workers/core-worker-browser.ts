// Browser web-worker entry for the WebAssembly core (comlink): the implementation is the page's worker,
// ts/web/page/core-worker.ts, which imports the core's loader and op registry directly (the package's
// core index also exports the Node-only piscina pool). Use it through a bundler, or as the page build
// does, with the bare 'comlink' import linked to its ESM file (module workers see no import map):
//   const core = Comlink.wrap(new Worker(new URL('./core-worker-browser.js', import.meta.url), { type: 'module' }));
//   await core.run('eigGeneral', [matrix]);
import '../ts/web/page/core-worker.ts';
export type { PageCoreApi as BrowserCoreApi } from '../ts/web/page/core-worker.ts';
