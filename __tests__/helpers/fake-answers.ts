/**
 * The fake GitHub's answers on its own routes, as GitHub shapes them: a pull request, a page of its
 * changed files, a posted commit status. Pure: each takes what the server knows and returns the
 * answer (fake-github.ts routes the requests and sends it).
 */
import type { FakeAnswer } from './fake-comments.js';
import type { FakePullRequest, PostedStatus } from './fake-github-types.js';
import { pageOf } from './fake-http.js';
import { diffEntryJson, pullRequestJson, statusJson } from './github-answers.js';

/** The files endpoint lists at most this many files, whatever the PR's size (GitHub REST docs). */
export const FILES_LIMIT = 3000;

const notFound: FakeAnswer = { status: 404, body: { message: 'Not Found' } };

/** `GET /repos/{repo}/pulls/{n}`. */
export function pullAnswer(pr: FakePullRequest | undefined, repository: string): FakeAnswer {
  if (!pr) return notFound;
  return {
    status: 200,
    body: pullRequestJson({
      repository,
      number: pr.number,
      title: pr.title ?? `PR ${pr.number}`,
      body: pr.body ?? '',
      draft: pr.draft ?? false,
      author: pr.author ?? 'copilot-swe-agent[bot]',
      labels: pr.labels ?? [],
      headRef: pr.headRef,
      headSha: pr.headSha,
      headRepository: pr.headRepository === undefined ? repository : pr.headRepository,
      baseRef: pr.baseRef ?? 'main',
      baseSha: pr.baseSha,
      changedFiles: pr.changedFiles ?? pr.files.length,
    }),
  };
}

/** `GET /repos/{repo}/pulls/{n}/files`: the page `url` asks for, with GitHub's `link` header. */
export function filesAnswer(pr: FakePullRequest | undefined, url: URL, repository: string): FakeAnswer {
  if (!pr) return notFound;
  const { items, headers } = pageOf(url, pr.files.slice(0, FILES_LIMIT));
  const entries = items.map((file) =>
    diffEntryJson(repository, pr.headSha, {
      filename: file.path,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      ...(file.previousPath !== undefined ? { previousFilename: file.previousPath } : {}),
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
    }),
  );
  return { status: 200, body: entries, headers };
}

/**
 * `POST /repos/{repo}/statuses/{sha}`: recorded in `statuses` when valid; 422 for an unknown state
 * or a description over 140 characters, as GitHub answers.
 */
export function statusAnswer(
  statuses: PostedStatus[],
  repository: string,
  sha: string,
  body: unknown,
): FakeAnswer {
  const input = (body ?? {}) as Record<string, unknown>;
  const state = String(input.state ?? '');
  if (!['pending', 'success', 'failure', 'error'].includes(state)) {
    return { status: 422, body: { message: 'Validation Failed', errors: [{ field: 'state' }] } };
  }
  const description = typeof input.description === 'string' ? input.description : undefined;
  if (description !== undefined && Array.from(description).length > 140) {
    return {
      status: 422,
      body: { message: 'Validation Failed', errors: [{ field: 'description', code: 'custom' }] },
    };
  }
  const status: PostedStatus = { repository, sha, context: String(input.context ?? 'default'), state };
  if (description !== undefined) status.description = description;
  if (typeof input.target_url === 'string') status.target_url = input.target_url;
  statuses.push(status);
  return { status: 201, body: statusJson({ ...status, id: statuses.length }) };
}
