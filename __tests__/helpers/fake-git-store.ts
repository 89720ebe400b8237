/**
 * The fake GitHub's view of git repositories on disk: a PR's changed files, file contents at a
 * commit, and merge bases. What a repository holds at a commit SHA never changes, so each changed-file
 * list and blob is read once per test file, for all the fakes that serve it (a suite serves the same
 * PR to a new fake in every test).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ChangedFile } from '../../src/model/facts.js';
import { LocalGitSource } from '../../src/sources/local-git.js';

const execFileAsync = promisify(execFile);

/** A PR's commits and changed files, as `git diff base...head` gives them. */
export interface ChangesFromGit {
  headSha: string;
  baseSha: string;
  files: ChangedFile[];
}

const changes = new Map<string, Promise<ChangesFromGit>>();
const blobs = new Map<string, Promise<Uint8Array | undefined>>();

/**
 * The changed files of `base...head` in `gitDir`, listed by the local git source (an
 * implementation independent of the action's API adapter), with patches.
 */
export function changedFilesFromGit(
  gitDir: string,
  base: string,
  head: string,
  headRef: string,
): Promise<ChangesFromGit> {
  const key = `${gitDir}@${base}...${head}`;
  let listed = changes.get(key);
  if (!listed) {
    listed = listChanges(gitDir, base, head, headRef);
    changes.set(key, listed);
  }
  return listed;
}

async function listChanges(
  gitDir: string,
  base: string,
  head: string,
  headRef: string,
): Promise<ChangesFromGit> {
  const source = new LocalGitSource({ repo: gitDir, base, head, headRef });
  try {
    const facts = await source.facts();
    return { headSha: facts.headSha, baseSha: facts.baseSha, files: facts.changedFiles };
  } finally {
    await source.close();
  }
}

async function readBlob(gitDir: string, sha: string, path: string): Promise<Uint8Array | undefined> {
  try {
    const { stdout } = await execFileAsync('git', ['cat-file', 'blob', `${sha}:${path}`], {
      cwd: gitDir,
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch {
    return undefined;
  }
}

/** Which repository on disk answers for which `owner/repo`. */
export class GitRepositories {
  private readonly dirs = new Map<string, string>();

  serve(repository: string, gitDir: string): void {
    this.dirs.set(repository, gitDir);
  }

  dirOf(repository: string): string | undefined {
    return this.dirs.get(repository);
  }

  /** The file at a commit SHA (never a branch name: those move), or undefined when git has none. */
  blobAt(repository: string, sha: string, path: string): Promise<Uint8Array | undefined> {
    const gitDir = this.dirs.get(repository);
    if (!gitDir || !/^[0-9a-f]{40}$/.test(sha)) return Promise.resolve(undefined);
    const key = `${gitDir}@${sha}:${path}`;
    let blob = blobs.get(key);
    if (!blob) {
      blob = readBlob(gitDir, sha, path);
      blobs.set(key, blob);
    }
    return blob;
  }

  /** `git merge-base base head`, or undefined when git does not serve the repository or has no answer. */
  async mergeBase(repository: string, base: string, head: string): Promise<string | undefined> {
    const gitDir = this.dirs.get(repository);
    if (!gitDir) return undefined;
    try {
      const { stdout } = await execFileAsync('git', ['merge-base', base, head], { cwd: gitDir });
      return stdout.trim() || undefined;
    } catch {
      return undefined;
    }
  }
}
