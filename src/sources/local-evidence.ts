/**
 * Evidence lookups of a local repository (SPEC §7, §9): the head tree, the commits between base and
 * head, and files at those commits, all with git plumbing. Issues and check runs live on GitHub: a
 * local run says it could not check them.
 */
import type {
  EvidenceLookup,
  HeadChecks,
  HeadTree,
  IssueLookup,
  PullRequestCommits,
} from '../model/evidence.js';
import type { FileContent } from '../model/facts.js';
import type { GitResult } from './git-process.js';

/** What the local source shares with its lookups. */
export interface LocalEvidenceDeps {
  /** The commits compared: `mergeBase..headSha` is the PR's history. */
  resolved(): Promise<{ headSha: string; mergeBase: string }>;
  git(args: string[], okExitCodes?: number[]): Promise<GitResult>;
  readAt(commit: string, path: string): Promise<FileContent>;
}

const NO_API = 'a local run has no GitHub API';

export class LocalGitEvidence implements EvidenceLookup {
  readonly repository = undefined;

  constructor(private readonly deps: LocalEvidenceDeps) {}

  async headTree(): Promise<HeadTree> {
    const { headSha } = await this.deps.resolved();
    // `-t` lists the directories too, so a path naming one is recognised as a directory.
    const { stdout } = await this.deps.git(['ls-tree', '-r', '-t', '-z', '--full-tree', headSha]);
    const files: string[] = [];
    const directories: string[] = [];
    for (const entry of stdout.toString('utf8').split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const type = entry.slice(0, tab).split(' ')[1];
      (type === 'tree' ? directories : files).push(entry.slice(tab + 1));
    }
    return { state: 'ok', files, directories };
  }

  async pullRequestCommits(path?: string): Promise<PullRequestCommits> {
    const { headSha, mergeBase } = await this.deps.resolved();
    const args = ['rev-list', '--reverse', `${mergeBase}..${headSha}`];
    if (path !== undefined) args.push('--', path);
    const { stdout } = await this.deps.git(args);
    return { state: 'ok', commits: stdout.toString('utf8').split('\n').filter(Boolean) };
  }

  readAt(commit: string, path: string): Promise<FileContent> {
    return this.deps.readAt(commit, path);
  }

  async issue(): Promise<IssueLookup> {
    return { state: 'unavailable', reason: NO_API };
  }

  async headChecks(): Promise<HeadChecks> {
    return { state: 'unavailable', reason: NO_API };
  }
}
