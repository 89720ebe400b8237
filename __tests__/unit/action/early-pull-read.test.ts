/**
 * The PR read sent before the action loads: only when the environment names the PR, the token and
 * no proxy, to the URL and with the headers the client itself would use. A real loopback server
 * records what arrives; the client's first fetch of that URL gets the answer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { earlyPullUrl, readPullRequestEarly } from '../../../src/action/early-pull-read.js';
import { takeEarly } from '../../../src/github/early-answers.js';
import { listenOnLoopback, type LoopbackServer } from '../../helpers/loopback.js';

let server: LoopbackServer;
let api = '';
// Made now, not in beforeAll: the table of cases below writes its event files while the module loads.
const dir = mkdtempSync(join(tmpdir(), 'merge-gate-early-'));
const received: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = await listenOnLoopback((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'application/json');
    res.end('{"number":7}');
  });
  api = `${server.url}/api/v3/`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});
beforeEach(() => (received.length = 0));

function runnerEnv(eventName: string, payload: unknown, extra: Record<string, string> = {}) {
  const path = join(dir, `${eventName}-${received.length}-${Math.random()}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_API_URL: api,
    'INPUT_GITHUB-TOKEN': '  ghs_early_token  ',
    ACTIONS_ORCHESTRATION_ID: 'run 42',
    ...extra,
  };
}

const prEvent = {
  action: 'synchronize',
  number: 7,
  pull_request: { number: 7, head: { sha: 'a'.repeat(40) } },
};
const queueEvent = {
  merge_group: {
    head_sha: 'b'.repeat(40),
    head_ref: 'refs/heads/gh-readonly-queue/main/pr-12-' + 'c'.repeat(40),
  },
};

describe('readPullRequestEarly', () => {
  it("sends the PR read with the client's headers, and the client's fetch of that URL takes the answer", async () => {
    const env = runnerEnv('pull_request_target', prEvent);
    await readPullRequestEarly(env);
    const answer = takeEarly(`${api.replace(/\/$/, '')}/repos/octo/repo/pulls/7`);
    await expect(answer).resolves.toMatchObject({ status: 200 });
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/api/v3/repos/octo/repo/pulls/7');
    expect(received[0]!.headers).toMatchObject({
      authorization: 'token ghs_early_token',
      accept: 'application/vnd.github.v3+json',
      'user-agent': 'merge-gate actions_orchestration_id/run_42',
    });
  });

  it('authorizes a JSON Web Token as bearer, as Octokit does', async () => {
    const env = { ...runnerEnv('pull_request', prEvent), 'INPUT_GITHUB-TOKEN': 'aaa.bbb.ccc' };
    await readPullRequestEarly(env);
    await takeEarly(`${api.replace(/\/$/, '')}/repos/octo/repo/pulls/7`);
    expect(received.at(-1)?.headers.authorization).toBe('bearer aaa.bbb.ccc');
  });

  it("reads a merge group's PR from its queue branch", () => {
    expect(earlyPullUrl(runnerEnv('merge_group', queueEvent))).toBe(
      `${api.replace(/\/$/, '')}/repos/octo/repo/pulls/12`,
    );
  });

  it.each([
    ['a push', runnerEnv('push', { ref: 'refs/heads/main' })],
    ['a closed PR', runnerEnv('pull_request', { ...prEvent, action: 'closed' })],
    ['a proxy', runnerEnv('pull_request', prEvent, { HTTPS_PROXY: 'http://proxy.internal:3128' })],
    ['a bad repository', runnerEnv('pull_request', prEvent, { GITHUB_REPOSITORY: 'octo' })],
    [
      'an unreadable event file',
      { ...runnerEnv('pull_request', prEvent), GITHUB_EVENT_PATH: join(dir, 'missing.json') },
    ],
    ['no token', { ...runnerEnv('pull_request', prEvent), 'INPUT_GITHUB-TOKEN': ' ' }],
  ])('sends nothing for %s (the run reports it, or reads on its own)', async (_case, env) => {
    await readPullRequestEarly(env);
    // Anything sent would be taken here; nothing may be waiting for any PR of the repository.
    for (const number of [7, 12])
      expect(takeEarly(`${api.replace(/\/$/, '')}/repos/octo/repo/pulls/${number}`)).toBeUndefined();
    expect(received).toHaveLength(0);
  });
});
