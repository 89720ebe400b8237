/**
 * The committed bundle against GitHub's own API description: Prism, a validating proxy loaded with
 * `@octokit/openapi`'s description of api.github.com, stands between the action and the fake
 * GitHub and checks every request the action sends and every answer the fake gives (see
 * prism-proxy.ts). Any violation fails the test; the one waiver is the contents API's raw media
 * type, which the description lacks. What the description cannot check (a status description over
 * 140 characters, `per_page` over 100) is shown here to pass unnoticed, and is covered by unit tests
 * (status-sink.test.ts, adapter.test.ts, pr-comment.test.ts).
 *
 * Prism takes 6–20 s (more on a busy machine) and ~350 MiB to load the description: it starts once
 * for this file. If it cannot start, every test here fails with Prism's own output.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CHECK_IDS } from '../../src/model/contexts.js';
import {
  expectBundleBuilt,
  expectTokenHidden,
  removeBundleRunDirs,
  runBundle,
} from '../helpers/bundle-run.js';
import { API_AUTHOR } from '../helpers/fake-comments.js';
import { FakeGitHub, gitRepoFromFixture, type RecordedRequest } from '../helpers/fake-github.js';
import { removeTempRepos } from '../helpers/git-repo.js';
import { ValidatingProxy, type Violation } from '../helpers/prism-proxy.js';
import { pullRequestPayload } from '../helpers/webhook-payloads.js';

const FIXTURE = join(process.cwd(), '__fixtures__/prs/maturion-isms-pr-743');
const HEAD_REF = 'copilot/deploy-ai-gateway-production';
const TOKEN = 'ghs_contractSuiteToken_5e6f7a8b9c0d';
/** The recorded payloads' repository and PR number: the fake serves the test PR there. */
const REPOSITORY = 'Codertocat/Hello-World';
const NUMBER = 2;
const MARKER = '<!-- merge-gate:report -->';

let proxy: ValidatingProxy | undefined;
let github: FakeGitHub | undefined;

beforeAll(async () => {
  expectBundleBuilt();
  proxy = await ValidatingProxy.start();
}, 300_000); // the proxy's own start-up limit (240 s) fails first, with Prism's output
afterEach(async () => {
  // A test that left violations behind fails here, even if it forgot to look.
  const left = proxy?.takeViolations() ?? [];
  await github?.close();
  github = undefined;
  expect(describeViolations(left)).toEqual([]);
});
afterAll(async () => {
  await proxy?.close();
  removeTempRepos();
  removeBundleRunDirs();
});

function started(): ValidatingProxy {
  if (!proxy) throw new Error('the validating proxy did not start (see the beforeAll failure)');
  return proxy;
}

/** One line per violation: what Prism says, and about which request. */
function describeViolations(violations: Violation[]): string[] {
  return violations.map((v) => `${v.method} ${v.path} → ${v.status}: ${v.location} ${v.message} (${v.code})`);
}

function expectNoViolations(): void {
  const found = describeViolations(started().takeViolations());
  if (found.length > 0) {
    const log = started().logTail(20);
    throw new Error(`GitHub's API description is violated:\n${found.join('\n')}\n\nPrism's log:\n${log}`);
  }
}

/** Fixture 743 as PR #2 of the recorded repository, behind the proxy. */
async function serveFixture(
  options: { rawContents?: boolean } = {},
): Promise<{ fake: FakeGitHub; head: string }> {
  const fake = await FakeGitHub.start({ token: TOKEN, repository: REPOSITORY, ...options });
  github = fake;
  const { repo, base, head } = gitRepoFromFixture(FIXTURE, HEAD_REF);
  await fake.servePullRequestFromGit(repo.dir, { number: NUMBER, headRef: HEAD_REF, base, head });
  started().forwardTo(fake.url);
  return { fake, head };
}

async function runThroughProxy(fake: FakeGitHub, head: string, inputs: Record<string, string>) {
  const result = await runBundle({
    apiUrl: started().url,
    token: TOKEN,
    eventName: 'pull_request_target',
    payload: pullRequestPayload('synchronize', { headSha: head }),
    repository: REPOSITORY,
    inputs,
  });
  expectTokenHidden(result, TOKEN, JSON.stringify(fake.statuses), JSON.stringify(fake.comments.all));
  expect(result.code).toBe(0);
  const finals = fake.finalStatuses(head);
  expect(CHECK_IDS.map((check) => finals.get(check)?.state)).toEqual(Array(7).fill('success'));
  return result;
}

/** `METHOD route` of every request the fake answered, so a test can show what it covered. */
const routesSeen = (requests: RecordedRequest[]) => new Set(requests.map((r) => `${r.method} ${r.route}`));

describe("the action against GitHub's API description", () => {
  it('reads the PR, its files and contents (raw), posts statuses, and keeps its comment: all as described', async () => {
    const { fake, head } = await serveFixture();
    fake.comments.add(REPOSITORY, NUMBER, 'LGTM', 'octocat');
    const kept = fake.comments.add(REPOSITORY, NUMBER, `${MARKER}\nan earlier report`, API_AUTHOR);
    fake.comments.add(REPOSITORY, NUMBER, `${MARKER}\na racing run's report`, API_AUTHOR);

    await runThroughProxy(fake, head, { comment: 'always' });

    expectNoViolations();
    expect([...routesSeen(fake.requests)].sort()).toEqual(
      [
        'GET pull',
        'GET files',
        'GET contents',
        'POST statuses',
        'GET comments',
        'PATCH comments',
        'DELETE comments',
      ].sort(),
    );
    const comments = fake.comments.on(REPOSITORY, NUMBER);
    expect(comments.map((c) => c.body.split('\n')[0])).toEqual(['LGTM', MARKER]);
    expect(comments[1]?.id).toBe(kept.id);
  });

  it('reads contents in the JSON (base64) form and creates its comment: all as described', async () => {
    const { fake, head } = await serveFixture({ rawContents: false });

    await runThroughProxy(fake, head, { comment: 'always' });

    expectNoViolations();
    expect(routesSeen(fake.requests)).toEqual(
      new Set(['GET pull', 'GET files', 'GET contents', 'POST statuses', 'GET comments', 'POST comments']),
    );
    expect(fake.comments.on(REPOSITORY, NUMBER)).toHaveLength(1);
  });
});

/** A stand-in upstream that answers each request with what the test says. */
async function upstream(
  answer: (path: string) => { status: number; type: string; body: string },
): Promise<Server> {
  const server = createServer((req, res) => {
    const { status, type, body } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  started().forwardTo(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return server;
}

const through = (path: string, init: RequestInit = {}) => fetch(`${started().url}${path}`, init);
const postStatus = (body: unknown) =>
  through(`/repos/${REPOSITORY}/statuses/${'a'.repeat(40)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the validating proxy', () => {
  it("fails, in Prism's own words, when Prism cannot start (never a silent skip)", async () => {
    const missing = join(process.cwd(), 'no-such-description.json');
    await expect(ValidatingProxy.start({ description: missing })).rejects.toThrow(
      /^Prism \(the validating proxy for GitHub's OpenAPI description\) exited before listening[\s\S]*no-such-description\.json/,
    );
  });

  it('catches a request the description does not allow (a status state it does not know)', async () => {
    await serveFixture();
    await (await postStatus({ state: 'green', context: 'merge-gate/verdict' })).text();
    const found = started().takeViolations();
    expect(found).toContainEqual(expect.objectContaining({ method: 'POST', location: 'request.body.state' }));
  });

  it('catches an answer that is not GitHub-shaped (a PR answer missing its fields)', async () => {
    const server = await upstream(() => ({ status: 200, type: 'application/json', body: '{"number":2}' }));
    try {
      await (await through(`/repos/${REPOSITORY}/pulls/${NUMBER}`)).text();
      const found = started().takeViolations();
      expect(found).toContainEqual(
        expect.objectContaining({
          location: 'response.body',
          message: "Response body must have required property 'head'",
        }),
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("catches a deleted fork's PR answer (`head.repo: null`): GitHub sends it, the description forbids it", async () => {
    const fake = await FakeGitHub.start({ token: TOKEN, repository: REPOSITORY });
    github = fake;
    fake.addPullRequest({
      number: NUMBER,
      headRef: 'patch-1',
      headSha: 'b'.repeat(40),
      baseSha: 'c'.repeat(40),
      headRepository: null,
      files: [],
    });
    started().forwardTo(fake.url);
    await (
      await through(`/repos/${REPOSITORY}/pulls/${NUMBER}`, { headers: { authorization: `token ${TOKEN}` } })
    ).text();
    const found = started().takeViolations();
    expect(found.map((v) => v.location)).toContain('response.body.head.repo');
  });

  it('waives exactly the raw media type of the contents API, nothing more', async () => {
    const server = await upstream((path) => ({
      status: 200,
      type: path.includes('raw.md') ? 'application/vnd.github.raw' : 'text/plain',
      body: '# a file\n',
    }));
    try {
      // As Octokit sends it: the path's slashes escaped, the raw media type asked for.
      const raw = { headers: { accept: 'application/vnd.github.raw' } };
      await (await through(`/repos/${REPOSITORY}/contents/docs%2Fraw.md?ref=${'d'.repeat(40)}`, raw)).text();
      expect(started().takeViolations()).toEqual([]);
      await (
        await through(`/repos/${REPOSITORY}/contents/docs%2Fplain.md?ref=${'d'.repeat(40)}`, raw)
      ).text();
      expect(describeViolations(started().takeViolations())).toEqual([
        expect.stringMatching(/The received media type "text\/plain" does not match/),
        expect.stringMatching(/Response body must be object/),
      ]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('cannot see a status description over 140 characters or per_page over 100 (unit tests cover both)', async () => {
    const server = await upstream((path) =>
      path.includes('/pulls/')
        ? { status: 200, type: 'application/json', body: '[]' }
        : { status: 422, type: 'application/json', body: '{"message":"Validation Failed"}' },
    );
    try {
      await (await postStatus({ state: 'success', context: 'c', description: 'x'.repeat(141) })).text();
      await (await through(`/repos/${REPOSITORY}/pulls/${NUMBER}/files?per_page=101`)).text();
      // GitHub answers 422 to the first and caps the second at 100; the description allows both requests.
      expect(
        started()
          .takeViolations()
          .filter((v) => v.location.startsWith('request')),
      ).toEqual([]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
