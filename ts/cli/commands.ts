// Registry of the CLI's subcommands: one file per command under commands/.
import type { Command } from './command.ts';
import { versionCommand } from './commands/version.ts';
import { stimuliCommand } from './commands/stimuli.ts';

export const commands: Command[] = [
  versionCommand,
  stimuliCommand,
];
