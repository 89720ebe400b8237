import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileContent, FileReader, PullRequestFacts } from '../model/facts.js';
import type { PullRequestSource, ReaderOptions } from './source.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { tooLarge } from '../config/limits.js';
import { decodeText } from './decode.js';
import { CatFileBatch } from './git-cat-file.js';
import { changedFilesFrom, parseNameStatus, parseNumstat, splitPatches } from './git-diff.js';
import { GitError, runGit } from './git-process.js';
import { LocalGitEvidence } from './local-evidence.js';

export { GitError } from './git-process.js';

/** Where and what to compare; everything but `repo` has a default (SPEC §7). */
export interface LocalGitOptions {
  /** A work tree or a bare repository. */
  repo: string;
  /** Default: the first of `origin/HEAD`, `main`, `master` that exists. */
  base?: string;
  /** Default: `HEAD`. */
  head?: string;
  /** The PR head branch name the proof's `Branch` must equal. Default: head's branch name, else ''. */
  headRef?: string;
  labels?: string[];
  /** Default: the head commit's author email (diagnostics only: SPEC §1, roles never come from it). */
  author?: string;
  /**
   * A `git cat-file --batch` process of the same repository shared with other sources (`merge-gate
   * history` reads every PR through one). Its owner closes it; `close()` here leaves it running.
   */
  batch?: CatFileBatch;
  /**
   * The commits, already resolved by the caller to full SHAs (`merge-gate history` lists them from
   * `git log`): the source then starts no process to resolve `base`, `head` and their merge base.
   * `headRef` and `baseRef` default to '' and the base SHA, what resolving SHAs would give.
   */
  commits?: { baseSha: string; headSha: string; mergeBase: string };
}

/** The commits a run compares, resolved once. */
interface Resolved {
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  mergeBase: string;
}

/** Where the default branch is looked for, in order. */
export const DEFAULT_BASES = ['origin/HEAD', 'main', 'master'];

/**
 * Flags every diff shares: the same rename detection and order in all three listings, no external
 * drivers, and user settings that would change the patch layout (colour, `diff.submodule=log`) overridden.
 */
const DIFF_FLAGS = [
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--no-relative',
  '--submodule=short',
  '-M',
];

/**
 * A pull request made of two commits of a local repository: what `git diff base...head` changes,
 * read at head. Only git plumbing runs; nothing from the repository executes (no hooks, no scripts).
 * Reads go through one long-lived `git cat-file --batch`: call `close()` when done.
 */
export class LocalGitSource implements PullRequestSource {
  private readonly repo: string;
  private readonly batch: CatFileBatch;
  private readonly ownsBatch: boolean;
  private resolvedPromise?: Promise<Resolved>;
  private factsPromise?: Promise<PullRequestFacts>;

  constructor(private readonly options: LocalGitOptions) {
    this.repo = resolve(options.repo);
    this.ownsBatch = options.batch === undefined;
    this.batch = options.batch ?? new CatFileBatch(this.repo);
  }

  facts(): Promise<PullRequestFacts> {
    this.factsPromise ??= this.readFacts();
    return this.factsPromise;
  }

  /** Files at the head commit, read lazily through the batch process and cached. */
  reader({ maxFileBytes = DEFAULT_CONFIG.limits.max_file_bytes }: ReaderOptions = {}): FileReader {
    return this.cachedReader((path) =>
      this.resolved().then((r) => this.readAt(r.headSha, path, maxFileBytes)),
    );
  }

  /** Files at the merge base of base and head (what the patches compare against), lazily and cached. */
  mergeBaseReader({ maxFileBytes = DEFAULT_CONFIG.limits.max_file_bytes }: ReaderOptions = {}): FileReader {
    return this.cachedReader((path) =>
      this.resolved().then((r) => this.readAt(r.mergeBase, path, maxFileBytes)),
    );
  }

  /** The config file on the base branch tip (not the merge base: the current policy governs). */
  async baseConfigText(path: string): Promise<string | undefined> {
    const { baseSha, baseRef } = await this.resolved();
    const content = await this.readAt(baseSha, path, DEFAULT_CONFIG.limits.max_file_bytes);
    if (content.state === 'absent') return undefined;
    if (content.state !== 'ok') throw new GitError(`${path} on ${baseRef} cannot be read: ${content.reason}`);
    return content.text;
  }

  /** Lookups for verifying the proof's claims (SPEC §9): head tree, commits and files from git. */
  evidence(): LocalGitEvidence {
    return new LocalGitEvidence({
      resolved: () => this.resolved(),
      git: (args, okExitCodes) => this.git(args, okExitCodes),
      readAt: (commit, path) => this.readAt(commit, path, DEFAULT_CONFIG.limits.max_file_bytes),
    });
  }

  /** Ends the batch process unless it is shared. The source can still be used afterwards (a new process starts). */
  close(): Promise<void> {
    return this.ownsBatch ? this.batch.close() : Promise.resolve();
  }

  private resolved(): Promise<Resolved> {
    this.resolvedPromise ??= this.resolve();
    return this.resolvedPromise;
  }

  private async resolve(): Promise<Resolved> {
    const known = this.options.commits;
    if (known) return { ...known, headRef: this.options.headRef ?? '', baseRef: known.baseSha };
    const isDirectory = await stat(this.repo).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDirectory) throw new GitError(`${this.repo} is not a directory`);
    await this.git(['rev-parse', '--git-dir']);

    const head = this.options.head ?? 'HEAD';
    const headSha = await this.commitOf(head);
    if (!headSha) throw new GitError(`head ${head} is not a commit in ${this.repo}`);
    const base = await this.findBase(headSha);
    const headRef = this.options.headRef ?? (await this.branchName(head));
    return { headSha, headRef, ...base };
  }

  /** The base commit and where `base...head` starts; without --base, the first default that shares history. */
  private async findBase(headSha: string): Promise<Omit<Resolved, 'headSha' | 'headRef'>> {
    const explicit = this.options.base;
    for (const ref of explicit !== undefined ? [explicit] : DEFAULT_BASES) {
      const baseSha = await this.commitOf(ref);
      if (!baseSha) continue;
      const mergeBase = await this.mergeBaseOf(baseSha, headSha);
      if (mergeBase) return { baseSha, mergeBase, baseRef: (await this.branchName(ref)) || ref };
      if (explicit !== undefined)
        throw new GitError(`base ${explicit} and the head commit have no common ancestor`);
    }
    if (explicit !== undefined) throw new GitError(`base ${explicit} is not a commit in ${this.repo}`);
    throw new GitError(
      `no base branch: none of ${DEFAULT_BASES.join(', ')} shares history with the head commit; pass --base REF`,
    );
  }

  private async mergeBaseOf(a: string, b: string): Promise<string | undefined> {
    const result = await this.git(['merge-base', a, b], [1]);
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  /** The commit a ref names, or undefined when it names none. */
  private async commitOf(ref: string): Promise<string | undefined> {
    // A ref is never an option; later commands (rev-parse --symbolic-full-name) cannot be told so.
    if (ref.startsWith('-')) throw new GitError(`${ref} is not a valid ref`);
    const result = await this.git(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
      [1, 128],
    );
    const sha = result.stdout.toString('utf8').trim();
    return result.exitCode === 0 && sha ? sha : undefined;
  }

  /** `feature/x` for `refs/heads/feature/x` and `refs/remotes/origin/feature/x`; '' for tags, SHAs, detached HEAD. */
  private async branchName(ref: string): Promise<string> {
    const result = await this.git(['rev-parse', '--symbolic-full-name', ref], [1, 128]);
    const full = result.exitCode === 0 ? result.stdout.toString('utf8').trim() : '';
    if (full.startsWith('refs/heads/')) return full.slice('refs/heads/'.length);
    const remote = /^refs\/remotes\/[^/]+\/(.+)$/.exec(full);
    return remote?.[1] ?? '';
  }

  private async readFacts(): Promise<PullRequestFacts> {
    const r = await this.resolved();
    const range = [r.mergeBase, r.headSha];
    // Three processes however many files change: listing, line counts, patches (matched by position).
    const [nameStatus, numstat, patch, commit] = await Promise.all([
      this.git(['diff', ...DIFF_FLAGS, '-z', '--name-status', ...range]),
      this.git(['diff', ...DIFF_FLAGS, '-z', '--numstat', ...range]),
      this.git(['diff', ...DIFF_FLAGS, '-U0', ...range]),
      this.git(['log', '-1', '--no-show-signature', '--format=%ae%x00%an%x00%s%x00%b', r.headSha]),
    ]);
    const [email = '', name = '', subject = '', body = ''] = commit.stdout.toString('utf8').split('\0');
    return {
      title: subject,
      body: body.trim(),
      draft: false,
      author: this.options.author ?? (email || name),
      labels: this.options.labels ?? [],
      headRef: r.headRef,
      headSha: r.headSha,
      baseRef: r.baseRef,
      baseSha: r.baseSha,
      isFork: false,
      changedFiles: changedFilesFrom(
        parseNameStatus(nameStatus.stdout.toString('utf8')),
        parseNumstat(numstat.stdout.toString('utf8')),
        splitPatches(patch.stdout.toString('utf8')),
      ),
    };
  }

  private async readAt(commit: string, path: string, maxFileBytes: number): Promise<FileContent> {
    const name = `${commit}:${path}`;
    if (name.includes('\n')) return this.readOne(name, maxFileBytes);
    const object = await this.batch.read(name, maxFileBytes);
    // A directory or a submodule is not a file the checks can read.
    if (!object.found || object.type !== 'blob') return { state: 'absent' };
    if (!object.content) return tooLarge(object.size, maxFileBytes);
    return decodeText(object.content, maxFileBytes);
  }

  /** The rare path the line-based batch protocol cannot carry (it contains a newline). */
  private async readOne(name: string, maxFileBytes: number): Promise<FileContent> {
    const type = await this.git(['cat-file', '-t', '--end-of-options', name], [128]);
    if (type.exitCode !== 0 || type.stdout.toString('utf8').trim() !== 'blob') return { state: 'absent' };
    return decodeText((await this.git(['cat-file', 'blob', '--end-of-options', name])).stdout, maxFileBytes);
  }

  private cachedReader(read: (path: string) => Promise<FileContent>): FileReader {
    const cache = new Map<string, Promise<FileContent>>();
    return {
      read: (path) => {
        let content = cache.get(path);
        if (!content) {
          content = read(path);
          cache.set(path, content);
        }
        return content;
      },
    };
  }

  private git(args: string[], okExitCodes: number[] = []) {
    return runGit(this.repo, args, { okExitCodes });
  }
}
