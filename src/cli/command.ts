import type { CliIo } from './io.js';

/** One `merge-gate <name>` command: its help and what it does. */
export interface Command {
  name: string;
  /** One line for the command list in `merge-gate --help`. */
  summary: string;
  /** The full text printed by `merge-gate <name> --help`, ending with a newline. */
  usage: string;
  /** Runs with the arguments after the command name; returns the exit code, throws for usage/config/git errors. */
  run(args: string[], io: CliIo): Promise<number>;
}
