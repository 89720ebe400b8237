/**
 * The optional sticky PR comment (`comment: never | on-failure | always`) through `run()`, against
 * the fake API: one comment per PR, updated in place, written after the final statuses, and never
 * able to change the statuses, the outputs or the step's exit.
 */
import { reportMarker } from '../../src/action/comment.js';
import { CHECK_IDS } from '../../src/model/contexts.js';
import { actionHarness, prEvent, RUN_URL, TOKEN } from '../helpers/action-harness.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { removeTempRepos } from '../helpers/git-repo.js';
import { mergeGroupPayload } from '../helpers/webhook-payloads.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
});
afterEach(() => github.close());
afterAll(removeTempRepos);

const { runAction, serveFixturePr, serveFailingPr, expectAllTerminal } = actionHarness(() => github);

const conversation = (pr = 7) => github.comments.on('octo/repo', pr);
const bodies = (pr = 7) => conversation(pr).map((c) => c.body);
const commentRequests = () => github.requests.filter((r) => r.route === 'comments').map((r) => r.method);

describe('comment: never (the default)', () => {
  it('makes no comments request at all', async () => {
    const { head } = await serveFailingPr();
    const io = await runAction({ payload: prEvent(7, head) });
    expectAllTerminal(head);
    expect(github.count('comments')).toBe(0);
    expect(io.failures).toEqual([]);
  });
});

describe('comment: always', () => {
  it('writes one comment with the verdict, the seven contexts, the commit and the run, after the final statuses', async () => {
    const { head } = await serveFixturePr();
    const io = await runAction({ payload: prEvent(7, head), inputs: { comment: 'always' } });

    expect(bodies()).toHaveLength(1);
    const body = bodies()[0] ?? '';
    expect(body.startsWith(`${reportMarker('')}\n`)).toBe(true);
    expect(body).toContain('Merge Gate: may merge');
    for (const check of CHECK_IDS) expect(body).toContain(`\`${check}\``);
    expect(body).toContain(`commit ${head.slice(0, 7)}`);
    expect(body).toContain(`[workflow run](${RUN_URL})`);
    expect(body).not.toContain(TOKEN);
    // Every status request came before the first comment request.
    const routes = github.requests.map((r) => r.route);
    expect(routes.lastIndexOf('statuses')).toBeLessThan(routes.indexOf('comments'));
    expect(io.infos).toContainEqual(
      expect.stringMatching(/^Merge Gate commented on PR #7: https:\/\/github.com\//),
    );
    expect(io.failures).toEqual([]);
  });

  it('keeps one comment over two pushes, updated in place to the new head', async () => {
    const { repo, base, head } = await serveFixturePr();
    await runAction({ payload: prEvent(7, head), inputs: { comment: 'always' } });
    const [first] = conversation();

    const pushed = repo.commit('second push', { 'README.md': '# base, edited\n' });
    await github.servePullRequestFromGit(repo.dir, {
      number: 7,
      headRef: 'copilot/deploy-ai-gateway-production',
      base,
      head: pushed,
    });
    await runAction({ payload: prEvent(7, pushed), inputs: { comment: 'always' } });

    expect(conversation()).toEqual([expect.objectContaining({ id: first?.id })]);
    expect(bodies()[0]).toContain(`commit ${pushed.slice(0, 7)}`);
    expect(bodies()[0]).not.toContain(`commit ${head.slice(0, 7)}`);
    expect(commentRequests()).toEqual(['GET', 'POST', 'GET', 'PATCH']);
  });

  it("keeps the comments of two gates apart by their context prefix, and leaves people's comments alone", async () => {
    const { head } = await serveFailingPr();
    github.comments.add('octo/repo', 7, 'Please add a proof.');
    await runAction({ payload: prEvent(7, head), inputs: { comment: 'always' } });
    await runAction({ payload: prEvent(7, head), inputs: { comment: 'always', 'context-prefix': 'web' } });
    await runAction({ payload: prEvent(7, head), inputs: { comment: 'always', 'context-prefix': 'web' } });

    const [human, plain, web] = bodies();
    expect(bodies()).toHaveLength(3);
    expect(human).toBe('Please add a proof.');
    expect(plain?.startsWith(reportMarker(''))).toBe(true);
    expect(plain).toContain('`merge-gate/verdict`');
    expect(web?.startsWith(reportMarker('web'))).toBe(true);
    expect(web).toContain('`web/merge-gate/verdict`');
  });

  it('redacts the token from the comment when an API error echoed it into the report', async () => {
    const { head } = await serveFixturePr();
    github.inject('files', {
      kind: 'status',
      status: 401,
      body: { message: `Bad credentials for ${TOKEN}` },
    });
    await runAction({ payload: prEvent(7, head), inputs: { comment: 'always' } });
    expect(github.finalStatuses(head).get('merge-gate/verdict')?.state).toBe('error');
    expect(bodies()).toEqual([expect.stringContaining('Bad credentials for ***')]);
    expect(bodies()[0]).not.toContain(TOKEN);
  });

  it('does not comment on a merge group run, and says why', async () => {
    const { head } = await serveFixturePr({ number: 42 });
    const io = await runAction({
      eventName: 'merge_group',
      inputs: { comment: 'always' },
      payload: mergeGroupPayload({
        repository: 'octo/repo',
        number: 42,
        headSha: head,
        groupSha: '9'.repeat(40),
      }),
    });
    expectAllTerminal('9'.repeat(40));
    expect(github.count('comments')).toBe(0);
    expect(io.infos).toContainEqual(expect.stringContaining('does not comment on merge_group runs'));
  });
});

describe('comment: on-failure', () => {
  it('writes nothing for a passing PR that has no comment (one look, no write)', async () => {
    const { head } = await serveFixturePr();
    const io = await runAction({ payload: prEvent(7, head), inputs: { comment: 'on-failure' } });
    expect(io.outputs.get('verdict')).toBe('success');
    expect(conversation()).toEqual([]);
    expect(commentRequests()).toEqual(['GET']);
  });

  it('comments on a failing PR, then updates that comment once the PR passes', async () => {
    const { head: failing } = await serveFailingPr();
    await runAction({ payload: prEvent(7, failing), inputs: { comment: 'on-failure' } });
    expect(bodies()).toEqual([expect.stringContaining('Merge Gate: blocked')]);
    expect(bodies()[0]).toContain('prehandover-proof-check');

    const { head: passing } = await serveFixturePr();
    const io = await runAction({ payload: prEvent(7, passing), inputs: { comment: 'on-failure' } });
    expect(io.outputs.get('verdict')).toBe('success');
    expect(bodies()).toEqual([expect.stringContaining('Merge Gate: may merge')]);
    expect(bodies()[0]).not.toContain('blocked');
    expect(commentRequests()).toEqual(['GET', 'POST', 'GET', 'PATCH']);
  });
});

describe('a comment that cannot be written', () => {
  it('on HTTP 403: the statuses keep their states, a warning names pull-requests: write, the step passes', async () => {
    const { head, expected } = await serveFixturePr();
    github.inject(
      'comments',
      { kind: 'status', status: 403, body: { message: 'Resource not accessible by integration' } },
      Infinity,
    );
    const io = await runAction({ payload: prEvent(7, head), inputs: { comment: 'always' } });

    expectAllTerminal(head);
    const finals = github.finalStatuses(head);
    for (const result of expected.results) expect(finals.get(result.check)?.state).toBe(result.state);
    expect(github.count('comments')).toBe(1);
    const warnings = io.levels('warning').map((a) => a.message);
    expect(warnings).toEqual([
      expect.stringMatching(
        /could not write the PR comment.*HTTP 403.*`permissions: pull-requests: write`.*comment: never/,
      ),
    ]);
    expect(io.summaries.join('')).toContain('could not write the PR comment');
    expect(io.outputs.get('verdict')).toBe('success');
    expect(io.failures).toEqual([]);
  });

  it('on a server that keeps failing: retried, then a warning; a failing verdict still fails per fail-on only', async () => {
    const { head } = await serveFailingPr();
    github.inject('comments', { kind: 'status', status: 502 }, Infinity);
    const io = await runAction({
      payload: prEvent(7, head),
      inputs: { comment: 'always', 'fail-on': 'failure' },
    });

    expect(github.count('comments')).toBe(3); // the first try and two retries
    expect(github.finalStatuses(head).get('merge-gate/verdict')?.state).toBe('failure');
    expect(io.levels('warning').map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^Merge Gate could not write the PR comment: .*HTTP 502.*statuses .* are not affected/,
      ),
    ]);
    expect(io.failures).toEqual([expect.stringContaining('did not pass')]);
    expect(io.failures.join('')).not.toContain('comment');
  });
});

describe('where the setting comes from', () => {
  it('uses the base config when the input is empty', async () => {
    const { head } = await serveFailingPr({ config: 'comment: always\n' });
    await runAction({ payload: prEvent(7, head), inputs: { comment: '' } });
    expect(bodies()).toEqual([expect.stringContaining('Merge Gate: blocked')]);
  });

  it('lets the input override the config', async () => {
    const { head } = await serveFailingPr({ config: 'comment: always\n' });
    await runAction({ payload: prEvent(7, head), inputs: { comment: 'never' } });
    expect(github.count('comments')).toBe(0);
  });

  it('refuses an invalid input before any request, naming the input and the allowed values', async () => {
    const { head } = await serveFailingPr();
    const io = await runAction({ payload: prEvent(7, head), inputs: { comment: 'sometimes' } });
    expect(io.failures).toEqual([
      'The comment input must be one of never, on-failure, always (or empty to use the config); got "sometimes".',
    ]);
    expect(github.count()).toBe(0);
  });
});
