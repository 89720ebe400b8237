/**
 * The API fault matrix (issue #5): every failure mode on every route the action calls. Whatever
 * fails, all seven contexts end terminal (or, when statuses themselves cannot be posted, the step
 * fails saying so), and the step fails exactly when something could not be evaluated or posted.
 */
import type { RecordingIO } from '../helpers/action-harness.js';
import { actionHarness, prEvent, TOKEN } from '../helpers/action-harness.js';
import { FakeGitHub, type Fault, type Route } from '../helpers/fake-github.js';
import { removeTempRepos } from '../helpers/git-repo.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
});
afterEach(() => github.close());
afterAll(removeTempRepos);

const { runAction, serveFixturePr, expectAllTerminal } = actionHarness(() => github);

const FAULTS: Record<string, Fault> = {
  timeout: { kind: 'timeout' },
  'connection reset': { kind: 'reset' },
  'HTTP 500': { kind: 'status', status: 500, body: { message: 'Server Error' } },
  'HTTP 502': { kind: 'status', status: 502 },
  'malformed JSON': { kind: 'malformed-json' },
  'HTTP 403 secondary rate limit with retry-after': {
    kind: 'status',
    status: 403,
    headers: { 'retry-after': '1' },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' },
  },
  'HTTP 403 with retry-after and a plain message': {
    kind: 'status',
    status: 403,
    headers: { 'retry-after': '1' },
    body: { message: 'Forbidden' },
  },
  'HTTP 429 with retry-after': {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': '1' },
    body: { message: 'Too many requests' },
  },
};

const NOT_RETRIED: Record<string, Fault> = {
  'HTTP 404': { kind: 'status', status: 404, body: { message: 'Not Found' } },
  'HTTP 403 forbidden': {
    kind: 'status',
    status: 403,
    body: { message: 'Resource not accessible by integration' },
  },
  'HTTP 403 primary rate limit exhausted': {
    kind: 'status',
    status: 403,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '4102444800' },
    body: { message: 'API rate limit exceeded' },
  },
};

const READ_ROUTES: Route[] = ['pull', 'files', 'contents'];

/** The step's verdict on itself must follow the statuses: failed iff any context is `error`. */
function expectMeaningfulExit(io: RecordingIO, head: string): void {
  const states = [...github.finalStatuses(head).values()].map((s) => s.state);
  const anyError = states.includes('error');
  expect(io.failures.length > 0).toBe(anyError);
  expect(io.outputs.get('verdict')).toMatch(/^(success|failure)$/);
  expect(JSON.parse(io.outputs.get('results') ?? '[]')).toHaveLength(7);
}

describe('a transient fault is retried: the outcome is the one without the fault', () => {
  const cases = READ_ROUTES.concat('statuses').flatMap((route) =>
    Object.entries(FAULTS).map(([name, fault]) => [route, name, fault] as const),
  );
  it.each(cases)('%s: %s once', async (route, _name, fault) => {
    const { head, expected } = await serveFixturePr();
    github.inject(route, fault, 1);
    const io = await runAction({ payload: prEvent(7, head) });
    const finals = github.finalStatuses(head);
    for (const r of expected.results) expect(finals.get(r.check)?.state).toBe(r.state);
    expect(io.failures).toEqual([]);
    expect(github.requests.some((r) => r.route === route && r.fault === fault.kind)).toBe(true);
  });
});

describe('a lasting fault on a read ends all seven terminal with a meaningful exit', () => {
  const cases = READ_ROUTES.flatMap((route) =>
    Object.entries({ ...FAULTS, ...NOT_RETRIED }).map(([name, fault]) => [route, name, fault] as const),
  );
  it.each(cases)('%s: %s every time', async (route, _name, fault) => {
    const { head } = await serveFixturePr();
    github.inject(route, fault, Infinity);
    const io = await runAction({ payload: prEvent(7, head) });
    expectAllTerminal(head);
    expectMeaningfulExit(io, head);
    if (route !== 'contents') {
      // Without the PR or its file list nothing can be judged: error, saying what failed.
      const verdict = github.finalStatuses(head).get('merge-gate/verdict');
      expect(verdict?.state).toBe('error');
      expect(verdict?.description).toMatch(/PR #7|files/i);
    }
    expect(JSON.stringify([io.infos, io.annotations, io.summaries, io.failures])).not.toContain(TOKEN);
  });
});

describe('a lasting fault on status posts fails the step and says so', () => {
  it.each(Object.entries({ ...FAULTS, ...NOT_RETRIED }).filter(([name]) => name !== 'HTTP 403 forbidden'))(
    'statuses: %s every time',
    async (_name, fault) => {
      const { head } = await serveFixturePr();
      github.inject('statuses', fault, Infinity);
      const io = await runAction({ payload: prEvent(7, head) });
      expect(github.finalStatuses(head).size).toBe(0);
      expect(io.failures).toEqual([expect.stringMatching(/status/i)]);
      // The report is not lost: outputs and summary still carry all seven results.
      expect(JSON.parse(io.outputs.get('results') ?? '[]')).toHaveLength(7);
      expect(io.summaries.join('')).toContain('merge-gate/verdict');
    },
  );

  it('statuses: HTTP 403 forbidden (a token without statuses: write) explains the fix and lets the verdict decide the step', async () => {
    const { head, expected } = await serveFixturePr();
    github.inject('statuses', NOT_RETRIED['HTTP 403 forbidden'] as Fault, Infinity);
    const io = await runAction({ payload: prEvent(7, head) });
    expect(github.count('statuses')).toBe(1);
    expect(io.levels('error').map((a) => a.message)).toEqual([
      expect.stringContaining('permissions: statuses: write'),
    ]);
    expect(io.outputs.get('verdict')).toBe(expected.verdict === 'success' ? 'success' : 'failure');
    expect(io.failures.length > 0).toBe(expected.verdict !== 'success');
  });
});
