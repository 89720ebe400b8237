/** Wires one run's GitHub objects: a client, PR sources, status sinks and the PR comment sharing it. */
import type { StatusSink } from '../report/statuses.js';
import { GitHubAdapter, type RepositoryName } from './adapter.js';
import { createClient, type ClientOptions } from './client.js';
import type { MergedPullListing, MergedPullQuery } from './merged-pulls.js';
import { upsertStickyComment, type StickyComment } from './pr-comment.js';
import { GitHubStatusSink } from './status-sink.js';

export interface GitHubConnection extends RepositoryName {
  token: string;
  /** `GITHUB_API_URL`; defaults to https://api.github.com. */
  apiUrl?: string;
  /** `GITHUB_WORKSPACE`, for PRs whose file list the API truncates. */
  workspace?: string;
  /** Retry, timeout and throttling settings (tests shorten them). */
  client?: Omit<ClientOptions, 'baseUrl'>;
}

export interface GitHubSession {
  /** The source of one PR of the repository. */
  pullRequest(pullNumber: number): GitHubAdapter;
  /** Statuses on `sha`: the PR head, or the merge group's head commit. */
  statusSink(sha: string): StatusSink;
  /** The PR's comment that carries `marker` (see `upsertStickyComment`). */
  stickyComment(pullNumber: number, marker: string): StickyComment;
  /** The repository's merged PRs, newest merge first (`merge-gate history`). */
  mergedPulls(query: MergedPullQuery): Promise<MergedPullListing>;
}

/** One client per run, so retry and throttling state is shared by every request the run makes. */
export function connectGitHub(connection: GitHubConnection): GitHubSession {
  const octokit = createClient(connection.token, { ...connection.client, baseUrl: connection.apiUrl });
  const repository = { owner: connection.owner, repo: connection.repo };
  return {
    pullRequest: (pullNumber) =>
      new GitHubAdapter({ octokit, ...repository, pullNumber, workspace: connection.workspace }),
    statusSink: (sha) => new GitHubStatusSink(octokit, repository, sha),
    stickyComment: (issueNumber, marker) => ({
      upsert: (body, options) =>
        upsertStickyComment(octokit, { ...repository, issueNumber, marker, body, ...options }),
    }),
    // Only `merge-gate history` lists merged PRs: loaded then, never at the action's start-up.
    mergedPulls: async (query) =>
      (await import('./merged-pulls.js')).listMergedPulls(octokit, repository, query),
  };
}
