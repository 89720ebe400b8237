import {
  GitHubApiError,
  MissingPermissionError,
  TruncatedFileListError,
  isNotFound,
  toGitHubError,
} from '../../../src/github/errors.js';

/** The shape Octokit's RequestError has (status, message, response headers). */
function requestError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
  cause?: unknown,
) {
  return Object.assign(
    new Error(message),
    { name: 'HttpError', status, response: { headers, data: {} } },
    cause ? { cause } : {},
  );
}

describe('toGitHubError', () => {
  it('maps a 403 that is not a rate limit to MissingPermissionError, naming the operation', () => {
    const error = toGitHubError(
      requestError(
        403,
        'Resource not accessible by integration - https://docs.github.com/rest/commits/statuses',
      ),
      'posting the merge-gate/verdict status',
    );
    expect(error).toBeInstanceOf(MissingPermissionError);
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      'GitHub API error while posting the merge-gate/verdict status: HTTP 403: Resource not accessible by integration',
    );
  });

  it('keeps a rate-limited 403 a plain GitHubApiError (it is not a permission problem)', () => {
    const primary = toGitHubError(
      requestError(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' }),
      'x',
    );
    const secondary = toGitHubError(requestError(403, 'You have exceeded a secondary rate limit'), 'x');
    for (const error of [primary, secondary]) {
      expect(error).toBeInstanceOf(GitHubApiError);
      expect(error).not.toBeInstanceOf(MissingPermissionError);
    }
  });

  it('reports a 5xx with its status', () => {
    const error = toGitHubError(requestError(502, 'Bad Gateway'), 'reading PR #3');
    expect(error).not.toBeInstanceOf(MissingPermissionError);
    expect(error.status).toBe(502);
    expect(error.message).toBe('GitHub API error while reading PR #3: HTTP 502: Bad Gateway');
  });

  it('reports a network fault (Octokit: status 500 with the fetch error as cause) without an HTTP status', () => {
    const error = toGitHubError(
      requestError(500, 'connect ECONNREFUSED 127.0.0.1:9', {}, new Error('fetch failed')),
      'reading PR #3',
    );
    expect(error.status).toBeUndefined();
    expect(error.message).toBe('GitHub API error while reading PR #3: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('wraps errors that are not from Octokit and passes GitHubApiErrors through', () => {
    const plain = toGitHubError(new TypeError('boom'), 'listing');
    expect(plain).toBeInstanceOf(GitHubApiError);
    expect(plain.message).toBe('GitHub API error while listing: boom');
    expect(toGitHubError(plain, 'other')).toBe(plain);
  });

  it('never copies request headers (where the token is) into the message', () => {
    const error = Object.assign(requestError(401, 'Bad credentials'), {
      request: { headers: { authorization: 'token ghs_secret' } },
    });
    expect(toGitHubError(error, 'reading PR #1').message).not.toContain('ghs_secret');
  });
});

describe('isNotFound', () => {
  it('is true only for HTTP 404', () => {
    expect(isNotFound(requestError(404, 'Not Found'))).toBe(true);
    expect(isNotFound(requestError(403, 'Forbidden'))).toBe(false);
    expect(isNotFound(new Error('Not Found'))).toBe(false);
  });
});

describe('TruncatedFileListError', () => {
  it('says how many files the PR has, that the API stops at 3000, and how to fix it', () => {
    const error = new TruncatedFileListError(
      3000,
      3001,
      'there is no checkout (GITHUB_WORKSPACE is not set)',
    );
    expect(error.message).toContain('changes 3001 files');
    expect(error.message).toContain('only the first 3000');
    expect(error.message).toContain('there is no checkout');
    expect(error.message).toContain('fetch-depth: 0');
  });
});
