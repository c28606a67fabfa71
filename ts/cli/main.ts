#!/usr/bin/env node
// illusion-lab command-line entry point. Errors from bad input are printed as one line; exit status 2.
import { commands } from './commands.ts';
import { UserError, errorMessage } from '../util/errors.ts';
import { packageVersion } from '../version.ts';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `illusion-lab ${packageVersion()} — artificial psychophysics of neural networks`,
    '',
    'Usage: illusion-lab <command> [options]    (illusion-lab <command> --help for its options)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) throw new UserError(`unknown command "${name}" (run illusion-lab --help for the list)`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.usage + '\n');
    return 0;
  }
  await cmd.run(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (e instanceof UserError) {
      process.stderr.write(`illusion-lab: error: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`illusion-lab: internal error: ${errorMessage(e)}\n`);
      if (process.env.ILLUSION_LAB_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
      else process.stderr.write('(set ILLUSION_LAB_DEBUG=1 for the stack trace; please report it)\n');
      process.exitCode = 1;
    }
  },
);
