import { createClient, type ClientOptions } from '../../../src/github/client.js';
import { FakeGitHub } from '../../helpers/fake-github.js';

/** Real retry/throttling code, with delays in milliseconds instead of seconds. */
const FAST: ClientOptions = {
  retries: 2,
  retryBaseMs: 1,
  rateLimitSecondMs: 1,
  log: { debug: () => undefined, warn: () => undefined },
};

let github: FakeGitHub;
const client = (options: ClientOptions = {}) =>
  createClient('ghs_test', {
    ...FAST,
    // Long for an answer (a loaded machine is slow), short for a request the fake leaves hanging.
    requestTimeoutMs: github.requestTimeout(30_000, 100),
    baseUrl: github.url,
    ...options,
  });
const getPull = (options?: ClientOptions) =>
  client(options).rest.pulls.get({ owner: 'octo', repo: 'repo', pull_number: 1 });

beforeEach(async () => {
  github = await FakeGitHub.start({ token: 'ghs_test' });
  github.addPullRequest({
    number: 1,
    headRef: 'feature',
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    files: [],
  });
});
afterEach(() => github.close());

describe('createClient', () => {
  it('talks to the API root it is given, authenticated with the token', async () => {
    const { data } = await getPull();
    expect(data.number).toBe(1);
    expect(github.requests[0]?.headers.authorization).toBe('token ghs_test');
  });

  it('retries a 5xx and succeeds', async () => {
    github.inject('pull', { kind: 'status', status: 502 }, 2);
    const { data } = await getPull();
    expect(data.number).toBe(1);
    expect(github.count('pull')).toBe(3);
  });

  it('gives up after the configured retries with the last status', async () => {
    github.inject('pull', { kind: 'status', status: 503 }, Infinity);
    await expect(getPull({ retries: 1 })).rejects.toMatchObject({ status: 503 });
    expect(github.count('pull')).toBe(2);
  });

  it('does not retry a 403 that is not a rate limit, nor a 404', async () => {
    github.inject('pull', {
      kind: 'status',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    await expect(getPull()).rejects.toMatchObject({ status: 403 });
    expect(github.count('pull')).toBe(1);
    await expect(
      client().rest.pulls.get({ owner: 'octo', repo: 'repo', pull_number: 2 }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(github.count('pull')).toBe(2);
  });

  it('aborts a request that never answers and retries it', async () => {
    github.inject('pull', { kind: 'timeout' });
    const asked: string[] = [];
    const timeout = github.requestTimeout(30_000, 100);
    const { data } = await getPull({
      requestTimeoutMs: (request) => (asked.push(`${request.method} ${request.url}`), timeout(request)),
    });
    expect(data.number).toBe(1);
    expect(github.count('pull')).toBe(2);
    // Each attempt gets its own timeout, chosen for its method and absolute URL.
    expect(asked).toEqual(Array(2).fill(`GET ${github.url}/repos/octo/repo/pulls/1`));
  });

  it('retries a dropped connection', async () => {
    github.inject('pull', { kind: 'reset' });
    const { data } = await getPull();
    expect(data.number).toBe(1);
    expect(github.count('pull')).toBe(2);
  });

  it('treats a JSON answer that does not parse as a failure and retries it', async () => {
    github.inject('pull', { kind: 'malformed-json' });
    const { data } = await getPull();
    expect(data.number).toBe(1);
    expect(github.count('pull')).toBe(2);

    github.inject('pull', { kind: 'malformed-json' }, Infinity);
    await expect(getPull()).rejects.toMatchObject({
      status: 502,
      message: expect.stringContaining('malformed JSON'),
    });
  });

  it('waits out a primary rate limit (403, x-ratelimit-remaining: 0) and retries', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    github.inject('pull', {
      kind: 'status',
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    const warnings: string[] = [];
    const { data } = await getPull({ log: { debug: () => undefined, warn: (m) => warnings.push(m) } });
    expect(data.number).toBe(1);
    expect(github.count('pull')).toBe(2);
    expect(warnings.join('\n')).toMatch(/primary rate limit .*retrying/);
  });

  it('retries a secondary rate limit a bounded number of times, then gives up', async () => {
    github.inject(
      'pull',
      {
        kind: 'status',
        status: 403,
        body: { message: 'You have exceeded a secondary rate limit' },
        headers: { 'retry-after': '1' },
      },
      Infinity,
    );
    const warnings: string[] = [];
    await expect(
      getPull({ rateLimitRetries: 2, log: { debug: () => undefined, warn: (m) => warnings.push(m) } }),
    ).rejects.toMatchObject({ status: 403 });
    expect(github.count('pull')).toBe(3);
    expect(warnings.at(-1)).toMatch(/secondary rate limit .*giving up/);
  });

  it('leaves rate limits to the throttling plugin, which does not wait longer than the configured maximum', async () => {
    github.inject('pull', {
      kind: 'status',
      status: 429,
      body: { message: 'You have exceeded a secondary rate limit' },
      headers: { 'retry-after': '3600' },
    });
    await expect(getPull({ rateLimitMaxWaitSeconds: 60 })).rejects.toMatchObject({ status: 429 });
    expect(github.count('pull')).toBe(1);
  });

  it('lets status posts run concurrently (the plugin default would start one a second)', async () => {
    github.holdAnswers('statuses', 7);
    const octokit = client();
    await Promise.all(
      [1, 2, 3, 4, 5, 6, 7].map((n) =>
        octokit.rest.repos.createCommitStatus({
          owner: 'octo',
          repo: 'repo',
          sha: 'c'.repeat(40),
          state: 'pending',
          context: `c${n}`,
        }),
      ),
    );
    expect(github.statuses).toHaveLength(7);
    expect(github.peakConcurrency('statuses')).toBe(7);
  });

  it("spaces comments per client, so one run never waits on another run's comment", async () => {
    // The plugin's spacing is 3 s: a second comment held back by the first run's misses the barrier.
    github.holdAnswers('comments', 2, 1500);
    const comment = (body: string) =>
      client().rest.issues.createComment({ owner: 'octo', repo: 'repo', issue_number: 1, body });
    await Promise.all([comment('first run'), comment('second run')]);
    expect(
      github.comments
        .on('octo/repo', 1)
        .map((c) => c.body)
        .sort(),
    ).toEqual(['first run', 'second run']);
    expect(github.peakConcurrency('comments')).toBe(2);
  });
});
