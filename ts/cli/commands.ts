// Registry of the CLI's subcommands: one file per command under commands/.
import type { Command } from './command.ts';
import { versionCommand } from './commands/version.ts';
import { runCommand } from './commands/run.ts';
import { eigenCommand, jacobianCommand, matchCommand, physiologyCommand } from './commands/experiments.ts';
import { stimuliCommand } from './commands/stimuli.ts';
import { dataCommand } from './commands/data.ts';
import { trainCommand } from './commands/train.ts';
import { evalCommand } from './commands/eval.ts';
import { serveCommand } from './commands/serve.ts';

export const commands: Command[] = [
  runCommand,
  physiologyCommand,
  matchCommand,
  jacobianCommand,
  eigenCommand,
  versionCommand,
  stimuliCommand,
  dataCommand,
  trainCommand,
  evalCommand,
  serveCommand,
];
