/**
 * Lists a repository's merged pull requests, newest merge first, for `merge-gate history`. The API
 * cannot sort by merge date, so closed PRs are read by last update, newest first, and reading stops
 * once no PR still unread can have been merged later than the ones kept (a PR is updated when it is
 * merged, so its `updated_at` is never earlier than its `merged_at`).
 */
import type { GitHubClient } from './client.js';
import type { RepositoryName } from './adapter.js';
import { GitHubApiError, toGitHubError } from './errors.js';

/** What the list answer says about one merged PR. */
export interface MergedPull {
  number: number;
  title: string;
  author: string;
  labels: string[];
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  /** ISO 8601, as the API gives it. */
  mergedAt: string;
}

export interface MergedPullQuery {
  /** At most this many PRs, the most recently merged. */
  limit: number;
  /** Only PRs merged at or after this time. */
  since?: Date;
}

export interface MergedPullListing {
  pulls: MergedPull[];
  /** Set when reading stopped early (an API failure after the first page): the list may miss PRs. */
  problem?: string;
}

const PER_PAGE = 100;
/** 10,000 closed PRs: past this, say so rather than page on for minutes. */
const MAX_PAGES = 100;

interface ApiListedPull {
  number?: unknown;
  title?: unknown;
  user?: { login?: unknown } | null;
  labels?: { name?: unknown }[];
  head?: { ref?: unknown; sha?: unknown };
  base?: { ref?: unknown; sha?: unknown };
  merged_at?: unknown;
  updated_at?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A merged PR from one list entry; undefined for a closed, unmerged one. Throws on a malformed entry. */
export function toMergedPull(entry: unknown): MergedPull | undefined {
  const pr = (typeof entry === 'object' && entry !== null ? entry : {}) as ApiListedPull;
  if (typeof pr.number !== 'number') throw new Error('an entry of the pull request list has no number');
  if (typeof pr.merged_at !== 'string' || Number.isNaN(Date.parse(pr.merged_at))) return undefined;
  if (!text(pr.head?.sha) || !text(pr.base?.sha))
    throw new Error(`pull request #${pr.number} in the list has no head or base SHA`);
  return {
    number: pr.number,
    title: text(pr.title),
    author: text(pr.user?.login),
    labels: (Array.isArray(pr.labels) ? pr.labels : []).map((label) => text(label?.name)).filter(Boolean),
    headRef: text(pr.head?.ref),
    headSha: text(pr.head?.sha),
    baseRef: text(pr.base?.ref),
    baseSha: text(pr.base?.sha),
    mergedAt: pr.merged_at,
  };
}

/** The merged PRs the query asks for, newest merge first. Throws `GitHubApiError` if the first page fails. */
export async function listMergedPulls(
  octokit: GitHubClient,
  repository: RepositoryName,
  query: MergedPullQuery,
): Promise<MergedPullListing> {
  const found = new Map<number, MergedPull>();
  const since = query.since?.getTime() ?? -Infinity;
  let problem: string | undefined;
  for (let page = 1; ; page += 1) {
    const operation = `listing the merged pull requests (page ${page})`;
    let entries: unknown[];
    try {
      const { data } = await octokit.rest.pulls.list({
        ...repository,
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        per_page: PER_PAGE,
        page,
      });
      if (!Array.isArray(data)) throw new GitHubApiError(operation, 'the answer is not a list');
      entries = data;
      for (const entry of entries) {
        const pull = toMergedPull(entry);
        if (pull && Date.parse(pull.mergedAt) >= since) found.set(pull.number, pull);
      }
    } catch (error) {
      const failure = error instanceof GitHubApiError ? error : toGitHubError(error, operation);
      if (page === 1) throw failure;
      problem = `${failure.message}; the list may miss older pull requests`;
      break;
    }
    if (entries.length < PER_PAGE) break;
    const lastUpdated = Date.parse(text((entries.at(-1) as ApiListedPull | undefined)?.updated_at));
    if (!enoughRead(found, query.limit, since, lastUpdated)) {
      if (page >= MAX_PAGES) {
        problem = `stopped after ${MAX_PAGES * PER_PAGE} closed pull requests; use --since to go further back`;
        break;
      }
      continue;
    }
    break;
  }
  const pulls = [...found.values()]
    .sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt) || b.number - a.number)
    .slice(0, query.limit);
  return problem === undefined ? { pulls } : { pulls, problem };
}

/** True when no PR on a later page can be newer (by merge) than the ones kept, or be inside `since`. */
function enoughRead(
  found: Map<number, MergedPull>,
  limit: number,
  since: number,
  lastUpdated: number,
): boolean {
  if (Number.isNaN(lastUpdated)) return false;
  if (lastUpdated < since) return true;
  if (found.size < limit) return false;
  const kept = [...found.values()].map((p) => Date.parse(p.mergedAt)).sort((a, b) => b - a);
  return lastUpdated < (kept[limit - 1] ?? Infinity);
}
