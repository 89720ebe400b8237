import { COMMANDS } from './commands.js';
import { reportError } from './errors.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { VERSION } from './version.js';

/** The text of `merge-gate --help`. */
export function generalUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: merge-gate <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help  Show help (for a command: merge-gate <command> --help)',
    '  --version   Print the version',
    '',
    'Exit codes: 0 may merge, 1 blocked, 2 could not decide (usage, config, git or evaluation error).',
    '',
  ].join('\n');
}

/**
 * The `merge-gate` command line. Returns the exit code instead of exiting, so tests run it in-process
 * with their own `io`.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(generalUsage());
    return EXIT.success;
  }
  if (name === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.success;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const problem =
      name === undefined
        ? 'no command given'
        : name.startsWith('-')
          ? `unknown option "${name}"`
          : `unknown command "${name}"`;
    io.stderr.write(`merge-gate: ${problem}\n\n${generalUsage()}`);
    return EXIT.error;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return reportError(error, io, command.usage);
  }
}
