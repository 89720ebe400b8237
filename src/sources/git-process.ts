import { spawn, type ChildProcess } from 'node:child_process';

/** A git command that failed or could not start; the message says which command and why. */
export class GitError extends Error {
  override name = 'GitError';
}

/**
 * Options put before every git command. Merge Gate never runs code from the repository it reads
 * (SPEC §2): only plumbing-like reads, no external diff or textconv drivers, no fsmonitor hook.
 */
const SAFE_OPTIONS = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null'];

/** Output cap: a 3000-file diff is a few MB; anything near this is a runaway, not a pull request. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/** The environment git runs in: never prompt for credentials, never take a lock, ignore an inherited GIT_DIR. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
  // Set when running inside a git hook; it would point every command at another repository.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_PREFIX']) {
    delete env[name];
  }
  return env;
}

/** Starts `git <args>` in `repo` with an argument array (never a shell string). */
export function spawnGit(repo: string, args: readonly string[]): ChildProcess {
  return spawn('git', [...SAFE_OPTIONS, ...args], {
    cwd: repo,
    env: gitEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface GitResult {
  stdout: Buffer;
  exitCode: number;
}

/**
 * Runs one git command to completion and returns its output.
 * Exit codes other than 0 (and those listed in `okExitCodes`) reject with a GitError quoting stderr.
 */
export function runGit(
  repo: string,
  args: readonly string[],
  options: { okExitCodes?: number[] } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(repo, args);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) {
        child.kill();
        reject(new GitError(`${describe(args)} printed more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MB`));
        return;
      }
      stdout.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin?.end();
    child.on('error', (error) => reject(startError(error)));
    child.on('close', (code) => {
      const exitCode = code ?? -1;
      if (exitCode === 0 || options.okExitCodes?.includes(exitCode)) {
        resolve({ stdout: Buffer.concat(stdout), exitCode });
      } else {
        reject(failure(args, exitCode, Buffer.concat(stderr).toString('utf8')));
      }
    });
  });
}

/** The error for a git process that exited badly, quoting the first lines of what git said. */
export function failure(args: readonly string[], exitCode: number, stderr: string): GitError {
  const said = stderr.trim().split('\n').slice(0, 3).join(' / ');
  return new GitError(`${describe(args)} failed (exit ${exitCode})${said ? `: ${said}` : ''}`);
}

/** The error for a git process that could not start at all. */
export function startError(error: NodeJS.ErrnoException): GitError {
  if (error.code === 'ENOENT') return new GitError('git is not installed or not on PATH');
  return new GitError(`could not run git: ${error.message}`);
}

function describe(args: readonly string[]): string {
  return `git ${args.filter((arg) => arg !== '--end-of-options').join(' ')}`;
}
