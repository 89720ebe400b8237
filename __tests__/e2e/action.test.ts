/**
 * The committed bundle, run exactly as a runner runs it (see bundle-run.ts), against a loopback
 * HTTP server standing in for the GitHub API. Every event is a recorded GitHub payload pointed at
 * the test PR (webhook-payloads.ts). Build the bundle first (`npm run bundle`); this test never builds it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_IDS } from '../../src/model/contexts.js';
import {
  expectBundleBuilt,
  expectTokenHidden,
  removeBundleRunDirs,
  runBundle as runBundleAt,
  type BundleRun,
  type BundleRunOptions,
} from '../helpers/bundle-run.js';
import { FakeGitHub, gitRepoFromFixture, type PostedStatus } from '../helpers/fake-github.js';
import { createRepo, removeTempRepos } from '../helpers/git-repo.js';
import { pullRequestPayload, recordedPush } from '../helpers/webhook-payloads.js';

const FIXTURE = join(process.cwd(), '__fixtures__/prs/maturion-isms-pr-743');
const HEAD_REF = 'copilot/deploy-ai-gateway-production';
const TOKEN = 'ghs_e2eSecretToken_9f8e7d6c5b4a3210';

/** The runs of the current test, checked for the token after it. */
let runs: BundleRun[] = [];
let github: FakeGitHub;

beforeAll(expectBundleBuilt);
beforeEach(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
  runs = [];
});
afterEach(async () => {
  // Every scenario, not only the one that tests it: the token must never leak.
  const posted = [JSON.stringify(github.statuses), JSON.stringify(github.comments.all)];
  for (const run of runs) expectTokenHidden(run, TOKEN, ...posted);
  await github.close();
});
const copies: string[] = [];
afterAll(() => {
  removeTempRepos();
  removeBundleRunDirs();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

async function runBundle(options: Omit<BundleRunOptions, 'apiUrl' | 'token'>): Promise<BundleRun> {
  const run = await runBundleAt({ ...options, apiUrl: github.url, token: TOKEN });
  runs.push(run);
  return run;
}

/** GitHub's recorded `synchronize` payload, pointed at PR `number` of octo/repo at `headSha`. */
const prEvent = (number: number, headSha: string) =>
  pullRequestPayload('synchronize', { repository: 'octo/repo', number, headSha });

function states(statuses: Map<string, PostedStatus>): string[] {
  return CHECK_IDS.map((check) => statuses.get(check)?.state ?? 'missing');
}

/**
 * Fixture 743 as a temporary git repository, served as PR #743. Its proof claims a file the PR
 * never delivered, so the suites about plumbing serve it under `evidence.verify: off`.
 */
async function serve743(evidence: 'enforce' | 'off' = 'off'): Promise<string> {
  const config = { '.github/merge-gate.yml': `evidence:\n  verify: ${evidence}\n` };
  const { repo, base, head } = gitRepoFromFixture(FIXTURE, HEAD_REF, config);
  await github.servePullRequestFromGit(repo.dir, { number: 743, headRef: HEAD_REF, base, head });
  github.evidence.setIssue('octo/repo', 741);
  return head;
}

/** Fixture 743 with its IAA tokens set back to PENDING: the proof check fails on a proof line. */
async function serve743WithPendingToken(): Promise<string> {
  const { repo, base } = gitRepoFromFixture(FIXTURE, HEAD_REF);
  const proofs = [
    'PREHANDOVER-session-080-wave12-deploy-20260301.md',
    'PREHANDOVER-session-081-wave12-render-20260301.md',
  ];
  const pending = Object.fromEntries(
    proofs.map((name) => {
      const path = `.agent-workspace/foreman-v2/memory/${name}`;
      const text = readFileSync(join(FIXTURE, 'head', path), 'utf8');
      return [path, text.replace(/`iaa_audit_token: [^`]+`/, '`iaa_audit_token: PENDING`')];
    }),
  );
  const head = repo.commit('tokens back to PENDING', pending);
  await github.servePullRequestFromGit(repo.dir, { number: 743, headRef: HEAD_REF, base, head });
  return head;
}

/** A PR with implementation code and no proof: the proof check and the verdict fail. */
async function serveFailingPr(options: { headRepository?: string } = {}): Promise<string> {
  const repo = createRepo({ files: { 'README.md': '# base\n' } });
  const base = repo.sha();
  repo.branch(HEAD_REF);
  const head = repo.commit('feature without a proof', {
    'apps/web/src/feature.ts': 'export const feature = 1;\n',
  });
  await github.servePullRequestFromGit(repo.dir, { number: 8, headRef: HEAD_REF, base, head, ...options });
  return head;
}

describe('node dist/index.js', () => {
  it('evaluates a PR: pending then terminal on all seven, summary, outputs, exit 0', async () => {
    const head = await serve743();
    const run = await runBundle({ eventName: 'pull_request_target', payload: prEvent(743, head) });

    expect(run.code).toBe(0);
    const posted = github.statusesFor(head);
    expect(github.firstPosted(head, 7)).toEqual(CHECK_IDS.map((c) => [c, 'pending']).sort());
    expect(states(github.finalStatuses(head))).toEqual(Array(7).fill('success'));
    expect(posted.every((s) => s.target_url === 'https://github.com/octo/repo/actions/runs/777')).toBe(true);
    for (const check of CHECK_IDS) expect(run.summary).toContain(check);
    expect(run.outputs.verdict).toBe('success');
    expect(run.outputs['failed-checks']).toBe('');
    expect(JSON.parse(run.outputs.results ?? '[]')).toHaveLength(7);
    // The checks ran in the engine thread: no fallback was needed.
    expect(run.stdout).not.toContain('evaluates in its main thread');
  });

  it('without its engine thread (dist/engine/ missing) evaluates in its main thread alike, and warns', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'merge-gate-dist-'));
    copies.push(copy);
    const dist = join(process.cwd(), 'dist');
    cpSync(dist, copy, { recursive: true, filter: (path) => path !== join(dist, 'engine') });
    const head = await serve743();
    const run = await runBundle({
      eventName: 'pull_request_target',
      payload: prEvent(743, head),
      bundle: join(copy, 'index.js'),
    });

    expect(run.code).toBe(0);
    expect(states(github.finalStatuses(head))).toEqual(Array(7).fill('success'));
    expect(run.outputs.verdict).toBe('success');
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /Merge Gate evaluates in its main thread: the engine thread failed \(.*engine/,
    );
  });

  it('annotates the proof line at fault with a workflow command the runner understands', async () => {
    const head = await serve743WithPendingToken();
    const run = await runBundle({ eventName: 'pull_request_target', payload: prEvent(743, head) });

    expect(github.finalStatuses(head).get('prehandover-proof-check')?.state).toBe('failure');
    expect(run.stdout).toMatch(
      /^::error title=prehandover-proof-check,file=\.agent-workspace\/foreman-v2\/memory\/PREHANDOVER-session-08[01]-[\w-]+\.md,line=\d+::.*PENDING/m,
    );
    expect(run.code).toBe(0); // fail-on: error, and nothing errored
  });

  it('annotates a false claim of the proof on its line (the seed claims a file its PR never had)', async () => {
    const head = await serve743('enforce');
    const run = await runBundle({ eventName: 'pull_request_target', payload: prEvent(743, head) });

    expect(github.finalStatuses(head).get('prehandover-proof-check')?.state).toBe('failure');
    expect(run.stdout).toContain(
      '::error title=prehandover-proof-check,file=.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080-wave12-deploy-20260301.md,line=92::apps/mat-ai-gateway/ecs-task-def.json is claimed as created/new under "Files Changed" but this PR does not add or modify it: it does not exist at head either',
    );
    expect(run.code).toBe(0); // fail-on: error
  });

  it('posts failures and (fail-on: failure) fails the step with exit code 1', async () => {
    const head = await serveFailingPr();
    const run = await runBundle({
      eventName: 'pull_request',
      payload: prEvent(8, head),
      inputs: { 'fail-on': 'failure' },
    });

    expect(run.code).toBe(1);
    const finals = github.finalStatuses(head);
    expect(finals.get('prehandover-proof-check')?.state).toBe('failure');
    expect(finals.get('merge-gate/verdict')?.state).toBe('failure');
    expect(run.outputs.verdict).toBe('failure');
    expect(run.outputs['failed-checks']).toContain('prehandover-proof-check');
    expect(run.stdout).toMatch(/^::error::Merge Gate: .*did not pass/m);
  });

  it('with INPUT_COMMENT=always: one sticky comment with the report, after the statuses, no token in it', async () => {
    const head = await serveFailingPr();
    const run = await runBundle({
      eventName: 'pull_request_target',
      payload: prEvent(8, head),
      inputs: { comment: 'always' },
    });

    expect(run.code).toBe(0);
    const comments = github.comments.on('octo/repo', 8);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body).toMatch(/^<!-- merge-gate:report -->\n/);
    expect(body).toContain('Merge Gate: blocked');
    for (const check of CHECK_IDS) expect(body).toContain(check);
    expect(body).toContain('https://github.com/octo/repo/actions/runs/777');
    expect(body).not.toContain(TOKEN);
    const routes = github.requests.map((r) => r.route);
    expect(routes.lastIndexOf('statuses')).toBeLessThan(routes.indexOf('comments'));
    expect(run.stdout).toMatch(/^Merge Gate commented on PR #8: /m);
  });

  // One fault, so one retry wait (the bundle's own, 1 s): a retry per route, with short waits, is
  // __tests__/integration/api-faults.test.ts.
  it('retries a 5xx answer (a final status post) and still ends every context terminal', async () => {
    const head = await serve743();
    github.inject('statuses', { kind: 'status', status: 500 }, 1, 7);
    const run = await runBundle({ eventName: 'pull_request_target', payload: prEvent(743, head) });

    expect(run.code).toBe(0);
    expect(github.count('statuses')).toBe(15);
    expect(states(github.finalStatuses(head))).toEqual(Array(7).fill('success'));
  });

  it('on a 403 from the status API: says how to fix it once, keeps summary and outputs, exits 1 when a check failed', async () => {
    const head = await serveFailingPr({ headRepository: 'contributor/repo' });
    github.inject(
      'statuses',
      { kind: 'status', status: 403, body: { message: 'Resource not accessible by integration' } },
      Infinity,
    );
    const run = await runBundle({ eventName: 'pull_request', payload: prEvent(8, head) });

    expect(run.code).toBe(1);
    expect(github.count('statuses')).toBe(1);
    const advice = run.stdout.split('\n').filter((line) => line.includes('pull_request_target'));
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatch(/^::error::Merge Gate could not post commit statuses/);
    expect(run.summary).toContain('could not post commit statuses');
    expect(run.summary).toContain('prehandover-proof-check');
    expect(run.outputs.verdict).toBe('failure');
  });

  it('fails closed on a 3001-file PR without a checkout: error on all seven explaining the limit', async () => {
    github.addPullRequest({
      number: 9,
      headRef: HEAD_REF,
      headSha: 'a'.repeat(40),
      baseSha: 'b'.repeat(40),
      files: Array.from({ length: 3001 }, (_, i) => ({
        path: `data/f${i}.txt`,
        status: 'added',
        additions: 1,
        deletions: 0,
      })),
    });
    const run = await runBundle({ eventName: 'pull_request_target', payload: prEvent(9, 'a'.repeat(40)) });

    expect(run.code).toBe(1);
    expect(github.count('files')).toBe(30);
    const finals = github.finalStatuses('a'.repeat(40));
    expect(states(finals)).toEqual(Array(7).fill('error'));
    expect(finals.get('merge-gate/verdict')?.description).toMatch(/changes 3001 files/);
    expect(run.summary).toContain('only the first 3000');
  });

  it('does nothing on a push but log a notice, and exits 0', async () => {
    const run = await runBundle({
      eventName: 'push',
      payload: recordedPush(),
    });

    expect(run.code).toBe(0);
    expect(github.count()).toBe(0);
    expect(run.stdout).toMatch(/^::notice::Merge Gate has nothing to do for the "push" event/m);
    expect(run.outputs).toEqual({});
  });

  it('never prints the token: not in the log, the summary, the outputs or a status', async () => {
    const head = await serveFailingPr();
    github.inject('files', {
      kind: 'status',
      status: 401,
      body: { message: `Bad credentials for ${TOKEN}` },
    });
    const run = await runBundle({
      eventName: 'pull_request',
      payload: prEvent(8, head),
      inputs: { 'fail-on': 'failure' },
    });
    expect(run.code).toBe(1);
    expectTokenHidden(run, TOKEN, JSON.stringify(github.statuses));
  });
});
