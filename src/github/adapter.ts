/**
 * The pull-request source behind the action: everything Merge Gate knows about a PR comes through
 * here, read with the API (no checkout needed, forks included) and cached for the run.
 */
import type { ChangedFile, FileReader, PullRequestFacts } from '../model/facts.js';
import type { PullRequestSource, ReaderOptions } from '../sources/source.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { diffFromCheckout } from './checkout-diff.js';
import { isTruncated, listChangedFiles } from './changed-files.js';
import type { GitHubClient } from './client.js';
import { fetchFileContent } from './contents.js';
import { GitHubApiError, TruncatedFileListError, toGitHubError } from './errors.js';
import { GitHubEvidence } from './evidence.js';
import { PullRequestContents, sameRepository } from './pr-contents.js';

export interface RepositoryName {
  owner: string;
  repo: string;
}

export interface GitHubAdapterOptions extends RepositoryName {
  octokit: GitHubClient;
  pullNumber: number;
  /** A local checkout (`GITHUB_WORKSPACE`) that may list the files of a PR the API truncates. */
  workspace?: string;
}

/** The PR as fetched now (not the event payload, whose labels and head SHA may be stale on a re-run). */
export interface PullRequestInfo extends Omit<PullRequestFacts, 'changedFiles'> {
  /** The PR's own count of changed files, to detect the files API's 3000 cap. */
  changedFilesCount: number;
  /** Where the head branch lives: the fork for fork PRs; the base repository when the fork was deleted. */
  headRepository: RepositoryName;
}

/** The fields of `GET /repos/{owner}/{repo}/pulls/{pull_number}` we read. */
interface ApiPull {
  number?: unknown;
  title?: unknown;
  body?: unknown;
  draft?: unknown;
  changed_files?: unknown;
  user?: { login?: unknown } | null;
  labels?: { name?: unknown }[];
  head?: ApiBranch;
  base?: ApiBranch;
}
interface ApiBranch {
  ref?: unknown;
  sha?: unknown;
  repo?: { name?: unknown; owner?: { login?: unknown } } | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function repositoryOf(branch: ApiBranch): RepositoryName | undefined {
  const owner = branch.repo?.owner?.login;
  const repo = branch.repo?.name;
  return typeof owner === 'string' && typeof repo === 'string' ? { owner, repo } : undefined;
}

/** Validates the API's answer; a PR without head/base SHAs cannot be evaluated. */
export function toPullRequestInfo(data: unknown, base: RepositoryName): PullRequestInfo {
  const pr = (typeof data === 'object' && data !== null ? data : {}) as ApiPull;
  if (typeof pr.number !== 'number' || !pr.head || !pr.base || !text(pr.head.sha) || !text(pr.base.sha)) {
    throw new Error('the answer is not a pull request');
  }
  const head = repositoryOf(pr.head);
  const inBase = head !== undefined && sameRepository(head, base);
  return {
    number: pr.number,
    title: text(pr.title),
    body: text(pr.body),
    draft: pr.draft === true,
    author: text(pr.user?.login),
    labels: (Array.isArray(pr.labels) ? pr.labels : []).map((label) => text(label?.name)).filter(Boolean),
    headRef: text(pr.head.ref),
    headSha: text(pr.head.sha),
    baseRef: text(pr.base.ref),
    baseSha: text(pr.base.sha),
    // A deleted fork leaves `head.repo` null; its commits stay readable through the base repository.
    isFork: !inBase,
    changedFilesCount: typeof pr.changed_files === 'number' ? pr.changed_files : 0,
    headRepository: head ?? base,
  };
}

/** `PullRequestSource` over the GitHub REST API. Each request is made at most once per run. */
export class GitHubAdapter implements PullRequestSource {
  private pr?: Promise<PullRequestInfo>;
  private facts_?: Promise<PullRequestFacts>;
  private listing?: Promise<ChangedFile[]>;
  private readonly contents: PullRequestContents;

  constructor(private readonly options: GitHubAdapterOptions) {
    this.contents = new PullRequestContents(options.octokit, this.repository, () => this.pullRequest());
  }

  private get repository(): RepositoryName {
    return { owner: this.options.owner, repo: this.options.repo };
  }

  /** The PR, fetched once per run (a re-run replays the old payload, so it is never trusted). */
  pullRequest(): Promise<PullRequestInfo> {
    this.pr ??= this.fetchPullRequest();
    return this.pr;
  }

  /** The current head commit, the one statuses of a `pull_request` run are posted on. */
  async headSha(): Promise<string> {
    return (await this.pullRequest()).headSha;
  }

  /**
   * Starts listing the changed files before the PR read has answered, with `expectedCount` (the
   * event's count) planning the pages, so the pages do not wait for its answer. A stale
   * count costs no correctness: the pages the PR read's own count adds are asked for as soon as it
   * answers, a page past the end comes back empty, and the PR read's count still decides whether
   * the API truncated the list. Later calls change nothing.
   */
  startListing(expectedCount: number): void {
    // Only the first call asks for the PR's count (a later one would leave it unawaited).
    this.listing ??= this.listFiles(
      expectedCount,
      this.pullRequest().then((pr) => pr.changedFilesCount),
    );
    this.listing.catch(() => undefined); // awaited by facts(), which reports the failure
  }

  facts(): Promise<PullRequestFacts> {
    this.facts_ ??= this.gatherFacts();
    return this.facts_;
  }

  /**
   * Lazy, cached reader at the head SHA, through the base repository, falling back to a fork's own
   * repository on a 404 (SPEC §2; see `PullRequestContents`).
   */
  reader(options: ReaderOptions = {}): FileReader {
    return this.contents.headReader(options.maxFileBytes ?? DEFAULT_CONFIG.limits.max_file_bytes);
  }

  /** Lazy, cached reader at the merge base; the merge base is looked up on the first read only. */
  mergeBaseReader(options: ReaderOptions = {}): FileReader {
    return this.contents.mergeBaseReader(options.maxFileBytes ?? DEFAULT_CONFIG.limits.max_file_bytes);
  }

  /** Lookups that verify the proof's claims (SPEC §9), each request made only when a claim needs it. */
  evidence(): GitHubEvidence {
    const { octokit, pullNumber } = this.options;
    return new GitHubEvidence({
      octokit,
      ...this.repository,
      pullNumber,
      pullRequest: () => this.pullRequest(),
    });
  }

  /** The config at the base SHA of the base repository: a PR must not weaken its own gate (SPEC §2). */
  async baseConfigText(path: string): Promise<string | undefined> {
    const pr = await this.pullRequest();
    const content = await fetchFileContent(
      this.options.octokit,
      { ...this.repository, ref: pr.baseSha, path },
      DEFAULT_CONFIG.limits.max_file_bytes,
    );
    if (content.state === 'absent') return undefined;
    if (content.state !== 'ok') {
      throw new Error(`cannot read the configuration ${path} on the base branch: ${content.reason}`);
    }
    return content.text;
  }

  private async fetchPullRequest(): Promise<PullRequestInfo> {
    const { octokit, pullNumber } = this.options;
    const operation = `reading PR #${pullNumber}`;
    let data: unknown;
    try {
      ({ data } = await octokit.rest.pulls.get({ ...this.repository, pull_number: pullNumber }));
    } catch (error) {
      throw toGitHubError(error, operation);
    }
    try {
      return toPullRequestInfo(data, this.repository);
    } catch (error) {
      throw new GitHubApiError(operation, (error as Error).message);
    }
  }

  private async gatherFacts(): Promise<PullRequestFacts> {
    const pr = await this.pullRequest();
    const changedFiles = await this.completeFileList(pr);
    return {
      number: pr.number,
      title: pr.title,
      body: pr.body,
      draft: pr.draft,
      author: pr.author,
      labels: pr.labels,
      headRef: pr.headRef,
      headSha: pr.headSha,
      baseRef: pr.baseRef,
      baseSha: pr.baseSha,
      isFork: pr.isFork,
      changedFiles,
    };
  }

  private listFiles(expectedCount: number, laterCount?: Promise<number>): Promise<ChangedFile[]> {
    const { octokit, pullNumber } = this.options;
    return listChangedFiles(octokit, this.repository, pullNumber, expectedCount, laterCount);
  }

  /** All changed files; past the API's cap, from the checkout, or a `TruncatedFileListError`. */
  private async completeFileList(pr: PullRequestInfo): Promise<ChangedFile[]> {
    const listed = await (this.listing ??= this.listFiles(pr.changedFilesCount));
    if (!isTruncated(listed.length, pr.changedFilesCount)) return listed;
    const local = await diffFromCheckout(this.options.workspace, pr.baseSha, pr.headSha);
    if ('unavailable' in local)
      throw new TruncatedFileListError(listed.length, pr.changedFilesCount, local.unavailable);
    return local.files;
  }
}
