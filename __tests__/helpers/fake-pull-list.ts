/**
 * `GET /repos/{owner}/{repo}/pulls` for the fake GitHub API: the PRs it serves, filtered by `state`,
 * sorted by `sort` (`created`, `updated`) and `direction`, paged like GitHub (`per_page`, `page`,
 * `link`). A PR with `mergedAt` is closed and merged; `updatedAt` defaults to its merge time.
 */
import type { FakePullRequest } from './fake-github-types.js';
import { pageOf } from './fake-http.js';

/** What a listed PR needs: the fields of `FakePullRequest` the list shows. */
export type ListablePull = Omit<FakePullRequest, 'files' | 'changedFiles' | 'mergeBaseSha'>;

const EPOCH = '2026-01-01T00:00:00Z';

const repoJson = (fullName: string) => {
  const [owner = '', name = ''] = fullName.split('/');
  return { name, full_name: fullName, owner: { login: owner } };
};

/** One page of the list, as GitHub answers it, and its `link` header. */
export function pullListPage(
  url: URL,
  pulls: readonly ListablePull[],
  repository: string,
): { items: unknown[]; headers: Record<string, string> } {
  const state = url.searchParams.get('state') ?? 'open';
  const sort = url.searchParams.get('sort') === 'updated' ? 'updated' : 'created';
  const ascending = url.searchParams.get('direction') === 'asc';
  const updated = (pr: ListablePull) => Date.parse(pr.updatedAt ?? pr.mergedAt ?? EPOCH);
  const key = (pr: ListablePull) => (sort === 'updated' ? updated(pr) : pr.number);
  const chosen = pulls
    .filter((pr) => (pr.repository ?? repository) === repository)
    .filter((pr) => state === 'all' || (state === 'closed') === (pr.mergedAt !== undefined))
    .sort((a, b) => (ascending ? key(a) - key(b) : key(b) - key(a)));
  const { items, headers } = pageOf(url, chosen);
  return {
    items: items.map((pr) => ({
      number: pr.number,
      state: pr.mergedAt ? 'closed' : 'open',
      title: pr.title ?? `PR ${pr.number}`,
      body: pr.body ?? '',
      draft: pr.draft ?? false,
      user: { login: pr.author ?? 'copilot-swe-agent[bot]' },
      labels: (pr.labels ?? []).map((name, id) => ({ id, name })),
      head: {
        ref: pr.headRef,
        sha: pr.headSha,
        repo: pr.headRepository === null ? null : repoJson(pr.headRepository ?? repository),
      },
      base: { ref: pr.baseRef ?? 'main', sha: pr.baseSha, repo: repoJson(repository) },
      created_at: EPOCH,
      updated_at: new Date(updated(pr)).toISOString(),
      closed_at: pr.mergedAt ?? null,
      merged_at: pr.mergedAt ?? null,
    })),
    headers,
  };
}
