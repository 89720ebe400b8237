/**
 * The same pull request decides the same whether it comes from a branch, a readable fork, a
 * private fork whose repository answers 404 to the base repository's token, or a deleted fork,
 * and with every patch left out (SPEC §2, §8.14): the action reads through the base repository at
 * the head SHA. A changed file that no repository serves is an error naming it, never "absent".
 */
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { CHECK_IDS } from '../../src/model/contexts.js';
import type { Evaluation } from '../../src/model/results.js';
import { LocalGitSource } from '../../src/sources/local-git.js';
import { actionHarness, prEvent, TOKEN } from '../helpers/action-harness.js';
import { FakeGitHub, type FakePullRequest } from '../helpers/fake-github.js';
import { removeTempRepos } from '../helpers/git-repo.js';
import {
  brokenCanonHashPr,
  canonUpdatePr,
  INVENTORY,
  PR_HEAD_REF,
  skippedTestPr,
  type GitPr,
} from '../helpers/patch-prs.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
});
afterEach(() => github.close());
afterAll(removeTempRepos);

const { runAction } = actionHarness(() => github);
const FORK = 'contributor/repo';

type Origin = 'branch' | 'readable fork' | 'private fork' | 'deleted fork';

/** Serves `pr` as coming from `origin`, its patches kept or all stripped as GitHub does for large diffs. */
async function serve(pr: GitPr, origin: Origin, patches: 'patches' | 'no patches'): Promise<FakePullRequest> {
  const served = await github.servePullRequestFromGit(pr.repo.dir, {
    number: 7,
    headRef: PR_HEAD_REF,
    base: pr.base,
    head: pr.head,
    ...(origin === 'branch' ? {} : { headRepository: origin === 'deleted fork' ? null : FORK }),
  });
  if (origin === 'private fork') github.hideRepository(FORK);
  // The issue the proof names, and a test run on the head: what the API adds to the engine's verdict.
  github.evidence.setIssue('octo/repo', 900);
  github.evidence.setCheckRuns('octo/repo', pr.head, ['test']);
  if (patches === 'no patches') for (const file of served.files) delete file.patch;
  return served;
}

/** What GitHub would show: each context's final state and description. */
/** Each context's final state and description, in the order of CHECK_IDS (statuses are posted concurrently). */
function finals(head: string): [string, string, string | undefined][] {
  const posted = github.finalStatuses(head);
  return CHECK_IDS.map((check) => [
    check,
    posted.get(check)?.state ?? 'missing',
    posted.get(check)?.description,
  ]);
}

function expectSameAsEngine(head: string, engine: Evaluation): void {
  expect(finals(head).map(([context, state]) => [context, state])).toEqual(
    engine.results.map((r) => [r.check, r.state]),
  );
}

/** What the engine decides of the PR read from git (the CLI's source): the reference for every origin. */
async function engineSays(pr: GitPr): Promise<Evaluation> {
  const source = new LocalGitSource({
    repo: pr.repo.dir,
    base: pr.base,
    head: pr.head,
    headRef: PR_HEAD_REF,
  });
  try {
    return await evaluate(await source.facts(), source.reader(), DEFAULT_CONFIG, {
      configPath: '.github/merge-gate.yml',
      mergeBaseReader: source.mergeBaseReader(),
    });
  } finally {
    await source.close();
  }
}

const ORIGINS: Origin[] = ['branch', 'readable fork', 'private fork', 'deleted fork'];
const VARIANTS = ORIGINS.flatMap((origin) =>
  (['patches', 'no patches'] as const).map((p) => [origin, p] as const),
);

describe.each([
  ['breaks a canon hash (inventory entry and canon file both changed)', brokenCanonHashPr, 'failure'],
  ['updates a canon and its hash correctly among stale entries', () => canonUpdatePr(), 'success'],
  ['adds a skipped test to a modified test file', skippedTestPr, 'failure'],
] as const)('a PR that %s', (_name, build, verdict) => {
  let pr: GitPr;
  let engine: Evaluation;
  let reference: [string, string, string | undefined][];
  beforeAll(async () => {
    pr = build();
    engine = await engineSays(pr);
  });

  it.each(VARIANTS)('decides the same from a %s, with %s', async (origin, patches) => {
    await serve(pr, origin, patches);
    await runAction({ payload: prEvent(7, pr.head) });
    expectSameAsEngine(pr.head, engine);
    expect(github.finalStatuses(pr.head).get('merge-gate/verdict')?.state).toBe(verdict);
    reference ??= finals(pr.head);
    expect(finals(pr.head)).toEqual(reference);
  });
});

describe('where the action reads', () => {
  const contents = () => github.requests.filter((r) => r.route === 'contents');

  it('a branch PR: every file once, from the base repository, no merge-base lookup while patches are there', async () => {
    const pr = brokenCanonHashPr();
    await serve(pr, 'branch', 'patches');
    await runAction({ payload: prEvent(7, pr.head) });
    const paths = contents().map((r) => `${r.path}@${r.query.get('ref')}`);
    expect(new Set(paths).size).toBe(paths.length);
    expect(contents().every((r) => r.path.startsWith('/repos/octo/repo/'))).toBe(true);
    expect(github.count('compare')).toBe(0);
  });

  it("a private fork: the base repository serves the head commit; the fork is asked only after the base's 404", async () => {
    const pr = brokenCanonHashPr();
    await serve(pr, 'private fork', 'patches');
    await runAction({ payload: prEvent(7, pr.head) });
    expect(github.finalStatuses(pr.head).get('governance/alignment')?.state).toBe('failure');
    const reads = contents().map((r) => ({ repo: r.path.split('/').slice(2, 4).join('/'), path: r.path }));
    const fromFork = reads.filter((r) => r.repo === FORK).map((r) => r.path.split('/contents/')[1]);
    // Only a file missing at head everywhere (the optional sync-state file) costs the extra request.
    expect(fromFork).toEqual(['governance/sync_state.json']);
  });

  it('without patches, looks the merge base up once and reads the changed files there', async () => {
    const pr = brokenCanonHashPr();
    await serve(pr, 'private fork', 'no patches');
    await runAction({ payload: prEvent(7, pr.head) });
    expect(github.count('compare')).toBe(1);
    const atMergeBase = contents()
      .filter((r) => r.query.get('ref') === pr.base)
      .map((r) => r.path.split('/contents/')[1]);
    expect(atMergeBase).toContain(INVENTORY);
  });
});

describe('a changed file that no repository serves', () => {
  it('is an error on the check that needed it, naming the file, never treated as absent', async () => {
    const pr = brokenCanonHashPr();
    await serve(pr, 'private fork', 'patches');
    github.setFile('octo/repo', pr.head, INVENTORY, null);
    const io = await runAction({ payload: prEvent(7, pr.head) });
    const statuses = github.finalStatuses(pr.head);
    expect(statuses.get('governance/alignment')).toMatchObject({
      state: 'error',
      description: expect.stringContaining(INVENTORY),
    });
    expect(statuses.get('prehandover-proof-check')?.state).toBe('success');
    expect(statuses.get('merge-gate/verdict')?.state).toBe('error');
    expect(io.failures).not.toEqual([]);
  });
});
