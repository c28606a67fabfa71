// The shape of a CLI subcommand, and argument parsing that turns every bad option into a UserError.
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
    const msg = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
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
