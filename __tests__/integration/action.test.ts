/**
 * `run()` end to end in-process: the real GitHub adapter, Octokit, pagination and retry code against
 * a loopback stand-in for the API, with a recording `ActionIO` instead of `@actions/core`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clipDescription } from '../../src/github/status-sink.js';
import { CHECK_IDS } from '../../src/model/contexts.js';
import {
  actionHarness,
  engineSays,
  FIXTURE,
  HEAD_REF,
  prEvent,
  RUN_URL,
  TOKEN,
} from '../helpers/action-harness.js';
import { until } from '../helpers/engine-channel.js';
import { FakeGitHub, gitRepoFromFixture } from '../helpers/fake-github.js';
import { createRepo, removeTempRepos } from '../helpers/git-repo.js';
import { mergeGroupPayload, recordedPush } from '../helpers/webhook-payloads.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
});
afterEach(() => github.close());
afterAll(removeTempRepos);

const { runAction, serveFixturePr, serveFailingPr, expectAllTerminal } = actionHarness(() => github);

describe('run() on a pull request', () => {
  it('posts pending on all seven contexts, then the states the engine decides, linking the run', async () => {
    const { head, expected } = await serveFixturePr();
    const io = await runAction({ payload: prEvent(7, head) });

    const posted = github.statusesFor(head);
    expect(github.firstPosted(head, 7)).toEqual(CHECK_IDS.map((c) => [c, 'pending']).sort());
    expect(posted.slice(7).map((s) => s.state)).not.toContain('pending');
    const finals = github.finalStatuses(head);
    for (const result of expected.results) {
      expect(finals.get(result.check)).toMatchObject({
        state: result.state,
        description: clipDescription(result.description),
        target_url: RUN_URL,
      });
    }
    expect(posted).toHaveLength(14);
    expect(io.outputs.get('verdict')).toBe(expected.verdict === 'success' ? 'success' : 'failure');
    expect(JSON.parse(io.outputs.get('results') ?? '[]')).toHaveLength(7);
    expect(io.summaries.join('')).toContain('merge-gate/verdict');
  });

  it('passes fixture PR 743 on all seven checks (issue 3) and does not fail the step', async () => {
    const { head } = await serveFixturePr();
    const io = await runAction({ payload: prEvent(7, head) });
    expect([...github.finalStatuses(head).values()].map((s) => s.state)).toEqual(Array(7).fill('success'));
    expect(io.outputs.get('verdict')).toBe('success');
    expect(io.outputs.get('failed-checks')).toBe('');
    expect(io.failures).toEqual([]);
  });

  it('masks the token before doing anything else and never says it', async () => {
    const { head } = await serveFixturePr();
    const io = await runAction({ payload: prEvent(7, head) });
    expect(io.secrets).toEqual([TOKEN]);
    const said = JSON.stringify([
      io.infos,
      io.annotations,
      [...io.outputs],
      io.summaries,
      io.failures,
      github.statuses,
    ]);
    expect(said).not.toContain(TOKEN);
  });

  it('reads only what it needs: one PR read, one page of files, one config read, 14 status posts', async () => {
    const { head } = await serveFixturePr();
    await runAction({ payload: prEvent(7, head) });
    expect(github.count('pull')).toBe(1);
    expect(github.count('files')).toBe(1);
    expect(github.count('statuses')).toBe(14);
    const contentReads = github.requests.filter((r) => r.route === 'contents').map((r) => r.path);
    expect(new Set(contentReads).size).toBe(contentReads.length);
  });

  it("asks for the file list with the PR read, planned by the event's count, and reads no more for it", async () => {
    const { head } = await serveFixturePr();
    const event = prEvent(7, head);
    (event.pull_request as { changed_files: number }).changed_files = 8; // the fixture PR's count
    github.holdAnswers('pull', 2, 120_000); // held until released (no second PR read comes)
    const running = runAction({ payload: event });
    await until(() => github.count('files') === 1);
    expect(github.count('contents')).toBe(0); // the config read waits for the PR's base commit
    github.releaseAnswers('pull');
    const io = await running;
    expect([github.count('pull'), github.count('files')]).toEqual([1, 1]);
    expectAllTerminal(head);
    expect(io.outputs.get('verdict')).toBe('success');
  });

  it('reports on the PR head as it is now when a re-run replays a stale payload', async () => {
    const { head } = await serveFixturePr();
    const stale = 'e'.repeat(40);
    await runAction({ payload: prEvent(7, stale) });
    expect(github.statusesFor(stale)).toEqual([]);
    expectAllTerminal(head);
  });

  it('judges a re-run by the PR as it is now: head commit and labels from the API, not the replayed payload', async () => {
    // A re-run replays the first run's payload: the commit it names was replaced by a push, and
    // the override label a maintainer added since is not in it.
    const { repo, base, head } = await serveFailingPr();
    const first = await runAction({ payload: prEvent(7, head) });
    expect(first.outputs.get('verdict')).toBe('failure');
    const pushed = repo.commit('a later push', { 'apps/web/src/feature.ts': 'export const x = 2;\n' });
    const labels = ['CS sign-off: approved'];
    await github.servePullRequestFromGit(repo.dir, {
      number: 7,
      headRef: HEAD_REF,
      base,
      head: pushed,
      labels,
    });
    const replayed = prEvent(7, head, 'opened');
    const replayedLabels = (replayed.pull_request as { labels: { name: string }[] }).labels;
    expect(replayedLabels.map((label) => label.name)).not.toContain(labels[0]);
    github.statuses.length = 0;
    const io = await runAction({ payload: replayed });
    expect(github.statusesFor(head)).toEqual([]);
    expectAllTerminal(pushed);
    expect(github.finalStatuses(pushed).get('prehandover-proof-check')).toMatchObject({
      state: 'success',
      description: expect.stringContaining('waived by label "CS sign-off: approved"'),
    });
    expect(io.outputs.get('verdict')).toBe('success');
    expect(io.infos.join('\n')).toContain(`the PR head is now ${pushed.slice(0, 7)}`);
  });

  it('fails the step per fail-on: failure when the verdict is not success, never with never', async () => {
    const repo = createRepo({ files: { 'README.md': '# base\n' } });
    const base = repo.sha();
    repo.branch(HEAD_REF);
    const head = repo.commit('no proof at all', { 'apps/web/src/feature.ts': 'export const x = 1;\n' });
    await github.servePullRequestFromGit(repo.dir, { number: 7, headRef: HEAD_REF, base, head });

    const lenient = await runAction({ payload: prEvent(7, head) });
    expect(github.finalStatuses(head).get('prehandover-proof-check')?.state).toBe('failure');
    expect(github.finalStatuses(head).get('merge-gate/verdict')?.state).toBe('failure');
    expect(lenient.failures).toEqual([]);
    expect(lenient.outputs.get('failed-checks')).toContain('prehandover-proof-check');

    const strict = await runAction({ payload: prEvent(7, head), inputs: { 'fail-on': 'failure' } });
    expect(strict.failures).toEqual([expect.stringContaining('did not pass')]);
    const never = await runAction({ payload: prEvent(7, head), inputs: { 'fail-on': 'never' } });
    expect(never.failures).toEqual([]);
  });

  it('annotates the proof lines at fault and links them from the summary at the head commit', async () => {
    const { repo, base } = gitRepoFromFixture(FIXTURE, HEAD_REF);
    const proofs = [
      '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080-wave12-deploy-20260301.md',
      '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-081-wave12-render-20260301.md',
    ];
    const pending = Object.fromEntries(
      proofs.map((path) => [
        path,
        readFileSync(join(FIXTURE, 'head', path), 'utf8').replace(
          /`iaa_audit_token: [^`]+`/,
          '`iaa_audit_token: PENDING`',
        ),
      ]),
    );
    const head = repo.commit('token back to PENDING', pending);
    await github.servePullRequestFromGit(repo.dir, { number: 7, headRef: HEAD_REF, base, head });
    const expected = await engineSays(repo, base, head);
    const atFault = expected.results
      .filter((r) => r.state === 'failure')
      .flatMap((r) => r.findings.filter((f) => f.severity === 'failure' && f.file && f.line));
    expect(atFault.length).toBeGreaterThan(0);

    const io = await runAction({ payload: prEvent(7, head) });
    expect(github.finalStatuses(head).get('prehandover-proof-check')?.state).toBe('failure');
    for (const finding of atFault) {
      expect(io.levels('error')).toContainEqual({
        level: 'error',
        message: finding.message,
        props: expect.objectContaining({ file: finding.file, startLine: finding.line }),
      });
      const path = (finding.file ?? '').split('/').map(encodeURIComponent).join('/');
      expect(io.summaries.join('')).toContain(
        `https://github.com/octo/repo/blob/${head}/${path}#L${finding.line}`,
      );
    }
  });

  it('names the contexts with the context-prefix input', async () => {
    const { head } = await serveFixturePr();
    const io = await runAction({ payload: prEvent(7, head), inputs: { 'context-prefix': 'web' } });
    expectAllTerminal(head, 'web');
    expect(io.summaries.join('')).toContain('web/merge-gate/verdict');
  });
});

describe('run() when the API misbehaves', () => {
  it('retries 5xx answers, timeouts and malformed JSON, and still posts every final state', async () => {
    const { head, expected } = await serveFixturePr();
    github.inject('pull', { kind: 'status', status: 502 });
    github.inject('files', { kind: 'malformed-json' });
    github.inject('contents', { kind: 'timeout' });
    github.inject('statuses', { kind: 'status', status: 503 }, 2);
    const io = await runAction({ payload: prEvent(7, head) });
    const finals = github.finalStatuses(head);
    for (const result of expected.results) expect(finals.get(result.check)?.state).toBe(result.state);
    expect(io.failures).toEqual([]);
  });

  it('posts error on all seven, on the payload head, when the PR cannot be read', async () => {
    const { head } = await serveFixturePr();
    github.inject('pull', { kind: 'status', status: 500 }, Infinity);
    const io = await runAction({ payload: prEvent(7, head) });
    const finals = github.finalStatuses(head);
    expect([...finals.values()].map((s) => s.state)).toEqual(Array(7).fill('error'));
    expect(finals.get('merge-gate/verdict')?.description).toContain('reading PR #7');
    expect(io.failures).toEqual([expect.stringContaining('could not evaluate')]);
    expect(io.outputs.get('verdict')).toBe('failure');
  });

  it('turns pending into error on all seven when listing the files fails midway', async () => {
    const { head } = await serveFixturePr();
    github.inject('files', { kind: 'status', status: 502 }, Infinity);
    const io = await runAction({ payload: prEvent(7, head) });
    const posted = github.statusesFor(head);
    expect(posted.filter((s) => s.state === 'pending')).toHaveLength(7);
    expect([...github.finalStatuses(head).values()].map((s) => s.state)).toEqual(Array(7).fill('error'));
    expect(io.failures).toHaveLength(1);
  });

  it('with a read-only token: one refused post, one clear message, the summary and outputs kept', async () => {
    const repo = createRepo({ files: { 'README.md': '# base\n' } });
    const base = repo.sha();
    repo.branch(HEAD_REF);
    const head = repo.commit('no proof', { 'apps/web/src/feature.ts': 'export const x = 1;\n' });
    await github.servePullRequestFromGit(repo.dir, {
      number: 7,
      headRef: HEAD_REF,
      base,
      head,
      headRepository: 'fork/repo',
    });
    github.inject(
      'statuses',
      { kind: 'status', status: 403, body: { message: 'Resource not accessible by integration' } },
      Infinity,
    );

    const io = await runAction({ eventName: 'pull_request', payload: prEvent(7, head) });
    expect(github.count('statuses')).toBe(1);
    const errors = io.levels('error').filter((a) => !a.props?.file);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /could not post commit statuses.*pull_request_target.*never checks out or runs code/s,
    );
    expect(io.summaries.join('')).toContain('pull_request_target');
    expect(io.outputs.get('verdict')).toBe('failure');
    expect(io.failures).toEqual([expect.stringContaining('statuses could not be posted')]);
  });

  it('warns and fails the step when some final statuses cannot be posted', async () => {
    const { head } = await serveFixturePr();
    // The 7 pending posts succeed, then every later post fails.
    github.inject('statuses', { kind: 'status', status: 502 }, Infinity, 7);
    const io = await runAction({ payload: prEvent(7, head) });
    expect(io.levels('warning').map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^Merge Gate could not post the status of prehandover-proof-check, .*merge-gate\/verdict: .*HTTP 502/,
      ),
    ]);
    expect(io.failures).toEqual([expect.stringContaining('could not post the status')]);
  });
});

describe('run() on other events', () => {
  it('evaluates the PR of a merge group entry and posts on the merge group commit', async () => {
    const { head, expected } = await serveFixturePr({ number: 42 });
    const groupSha = '9'.repeat(40);
    await runAction({
      eventName: 'merge_group',
      payload: mergeGroupPayload({ repository: 'octo/repo', number: 42, headSha: head, groupSha }),
    });
    expect(github.statusesFor(head)).toEqual([]);
    const finals = github.finalStatuses(groupSha);
    for (const result of expected.results) expect(finals.get(result.check)?.state).toBe(result.state);
  });

  it('posts error on the merge group commit when its branch names no PR', async () => {
    const groupSha = '9'.repeat(40);
    const payload = mergeGroupPayload({
      repository: 'octo/repo',
      number: 42,
      headSha: 'e'.repeat(40),
      groupSha,
    });
    (payload.merge_group as { head_ref: string }).head_ref = 'refs/heads/odd';
    await runAction({ eventName: 'merge_group', payload });
    expect([...github.finalStatuses(groupSha).values()].map((s) => s.state)).toEqual(Array(7).fill('error'));
  });

  it('does nothing on a push but say so: no request, no status, no failure', async () => {
    const push = recordedPush();
    const io = await runAction({ eventName: 'push', payload: push });
    expect(github.count()).toBe(0);
    expect(io.levels('notice')).toHaveLength(1);
    expect(io.failures).toEqual([]);
    expect(io.outputs.size).toBe(0);
  });
});

describe('run() configuration', () => {
  it("uses the base branch config, not the one the PR proposes, and reports the proposal's problems", async () => {
    const repo = createRepo({
      files: { 'README.md': '# base\n', '.github/merge-gate.yml': 'context_prefix: base\n' },
    });
    const base = repo.sha();
    repo.branch(HEAD_REF);
    const head = repo.commit('weaken the gate', {
      '.github/merge-gate.yml': 'mode: advisory\nno_such_key: 1\n',
    });
    await github.servePullRequestFromGit(repo.dir, { number: 7, headRef: HEAD_REF, base, head });
    const io = await runAction({ payload: prEvent(7, head) });
    const finals = github.finalStatuses(head);
    expect(finals.get('base/prehandover-proof-check')?.state).toBe('failure');
    expect(finals.get('base/merge-gate/verdict')?.state).toBe('failure');
    expect(
      github.requests
        .filter((r) => r.route === 'contents' && r.path.endsWith('merge-gate.yml'))
        .map((r) => r.query.get('ref')),
    ).toContain(base);
    expect(io.outputs.get('results')).toContain('no_such_key');
  });

  it('posts error on all seven, naming the problem, when the base config is invalid', async () => {
    const repo = createRepo({ files: { '.github/merge-gate.yml': 'mode: sometimes\n' } });
    const base = repo.sha();
    repo.branch(HEAD_REF);
    const head = repo.commit('anything', { 'README.md': 'x\n' });
    await github.servePullRequestFromGit(repo.dir, { number: 7, headRef: HEAD_REF, base, head });
    const io = await runAction({ payload: prEvent(7, head) });
    const finals = [...github.finalStatuses(head).values()];
    expect(finals.map((s) => s.state)).toEqual(Array(7).fill('error'));
    expect(finals[0]?.description).toContain('mode');
    expect(io.failures).toHaveLength(1);
  });
});
