/**
 * Evidence verification in the action (SPEC §9): the real adapter and Octokit against the fake API,
 * which answers the issue, check-run, status, git-tree and commit routes the way GitHub does.
 */
import { createHash } from 'node:crypto';
import { actionHarness, HEAD_REF, prEvent, TOKEN } from '../helpers/action-harness.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { createRepo, removeTempRepos } from '../helpers/git-repo.js';
import { MEMORY_PATH, PROOF_PATH, memoryText, proofText } from '../helpers/proofs.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
});
afterEach(() => github.close());
afterAll(removeTempRepos);

const { runAction, serveFixturePr } = actionHarness(() => github);
const SEED = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080-wave12-deploy-20260301.md';
const requestsTo = (pattern: RegExp) =>
  github.requests.filter((r) => r.method === 'GET' && pattern.test(r.path));

describe('the seed proof (PR #743) through the action', () => {
  it('fails prehandover-proof-check on the claims its branch does not hold, annotated on their lines', async () => {
    const { head } = await serveFixturePr({ evidence: 'enforce' });
    github.evidence.setCheckRuns('octo/repo', head, ['CI / unit tests']);
    const io = await runAction({ payload: prEvent(7, head) });

    expect(github.finalStatuses(head).get('prehandover-proof-check')).toMatchObject({
      state: 'failure',
      description:
        '.github/workflows/deploy-mat-ai-gateway.yml is listed as delivered under "Files Changed" but does not exist at head (+1 more)',
    });
    expect(github.finalStatuses(head).get('merge-gate/verdict')?.state).toBe('failure');
    expect(io.levels('error')).toEqual(
      expect.arrayContaining([
        {
          level: 'error',
          message:
            'apps/mat-ai-gateway/ecs-task-def.json is claimed as created/new under "Files Changed" but this PR does not add or modify it: it does not exist at head either',
          props: { title: 'prehandover-proof-check', file: SEED, startLine: 92 },
        },
        expect.objectContaining({ props: { title: 'prehandover-proof-check', file: SEED, startLine: 91 } }),
      ]),
    );
    expect(io.summaries[0]).toContain(`${SEED}:92`);
    // Triggering issue #741 is an issue; a check run runs tests: nothing else to say.
    expect(io.annotations.map((a) => a.message).join('\n')).not.toMatch(/triggering issue|test results/i);
    // Each lookup once: the head tree, the issue, the check runs and the statuses of the head commit.
    expect(requestsTo(/\/git\/trees\//)).toHaveLength(1);
    expect(requestsTo(/\/issues\/741$/)).toHaveLength(1);
    expect(requestsTo(/\/check-runs$/)).toHaveLength(1);
    expect(requestsTo(/\/commits\/[0-9a-f]+\/status$/)).toHaveLength(1);
  });

  it('fails when the triggering issue is a pull request', async () => {
    const { head } = await serveFixturePr({ evidence: 'enforce' });
    github.evidence.setIssue('octo/repo', 741, 'pull_request');
    const io = await runAction({ payload: prEvent(7, head) });
    expect(io.levels('error')).toContainEqual({
      level: 'error',
      message: 'The triggering issue #741 is a pull request, not an issue: name the issue the work was for',
      props: { title: 'prehandover-proof-check', file: SEED, startLine: 9 },
    });
  });

  it('warns on the test results line when no check run on the head commit runs tests', async () => {
    const { head } = await serveFixturePr({ evidence: 'enforce' });
    github.evidence.setCheckRuns('octo/repo', head, ['Merge Gate run', 'lint']);
    const io = await runAction({ payload: prEvent(7, head) });
    expect(io.levels('warning')).toContainEqual({
      level: 'warning',
      message:
        'The proof reports test results ("559/559 tests") but no check run or status on the head commit runs tests (checks on it: Merge Gate run, lint): were they run on this commit?',
      props: { title: 'prehandover-proof-check', file: SEED, startLine: 46 },
    });
  });

  it('without checks: read, says so in a notice and decides nothing on it', async () => {
    const { head, expected } = await serveFixturePr({ evidence: 'enforce' });
    github.evidence.refuseCheckRuns();
    const io = await runAction({ payload: prEvent(7, head) });
    expect(io.levels('notice').map((a) => a.message)).toContainEqual(
      expect.stringMatching(
        /^Test results \("559\/559 tests"\) not matched to a check run: the token may not do this \(.*HTTP 403.*\); grant `checks: read` in the workflow$/,
      ),
    );
    // The states are the engine's (whose local run cannot read check runs either).
    for (const r of expected.results) expect(github.finalStatuses(head).get(r.check)?.state).toBe(r.state);
    expect(io.failures).toEqual([]);
  });

  it('under evidence.verify: warn, posts success and warns on the same lines', async () => {
    const { head } = await serveFixturePr({ evidence: 'warn' });
    const io = await runAction({ payload: prEvent(7, head) });
    expect(github.finalStatuses(head).get('prehandover-proof-check')?.state).toBe('success');
    expect(io.levels('warning')).toContainEqual(
      expect.objectContaining({ props: { title: 'prehandover-proof-check', file: SEED, startLine: 92 } }),
    );
  });
});

describe('a stated SHA-256 over a real branch history', () => {
  const CANON = 'governance/canon/WATCHDOG_CANON.md';
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it('names the earlier commit of the PR the stale hash matches, reading only what it needs', async () => {
    const repo = createRepo({ files: { 'README.md': '# base\n' } });
    const base = repo.sha();
    repo.branch(HEAD_REF);
    const first = repo.commit('canon v1', { [CANON]: '# Watchdog v1.0.0\n' });
    const table = `\n## Files Modified — SHA256 Checksums\n\n| File | Action | SHA256 |\n|---|---|---|\n| \`${CANON}\` | Created | \`${sha256('# Watchdog v1.0.0\n')}\` |\n`;
    const head = repo.commit('proof, then canon v1.0.1', {
      [PROOF_PATH]: proofText({ branch: HEAD_REF, extra: table }),
      [MEMORY_PATH]: memoryText(),
      [CANON]: '# Watchdog v1.0.1\n',
    });
    await github.servePullRequestFromGit(repo.dir, { number: 7, headRef: HEAD_REF, base, head });
    github.evidence.setIssue('octo/repo', 900);
    github.evidence.setCheckRuns('octo/repo', head, ['test']);
    const io = await runAction({ payload: prEvent(7, head) });

    const message = `The SHA-256 stated for ${CANON} (${sha256('# Watchdog v1.0.0\n').slice(0, 12)}…) is stale: it matches the file at ${first.slice(0, 7)}, an earlier commit of this PR; the file changed after the proof was written (head has ${sha256('# Watchdog v1.0.1\n').slice(0, 12)}…)`;
    expect(github.finalStatuses(head).get('prehandover-proof-check')).toMatchObject({ state: 'failure' });
    expect(io.levels('error')).toContainEqual({
      level: 'error',
      message,
      props: expect.objectContaining({ file: PROOF_PATH }),
    });
    // The PR's commits once, the commits that changed the file once, the file at the earlier commit once.
    expect(requestsTo(/\/pulls\/7\/commits$/)).toHaveLength(1);
    expect(requestsTo(/\/repos\/octo\/repo\/commits$/).map((r) => r.query.get('path'))).toEqual([CANON]);
    expect(
      github.requests
        .filter((r) => r.route === 'contents' && r.query.get('ref') === first)
        .map((r) => r.path),
    ).toEqual([`/repos/octo/repo/contents/${CANON}`]);
  });
});
