import { parseCommandArgs, type Command } from '../command.ts';
import { packageVersion } from '../../version.ts';
import { loadCore } from '../../core/index.ts';

export const versionCommand: Command = {
  name: 'version',
  summary: 'print the package version and the WASM core version',
  usage: 'illusion-lab version\n\nPrints the versions of the package and of its WebAssembly core.',
  async run(argv) {
    parseCommandArgs('version', { options: {} }, argv); // no options: anything else is an error
    const core = await loadCore();
    process.stdout.write(`illusion-lab ${packageVersion()} (core ${core.coreVersion()}, WebAssembly simd128)\n`);
  },
};
