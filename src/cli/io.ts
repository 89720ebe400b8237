/** Where a command writes and which folder relative paths start from; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  /** Environment variables (`GITHUB_TOKEN` for `history --github`); default: the process's. */
  env?: NodeJS.ProcessEnv;
}

/** The real process streams and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

/** Exit codes (SPEC §7): 0 may merge, 1 blocked, 2 could not decide (usage, config, git or evaluation error). */
export const EXIT = { success: 0, failure: 1, error: 2 } as const;
