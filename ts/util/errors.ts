// A UserError is bad input from the person running a command: the CLI prints its message as one line
// (no stack trace) and exits with status 2. Anything else is a bug and is reported as such.

export class UserError extends Error {
  override name = 'UserError';
}

/** Message of any thrown value, for one-line reporting. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
