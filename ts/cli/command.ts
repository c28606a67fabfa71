// The shape of a CLI subcommand, and argument parsing that turns every bad option into a UserError.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../util/errors.ts';

export interface Command {
  name: string;
  summary: string;
  /** full help text, printed by `illusion-lab NAME --help` */
  usage: string;
  run(argv: string[]): Promise<void>;
}

/**
 * Parse argv against a parseArgs config (strict). Usage:
 *   const { values } = parseCommandArgs('train', { options: { seed: { type: 'string' } } }, argv);
 */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T, argv: string[]): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, ...config, args: argv });
  } catch (e) {
    let msg = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    const ambiguous = msg.match(/Option '([^']+)' argument is ambiguous/);
    if (ambiguous) msg = `${ambiguous[1].split(',').pop()!.trim().split(' ')[0]}: a value starting with '-' must be written as --option=VALUE`;
    msg = msg.split('\n')[0];
    throw new UserError(`${command}: ${msg} (see illusion-lab ${command} --help)`);
  }
}

/** Parse a numeric option, naming the option in the error. */
export function numberOption(name: string, value: string | undefined, fallback: number,
  check: { min?: number; max?: number; integer?: boolean } = {}): number {
  if (value === undefined) return fallback;
  const v = Number(value);
  if (value.trim() === '' || !Number.isFinite(v)) throw new UserError(`--${name}: "${value}" is not a number`);
  if (check.integer && !Number.isInteger(v)) throw new UserError(`--${name}: "${value}" is not a whole number`);
  if (check.min !== undefined && v < check.min) throw new UserError(`--${name}: ${v} is below the minimum ${check.min}`);
  if (check.max !== undefined && v > check.max) throw new UserError(`--${name}: ${v} is above the maximum ${check.max}`);
  return v;
}

export function choiceOption<T extends string>(name: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UserError(`--${name}: "${value}" is not one of ${choices.join(', ')}`);
  }
  return value as T;
}

/** An output file option: it must not be a folder, and its folder must be creatable (checked before any work). */
export function checkOutputFile(option: string, path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new UserError(`--${option} ${path}: is a folder, expected a file path`);
  let d = dirname(path);
  while (!existsSync(d)) d = dirname(d);
  if (!statSync(d).isDirectory()) throw new UserError(`--${option} ${path}: ${d} is a file, not a folder`);
}

/** An output folder option: it may exist (as a folder) or be created; a file there is an error. */
export function checkOutputDir(option: string, path: string): void {
  if (existsSync(path) && !statSync(path).isDirectory()) throw new UserError(`--${option} ${path}: exists and is not a folder`);
  let d = dirname(path);
  while (!existsSync(d)) d = dirname(d);
  if (!statSync(d).isDirectory()) throw new UserError(`--${option} ${path}: ${d} is a file, not a folder`);
}
