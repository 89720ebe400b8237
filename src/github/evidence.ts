/**
 * Evidence lookups over the REST API (SPEC §9): each is one request (or a few pages), made only
 * when a proof's claim needs it, and cached by the evaluation. A lookup the token may not make, or
 * that fails, answers "unavailable" with the reason: the claim is then reported as not checked.
 *
 * Cost per run, at most: the head tree 1 (only for a claimed path the PR does not change), the
 * triggering issue 1, check runs and statuses 2 (only when the proof reports test results), and for
 * each stated hash that does not match head: 1 + ⌈commits/100⌉ to find the PR's commits that changed
 * the file, plus one read per such commit (at most 40 reads in all).
 */
import { DEFAULT_CONFIG } from '../config/defaults.js';
import type {
  EvidenceLookup,
  HeadChecks,
  HeadTree,
  IssueLookup,
  IssueReference,
  PullRequestCommits,
} from '../model/evidence.js';
import type { FileContent } from '../model/facts.js';
import type { PullRequestInfo, RepositoryName } from './adapter.js';
import type { GitHubClient } from './client.js';
import { fetchFileContent } from './contents.js';
import { isNotFound, MissingPermissionError, toGitHubError } from './errors.js';
import { sameRepository } from './pr-contents.js';

export interface GitHubEvidenceOptions extends RepositoryName {
  octokit: GitHubClient;
  pullNumber: number;
  /** The PR as the adapter read it (head SHA and the repository the head lives in). */
  pullRequest(): Promise<PullRequestInfo>;
}

/** `GET /pulls/{n}/commits` lists at most this many commits (GitHub REST docs). */
const PR_COMMITS_LIMIT = 250;
const PER_PAGE = 100;

export class GitHubEvidence implements EvidenceLookup {
  readonly repository: string;
  private prCommits?: Promise<string[]>;

  constructor(private readonly options: GitHubEvidenceOptions) {
    this.repository = `${options.owner}/${options.repo}`;
  }

  private get base(): RepositoryName {
    return { owner: this.options.owner, repo: this.options.repo };
  }

  /** One recursive git-trees request; a tree too large for one answer (GitHub truncates it) is unavailable. */
  async headTree(): Promise<HeadTree> {
    const { headSha } = await this.options.pullRequest();
    return this.lookup('reading the head tree', async () => {
      const { data } = await this.options.octokit.rest.git.getTree({
        ...this.base,
        tree_sha: headSha,
        recursive: 'true',
      });
      if (!Array.isArray(data?.tree)) throw new Error('the answer is not a tree');
      if (data.truncated === true) return unavailable('the head tree is too large for one API answer');
      const files: string[] = [];
      const directories: string[] = [];
      for (const entry of data.tree as { path?: unknown; type?: unknown }[]) {
        if (typeof entry?.path !== 'string') continue;
        (entry.type === 'tree' ? directories : files).push(entry.path);
      }
      return { state: 'ok', files, directories };
    });
  }

  /** The PR's commits (up to the API's 250), oldest first; with `path`, those of them that changed it. */
  async pullRequestCommits(path?: string): Promise<PullRequestCommits> {
    return this.lookup(`listing the commits of PR #${this.options.pullNumber}`, async () => {
      const commits = await this.allPullRequestCommits();
      if (path === undefined) return { state: 'ok', commits };
      const { headSha } = await this.options.pullRequest();
      const { data } = await this.options.octokit.rest.repos.listCommits({
        ...this.base,
        sha: headSha,
        path,
        per_page: PER_PAGE,
      });
      if (!Array.isArray(data)) throw new Error('the answer is not a list of commits');
      const touched = new Set(data.map((c: { sha?: unknown }) => c?.sha));
      return { state: 'ok', commits: commits.filter((sha) => touched.has(sha)) };
    });
  }

  /** The file at a commit, read through the base repository, then the head repository (a fork). */
  async readAt(commit: string, path: string): Promise<FileContent> {
    const max = DEFAULT_CONFIG.limits.max_file_bytes;
    const location = { ref: commit, path };
    const content = await fetchFileContent(this.options.octokit, { ...this.base, ...location }, max);
    if (content.state !== 'absent') return content;
    const { headRepository } = await this.options.pullRequest();
    if (sameRepository(headRepository, this.base)) return content;
    return fetchFileContent(this.options.octokit, { ...headRepository, ...location }, max);
  }

  /** `GET /issues/{n}`: a pull request carries `pull_request`. Another repository's 404 may be a private one. */
  async issue(reference: IssueReference): Promise<IssueLookup> {
    const written = (reference.repository ?? this.repository).split('/');
    const ours = written.join('/').toLowerCase() === this.repository.toLowerCase();
    // GitHub matches names case-insensitively; ours is asked for as the workflow names it.
    const [owner = '', repo = ''] = ours ? [this.options.owner, this.options.repo] : written;
    const name = `${ours ? '' : `${owner}/${repo}`}#${reference.number}`;
    return this.lookup(`reading issue ${name}`, async () => {
      try {
        const { data } = await this.options.octokit.rest.issues.get({
          owner,
          repo,
          issue_number: reference.number,
        });
        if (typeof data?.number !== 'number') throw new Error('the answer is not an issue');
        return { state: data.pull_request ? 'pull_request' : 'issue' };
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (isNotFound(error) || status === 410) {
          return ours ? { state: 'absent' } : unavailable(`${owner}/${repo} is not visible to this token`);
        }
        throw error;
      }
    });
  }

  /**
   * Names of the check runs and commit statuses on the head commit (first 100 of each: enough to find
   * one that runs tests). Check runs need `checks: read`; without it this is unavailable.
   */
  async headChecks(): Promise<HeadChecks> {
    const { headSha } = await this.options.pullRequest();
    return this.lookup('reading the check runs of the head commit', async () => {
      const { octokit } = this.options;
      const [runs, statuses] = await Promise.all([
        octokit.rest.checks.listForRef({ ...this.base, ref: headSha, per_page: PER_PAGE }),
        octokit.rest.repos.getCombinedStatusForRef({ ...this.base, ref: headSha, per_page: PER_PAGE }),
      ]);
      const runNames = Array.isArray(runs.data?.check_runs)
        ? runs.data.check_runs.map((r) => r?.name)
        : undefined;
      const contexts = Array.isArray(statuses.data?.statuses)
        ? statuses.data.statuses.map((s) => s?.context)
        : undefined;
      if (!runNames || !contexts) throw new Error('the answer is not a list of checks');
      return {
        state: 'ok',
        names: [...runNames, ...contexts].filter((n): n is string => typeof n === 'string'),
      };
    });
  }

  private allPullRequestCommits(): Promise<string[]> {
    this.prCommits ??= (async () => {
      const { octokit } = this.options;
      const shas: string[] = [];
      const pages = octokit.paginate.iterator(octokit.rest.pulls.listCommits, {
        ...this.base,
        pull_number: this.options.pullNumber,
        per_page: PER_PAGE,
      });
      let read = 0;
      for await (const { data } of pages) {
        if (!Array.isArray(data)) throw new Error('the answer is not a list of commits');
        shas.push(
          ...data.map((c: { sha?: unknown }) => c?.sha).filter((s): s is string => typeof s === 'string'),
        );
        // GitHub lists at most 250 commits; a `next` link past that is not followed.
        read += 1;
        if (read > PR_COMMITS_LIMIT / PER_PAGE) break;
      }
      return shas;
    })();
    return this.prCommits;
  }

  /** Runs a lookup; a refused permission or an API failure becomes "unavailable" with the reason. */
  private async lookup<T>(
    operation: string,
    run: () => Promise<T | { state: 'unavailable'; reason: string }>,
  ) {
    try {
      return await run();
    } catch (error) {
      const failure = toGitHubError(error, operation);
      if (failure instanceof MissingPermissionError) {
        return unavailable(`the token may not do this (${failure.message}); ${permissionHint(operation)}`);
      }
      return unavailable(failure.message);
    }
  }
}

function permissionHint(operation: string): string {
  if (operation.includes('check runs')) return 'grant `checks: read` in the workflow';
  if (operation.startsWith('reading issue')) return 'grant `issues: read` in the workflow';
  return 'check the workflow permissions';
}

function unavailable(reason: string): { state: 'unavailable'; reason: string } {
  return { state: 'unavailable', reason };
}
