/**
 * Temporary git repositories for tests: create one with files, commit, branch, rename, clone (bare
 * or not), and remove them all at the end.
 *
 *   const repo = createRepo({ files: { 'README.md': '# hi\n' } });   // on `main`, one commit
 *   repo.branch('feature/x');
 *   repo.commit('add proof', { 'docs/PREHANDOVER.md': '…', 'old.txt': null });   // null deletes
 *   afterAll(removeTempRepos);
 *
 * Git runs with an isolated config (no global/system settings, no signing, no hooks) and a fixed
 * author, so tests behave the same on every machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** File content to write; `null` deletes the file. */
export type FileSpec = string | Uint8Array | null;

export interface TempRepo {
  /** Absolute path: the work tree, or the repository itself when bare. */
  readonly dir: string;
  /** Runs git in the repository and returns its stdout without the trailing newline. */
  git(...args: string[]): string;
  /** Writes (or with `null` deletes) files in the work tree, creating folders as needed; nothing is staged. */
  write(files: Record<string, FileSpec>): void;
  /** `git mv from to` (staged; the next commit records the rename). */
  rename(from: string, to: string): void;
  /** Writes `files`, stages everything and commits; returns the new commit's SHA. */
  commit(message: string, files?: Record<string, FileSpec>): string;
  /** Creates a branch at `from` (default: the current commit) and checks it out. */
  branch(name: string, from?: string): void;
  checkout(ref: string): void;
  /** The full SHA of `ref` (default HEAD). */
  sha(ref?: string): string;
}

const created: string[] = [];

/** Environment for the helper's own git calls (the code under test sets its own). */
function env(): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test Agent',
    GIT_AUTHOR_EMAIL: 'agent@example.com',
    GIT_COMMITTER_NAME: 'Test Agent',
    GIT_COMMITTER_EMAIL: 'agent@example.com',
    GIT_TERMINAL_PROMPT: '0',
  };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete result[name];
  return result;
}

function run(cwd: string, args: string[]): string {
  const out = execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd,
    env: env(),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.replace(/\n$/, '');
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `merge-gate-${prefix}-`));
  created.push(dir);
  return dir;
}

function wrap(dir: string): TempRepo {
  const repo: TempRepo = {
    dir,
    git: (...args) => run(dir, args),
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        const file = join(dir, path);
        if (content === null) {
          rmSync(file, { force: true });
        } else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, content);
        }
      }
    },
    rename(from, to) {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      run(dir, ['mv', '--', from, to]);
    },
    commit(message, files = {}) {
      repo.write(files);
      run(dir, ['add', '-A']);
      run(dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', message]);
      return repo.sha();
    },
    branch(name, from) {
      run(dir, ['checkout', '-q', '-b', name, ...(from ? [from] : [])]);
    },
    checkout(ref) {
      run(dir, ['checkout', '-q', ref]);
    },
    sha: (ref = 'HEAD') => run(dir, ['rev-parse', '--verify', `${ref}^{commit}`]),
  };
  return repo;
}

/** A new repository on `branch` (default `main`) with one commit holding `files` (may be empty). */
export function createRepo(
  options: { branch?: string; files?: Record<string, FileSpec>; message?: string } = {},
): TempRepo {
  const dir = tempDir('repo');
  run(dir, ['init', '-q', '-b', options.branch ?? 'main']);
  const repo = wrap(dir);
  repo.commit(options.message ?? 'initial commit', options.files ?? {});
  return repo;
}

/**
 * A clone of `source` (its branches become `origin/*`, `origin/HEAD` is set); `bare: true` for a bare
 * one; `depth` for a shallow one (give `source` as a `file://` URL, or git ignores the depth).
 */
export function cloneRepo(
  source: TempRepo | string,
  options: { bare?: boolean; depth?: number } = {},
): TempRepo {
  const from = typeof source === 'string' ? source : source.dir;
  const dir = join(tempDir(options.bare ? 'bare' : 'clone'), options.bare ? 'repo.git' : 'repo');
  const flags = [...(options.bare ? ['--bare'] : []), ...(options.depth ? [`--depth=${options.depth}`] : [])];
  run(tmpdir(), ['clone', '-q', ...flags, '--', from, dir]);
  return wrap(dir);
}

/** Deletes every repository this helper created (call from `afterAll`). */
export function removeTempRepos(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A temporary git repository holding a recorded PR (`__fixtures__/prs/<name>`): `main` with a README,
 * then `headRef` adding every file of the fixture's `head/` folder (so every changed file has content).
 */
export function gitRepoFromFixture(
  fixtureDir: string,
  headRef: string,
  baseFiles: Record<string, FileSpec> = {},
): { repo: TempRepo; base: string; head: string } {
  const repo = createRepo({ files: { 'README.md': '# base\n', ...baseFiles } });
  const base = repo.sha();
  repo.branch(headRef);
  const root = join(fixtureDir, 'head');
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path);
    }
  };
  walk(root);
  const head = repo.commit('the pull request', files);
  return { repo, base, head };
}
