import { ConfigError } from '../config/errors.js';
import { FixtureError } from '../sources/fixture.js';
import { GitError } from '../sources/git-process.js';
import { HistoryError } from '../history/errors.js';
import { EXIT, type CliIo } from './io.js';
import { UsageError } from './args.js';

/** An expected failure the user can fix (a file that cannot be read, a bad combination): message only, exit 2. */
export class CliError extends Error {
  override name = 'CliError';
}

/**
 * Prints an error the way its kind deserves and returns exit code 2 ("could not decide", SPEC §7):
 * usage errors followed by the command's usage, config errors with every problem's key path and line,
 * git and fixture errors with what failed, anything else as unexpected (with its stack).
 */
export function reportError(error: unknown, io: CliIo, usage: string): number {
  const write = (text: string) => io.stderr.write(`${text}\n`);
  if (error instanceof UsageError) {
    write(`merge-gate: ${error.message}\n`);
    io.stderr.write(usage);
  } else if (error instanceof ConfigError) {
    // The message lists every problem with its key path and line.
    write(`merge-gate: ${error.message}`);
  } else if (
    error instanceof GitError ||
    error instanceof FixtureError ||
    error instanceof CliError ||
    error instanceof HistoryError
  ) {
    write(`merge-gate: ${error.message}`);
  } else {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    write(`merge-gate: unexpected error: ${text}`);
  }
  return EXIT.error;
}
