/**
 * Where a pull request's files are read (SPEC §2): at the head commit through the BASE repository,
 * which holds a fork PR's head commit too (`refs/pull/N/head`), because the base repository's
 * token often cannot read a private fork; the head repository only when the base answers 404.
 * The merge base, for added lines where a patch is missing (SPEC §8.14), is looked up only when
 * first needed.
 */
import type { FileContent, FileReader } from '../model/facts.js';
import type { RepositoryName } from './adapter.js';
import type { GitHubClient } from './client.js';
import { fetchFileContent } from './contents.js';
import { toGitHubError } from './errors.js';

/** What the readers need to know of the PR (fetched once by the adapter). */
export interface PullRequestCommits {
  headSha: string;
  baseSha: string;
  /** Where the head branch lives: the fork for a fork PR, the base repository otherwise or when the fork is deleted. */
  headRepository: RepositoryName;
}

/** Whether two names are one repository: GitHub matches owner and repository names without case. */
export const sameRepository = (a: RepositoryName, b: RepositoryName): boolean =>
  a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();

const SHA = /^[0-9a-f]{40}$/;

/** Lazy, cached readers of one PR's files, at its head commit and at its merge base. */
export class PullRequestContents {
  private readonly cache = new Map<string, Promise<FileContent>>();
  private mergeBase?: Promise<string>;

  constructor(
    private readonly octokit: GitHubClient,
    private readonly base: RepositoryName,
    private readonly commits: () => Promise<PullRequestCommits>,
  ) {}

  /**
   * Files at the head SHA: base repository first (for a same-repository PR, the only request);
   * on a 404, a fork's own repository. What neither serves reads as absent, and the evaluation
   * turns a changed file that reads as absent into an error naming it.
   */
  headReader(maxBytes: number): FileReader {
    return this.cached('head', maxBytes, async (path) => {
      const pr = await this.commits();
      const location = { ref: pr.headSha, path };
      const fromBase = await fetchFileContent(this.octokit, { ...this.base, ...location }, maxBytes);
      if (fromBase.state !== 'absent' || sameRepository(pr.headRepository, this.base)) return fromBase;
      return fetchFileContent(this.octokit, { ...pr.headRepository, ...location }, maxBytes);
    });
  }

  /**
   * Files at the merge base of the PR's base and head, the commit the files API's patches compare
   * against, through the base repository (the merge base is on the base branch). The merge base is
   * asked of the compare API on the first read, so a run whose patches are all there never asks.
   */
  mergeBaseReader(maxBytes: number): FileReader {
    return this.cached('merge base', maxBytes, async (path) => {
      const ref = await this.mergeBaseSha();
      return fetchFileContent(this.octokit, { ...this.base, ref, path }, maxBytes);
    });
  }

  /** The merge base, fetched once (`GET /repos/{base}/compare/{base_sha}...{head_sha}`). */
  private mergeBaseSha(): Promise<string> {
    this.mergeBase ??= this.fetchMergeBase();
    return this.mergeBase;
  }

  private async fetchMergeBase(): Promise<string> {
    const pr = await this.commits();
    let data: unknown;
    try {
      // One commit a page: only `merge_base_commit` is read, not the list of commits.
      ({ data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
        ...this.base,
        basehead: `${pr.baseSha}...${pr.headSha}`,
        per_page: 1,
      }));
    } catch (error) {
      throw toGitHubError(error, 'finding the merge base');
    }
    const sha = (data as { merge_base_commit?: { sha?: unknown } } | null)?.merge_base_commit?.sha;
    if (typeof sha !== 'string' || !SHA.test(sha)) {
      throw new Error('the compare API answered without a merge base commit');
    }
    return sha;
  }

  /** Each path read once per side and size limit; a failure to get there is `unavailable`, never absent. */
  private cached(side: string, maxBytes: number, read: (path: string) => Promise<FileContent>): FileReader {
    return {
      read: (path) => {
        const key = `${side}\0${maxBytes}\0${path}`;
        let content = this.cache.get(key);
        if (!content) {
          content = read(path).catch((error: unknown): FileContent => ({
            state: 'unavailable',
            reason: error instanceof Error ? error.message : String(error),
          }));
          this.cache.set(key, content);
        }
        return content;
      },
    };
  }
}
