/**
 * The committed bundle against GitHub's own API description: Prism, a validating proxy loaded with
 * `@octokit/openapi`'s description of api.github.com, stands between the action and the fake
 * GitHub and checks every request the action sends and every answer the fake gives (see
 * prism-proxy.ts; Prism gets the description with its `nullable`-without-`type` schemas rewritten,
 * which it would otherwise skip: prism-description.ts). Any violation fails the test; the one waiver
 * is the contents API's raw media type, which the description lacks. Evidence verification's reads
 * go through it too: the issue, the head commit's check runs and combined status, the head tree,
 * and (for a stale stated hash) the PR's commits and those that changed the file. What the
 * description cannot check (a status description over 140 characters, `per_page` over 100) is
 * shown here to pass unnoticed, and is covered by unit tests (status-sink.test.ts, adapter.test.ts,
 * pr-comment.test.ts).
 *
 * Prism takes 6–20 s (more on a busy machine) and ~350 MiB to load the description: it starts once
 * for this file. If it cannot start, every test here fails with Prism's own output.
 */
import { createHash } from 'node:crypto';
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
import { createRepo, removeTempRepos } from '../helpers/git-repo.js';
import { ValidatingProxy, type Violation } from '../helpers/prism-proxy.js';
import { MEMORY_PATH, PROOF_PATH, memoryText, proofText } from '../helpers/proofs.js';
import { pullRequestPayload } from '../helpers/webhook-payloads.js';

const FIXTURE = join(process.cwd(), '__fixtures__/prs/maturion-isms-pr-743');
const HEAD_REF = 'copilot/deploy-ai-gateway-production';
const TOKEN = 'ghs_contractSuiteToken_5e6f7a8b9c0d';
/** The recorded payloads' repository and PR number: the fake serves the test PR there. */
const REPOSITORY = 'Codertocat/Hello-World';
const NUMBER = 2;
const MARKER = '<!-- merge-gate:report -->';
/** A file PR #743 modified that its recording left out (it keeps the proofs and memories only). */
const WORKFLOW = '.github/workflows/deploy-mat-ai-gateway.yml';

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

/** A fake GitHub serving nothing yet, behind the proxy. */
async function startFake(options: { rawContents?: boolean } = {}): Promise<FakeGitHub> {
  const fake = await FakeGitHub.start({ token: TOKEN, repository: REPOSITORY, ...options });
  github = fake;
  started().forwardTo(fake.url);
  return fake;
}

/**
 * Fixture 743 as PR #2 of the recorded repository, behind the proxy, with the workflow it modified
 * (stand-in contents at base and head), so that its proof's one false claim is the only one.
 */
async function serveFixture(
  options: { rawContents?: boolean } = {},
): Promise<{ fake: FakeGitHub; head: string }> {
  const fake = await startFake(options);
  const { repo, base } = gitRepoFromFixture(FIXTURE, HEAD_REF, { [WORKFLOW]: 'name: Deploy\non: push\n' });
  const head = repo.commit('the workflow', {
    [WORKFLOW]: 'name: Deploy\non:\n  push:\n    branches: [main]\n',
  });
  await fake.servePullRequestFromGit(repo.dir, { number: NUMBER, headRef: HEAD_REF, base, head });
  // Evidence verification reads the issue the proof names and the head commit's checks: through the proxy too.
  fake.evidence.setIssue(REPOSITORY, 741);
  fake.evidence.setCheckRuns(REPOSITORY, head, ['test']);
  return { fake, head };
}

async function runThroughProxy(fake: FakeGitHub, head: string, inputs: Record<string, string> = {}) {
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
  return result;
}

/** The proof check and the verdict fail, on `finding`; the five others pass. */
function expectOneFalseClaim(fake: FakeGitHub, head: string, finding: string): void {
  const finals = fake.finalStatuses(head);
  const failing = new Set(['prehandover-proof-check', 'merge-gate/verdict']);
  expect(CHECK_IDS.map((check) => finals.get(check)?.state)).toEqual(
    CHECK_IDS.map((check) => (failing.has(check) ? 'failure' : 'success')),
  );
  expect(finals.get('prehandover-proof-check')?.description).toContain(finding);
}

/** Fixture 743's proof claims a file its PR never delivered: the one false claim, found in the head tree. */
const ECS_TASK_DEF = 'apps/mat-ai-gateway/ecs-task-def.json is claimed as created/new';
/** Evidence verification's reads for fixture 743: its issue, the head tree, the head commit's checks. */
const EVIDENCE_ROUTES = ['GET issue', 'GET tree', 'GET check-runs', 'GET combined-status'];

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
    expectOneFalseClaim(fake, head, ECS_TASK_DEF);
    expect([...routesSeen(fake.requests)].sort()).toEqual(
      [
        'GET pull',
        'GET files',
        'GET contents',
        'POST statuses',
        'GET comments',
        'PATCH comments',
        'DELETE comments',
        ...EVIDENCE_ROUTES,
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
    expectOneFalseClaim(fake, head, ECS_TASK_DEF);
    expect(routesSeen(fake.requests)).toEqual(
      new Set([
        'GET pull',
        'GET files',
        'GET contents',
        'POST statuses',
        'GET comments',
        'POST comments',
        ...EVIDENCE_ROUTES,
      ]),
    );
    expect(fake.comments.on(REPOSITORY, NUMBER)).toHaveLength(1);
  });

  it("reads the PR's commits and those that changed a file, for a stale stated hash: all as described", async () => {
    const fake = await startFake();
    const runbook = 'docs/runbook.md';
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const repo = createRepo({ files: { 'README.md': '# base\n' } });
    const base = repo.sha();
    repo.branch(HEAD_REF);
    const first = repo.commit('runbook v1', { [runbook]: '# Runbook v1\n' });
    const table = `\n## Files Modified — SHA256 Checksums\n\n| File | Action | SHA256 |\n|---|---|---|\n| \`${runbook}\` | Created | \`${sha256('# Runbook v1\n')}\` |\n`;
    const head = repo.commit('proof, then runbook v2', {
      [PROOF_PATH]: proofText({ branch: HEAD_REF, extra: table }),
      [MEMORY_PATH]: memoryText(),
      [runbook]: '# Runbook v2\n',
    });
    await fake.servePullRequestFromGit(repo.dir, { number: NUMBER, headRef: HEAD_REF, base, head });
    fake.evidence.setIssue(REPOSITORY, 900);
    fake.evidence.setCheckRuns(REPOSITORY, head, ['test']);

    const result = await runThroughProxy(fake, head);

    expectNoViolations();
    expectOneFalseClaim(fake, head, `The SHA-256 stated for ${runbook}`);
    expect(result.stdout).toContain(
      `is stale: it matches the file at ${first.slice(0, 7)}, an earlier commit of this PR`,
    );
    expect(routesSeen(fake.requests)).toEqual(
      new Set([
        'GET pull',
        'GET files',
        'GET contents',
        'POST statuses',
        'GET issue',
        'GET check-runs',
        'GET combined-status',
        'GET pull-commits',
        'GET commits',
      ]),
    );
  });

  it('answers an issue that is a pull request, and one that does not exist, as described', async () => {
    const { fake } = await serveFixture();
    const auth = { headers: { authorization: `token ${TOKEN}` } };
    const pr = (await (await through(`/repos/${REPOSITORY}/issues/${NUMBER}`, auth)).json()) as {
      pull_request?: unknown;
    };
    const missing = await through(`/repos/${REPOSITORY}/issues/404`, auth);
    await missing.text();

    expectNoViolations();
    expect(pr.pull_request).toBeDefined();
    expect(missing.status).toBe(404);
    expect(routesSeen(fake.requests)).toEqual(new Set(['GET issue']));
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

  it('catches a request to a route the action does not call (the description holds only those)', async () => {
    const server = await upstream(() => ({ status: 200, type: 'application/json', body: '[]' }));
    try {
      await (await through(`/repos/${REPOSITORY}/releases`)).text();
      const found = started().takeViolations();
      expect(found).toContainEqual(
        expect.objectContaining({ method: 'GET', path: `/repos/${REPOSITORY}/releases` }),
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
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

  it('catches a wrong answer also where the published description stumps Prism (an issue, a list of commits)', async () => {
    // Their schemas use `nullable` without `type`: Prism skips them unless given the rewritten copy (prism-description.ts).
    const server = await upstream((path) => ({
      status: 200,
      type: 'application/json',
      body: path.includes('/issues/') ? '{"number":741}' : '[{"sha":"x"}]',
    }));
    try {
      for (const path of [
        `/issues/741`,
        `/pulls/${NUMBER}/commits`,
        `/commits?sha=${'d'.repeat(40)}&path=a.md`,
      ])
        await (await through(`/repos/${REPOSITORY}${path}`)).text();
      const found = started().takeViolations();
      expect(found).toContainEqual(
        expect.objectContaining({
          path: `/repos/${REPOSITORY}/issues/741`,
          message: "Response body must have required property 'node_id'",
        }),
      );
      for (const list of [`/repos/${REPOSITORY}/pulls/${NUMBER}/commits`, `/repos/${REPOSITORY}/commits?`])
        expect(found).toContainEqual(
          expect.objectContaining({
            path: expect.stringContaining(list),
            message: "Response body property 0 must have required property 'commit'",
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
