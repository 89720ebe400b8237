/**
 * GitHub mode: merged PRs listed through the API, each read and evaluated exactly as the action reads
 * and evaluates it (the same adapter, the base branch's config, `evaluateSource`), through one client
 * whose retry and throttling state every request shares. The one place `merge-gate history` reaches
 * `src/github/` (docs/design.md).
 */
import type { Config } from '../config/types.js';
import { DocumentMemo } from '../evaluate/document-memo.js';
import { connectGitHub, type GitHubSession } from '../github/connect.js';
import type { ClientOptions } from '../github/client.js';
import type { MergedPull } from '../github/merged-pulls.js';
import { evaluatePull } from './evaluate-pull.js';
import { ConfigCache } from './config-cache.js';
import { HistoryError } from './errors.js';
import type { Discovery, HistoryPull, PullEvaluations, PullEvaluator, PullQuery } from './types.js';

export interface GitHubModeOptions {
  owner: string;
  repo: string;
  token: string;
  /** REST API root (GitHub Enterprise Server, or a test server); default https://api.github.com. */
  apiUrl?: string;
  /** Retry and timeout settings (tests shorten them). */
  client?: Omit<ClientOptions, 'baseUrl'>;
}

/** The two halves of GitHub mode over one client: listing and evaluating. */
export function openGitHubHistory(options: GitHubModeOptions): {
  discover(query: PullQuery): Promise<Discovery>;
  evaluator: PullEvaluator;
} {
  const session = connectGitHub({
    owner: options.owner,
    repo: options.repo,
    token: options.token,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.client ? { client: options.client } : {}),
  });
  return {
    discover: (query) => discoverGitHubPulls(session, `${options.owner}/${options.repo}`, query),
    evaluator: new GitHubPullEvaluator(session),
  };
}

async function discoverGitHubPulls(
  session: GitHubSession,
  repository: string,
  query: PullQuery,
): Promise<Discovery> {
  let listing: Awaited<ReturnType<GitHubSession['mergedPulls']>>;
  try {
    listing = await session.mergedPulls(query);
  } catch (error) {
    throw new HistoryError(error instanceof Error ? error.message : String(error));
  }
  return {
    mode: 'github',
    repository,
    pulls: listing.pulls.map(toHistoryPull),
    unknown: [],
    notes: listing.problem ? [`The list of merged pull requests is incomplete: ${listing.problem}.`] : [],
    incomplete: listing.problem !== undefined,
  };
}

function toHistoryPull(pull: MergedPull): HistoryPull {
  return {
    number: pull.number,
    title: pull.title,
    mergedAt: new Date(pull.mergedAt).toISOString(),
    base: pull.baseSha,
    head: pull.headSha,
    headRef: pull.headRef,
    labels: pull.labels,
    author: pull.author,
    origin: 'github',
  };
}

class GitHubPullEvaluator implements PullEvaluator {
  private readonly configs = new ConfigCache();
  private readonly memo = new DocumentMemo();

  constructor(private readonly session: GitHubSession) {}

  async evaluate(pull: HistoryPull, proposed?: Config): Promise<PullEvaluations> {
    // Read afresh, as the action does: the PR's own answer has the file count the adapter checks.
    return evaluatePull(this.session.pullRequest(pull.number), this.configs, this.memo, proposed);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
