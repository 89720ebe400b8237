/**
 * The named errors of the GitHub layer. Octokit throws `RequestError`s (or, for network faults, plain
 * errors); everything above `src/github` sees one of these instead, with a message a user can act on.
 */

/** A GitHub API request failed (after the retry and throttling plugins gave up). */
export class GitHubApiError extends Error {
  override readonly name: string = 'GitHubApiError';
  /** HTTP status when the API answered; undefined for network faults and timeouts. */
  readonly status: number | undefined;
  /** What we were doing, e.g. `listing the changed files of PR #12`. */
  readonly operation: string;

  constructor(operation: string, message: string, status?: number, options?: { cause?: unknown }) {
    super(`GitHub API error while ${operation}: ${message}`, options);
    this.operation = operation;
    this.status = status;
  }
}

/**
 * The token may not do what we asked (HTTP 403 that is not a rate limit): typically a read-only
 * `GITHUB_TOKEN` on a fork PR under `pull_request`, or a workflow without `statuses: write`.
 */
export class MissingPermissionError extends GitHubApiError {
  override readonly name: string = 'MissingPermissionError';
}

/**
 * The API lists at most 3000 changed files and the PR has more, with no local checkout to read the
 * complete list from. Evaluating a truncated list could pass a PR it should not (SPEC §2).
 */
export class TruncatedFileListError extends Error {
  override readonly name: string = 'TruncatedFileListError';
  constructor(
    readonly listed: number,
    readonly expected: number,
    reason: string,
  ) {
    super(
      `The pull request changes ${expected} files, but the GitHub API lists only the first ${listed} ` +
        `(its limit is 3000), and ${reason}. Merge Gate does not evaluate a truncated file list. ` +
        `Check the repository out with full history before this step (actions/checkout with ` +
        `fetch-depth: 0) so the complete list can be read from git, or split the pull request.`,
    );
  }
}

/** The fields of Octokit's `RequestError` we rely on (duck-typed: `@octokit/request-error` is not a direct dependency). */
interface RequestErrorLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function isRequestErrorLike(error: unknown): error is RequestErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** A 403 that is a (primary or secondary) rate limit rather than a missing permission. */
function isRateLimit(error: RequestErrorLike): boolean {
  const headers = error.response?.headers ?? {};
  return String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(error.message);
}

/** The API's own message without the trailing ` - https://docs.github.com/...` link Octokit appends. */
function apiMessage(error: RequestErrorLike): string {
  return error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '');
}

/**
 * Maps whatever Octokit threw into a `GitHubApiError` (or `MissingPermissionError`), naming the
 * operation. Never includes request headers, so the token cannot leak through a message.
 */
export function toGitHubError(error: unknown, operation: string): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  if (isRequestErrorLike(error)) {
    const { status } = error;
    // Octokit reports network faults and timeouts as status 500 with the fetch error as cause.
    const answered = !(status === 500 && (error as { cause?: unknown }).cause !== undefined);
    const message = answered ? `HTTP ${status}: ${apiMessage(error)}` : apiMessage(error);
    if (status === 403 && !isRateLimit(error)) {
      return new MissingPermissionError(operation, message, status, { cause: error });
    }
    return new GitHubApiError(operation, message, answered ? status : undefined, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GitHubApiError(operation, message, undefined, { cause: error });
}

/** True when `error` is (or maps to) an HTTP 404 from the API. */
export function isNotFound(error: unknown): boolean {
  return isRequestErrorLike(error) && error.status === 404;
}
