/** Tests of src/report/statuses.ts (kept with the action's tests: the action is its only user). */
import { CHECK_IDS } from '../../../src/model/contexts.js';
import type { CheckResult } from '../../../src/model/results.js';
import {
  PENDING_DESCRIPTION,
  StatusReporter,
  type StatusSink,
  type StatusState,
} from '../../../src/report/statuses.js';

class ReadOnlyError extends Error {}

/** Records posts; `refuse` decides which posts fail. */
class RecordingSink implements StatusSink {
  readonly posts: { context: string; state: StatusState; description: string; targetUrl?: string }[] = [];
  readonly attempts: string[] = [];
  constructor(
    private readonly refuse: (context: string, state: StatusState) => Error | undefined = () => undefined,
  ) {}
  async post(context: string, state: StatusState, description: string, targetUrl?: string): Promise<void> {
    this.attempts.push(`${context}:${state}`);
    const error = this.refuse(context, state);
    if (error) throw error;
    this.posts.push({ context, state, description, ...(targetUrl ? { targetUrl } : {}) });
  }
  final(context: string) {
    return this.posts.filter((p) => p.context === context).at(-1);
  }
}

const results = (state: CheckResult['state'] = 'success'): CheckResult[] =>
  CHECK_IDS.map((check) => ({ check, state, description: `${check}: ${state}`, findings: [] }));

describe('StatusReporter', () => {
  it('posts pending on all seven contexts, then each final state, linking the run', async () => {
    const sink = new RecordingSink();
    const reporter = new StatusReporter(sink, { targetUrl: 'https://github.com/o/r/actions/runs/9' });
    await reporter.markPending();
    expect(sink.posts.map((p) => [p.context, p.state, p.description])).toEqual(
      CHECK_IDS.map((check) => [check, 'pending', PENDING_DESCRIPTION]),
    );
    const report = await reporter.finish(results('failure'));
    for (const check of CHECK_IDS) {
      expect(sink.final(check)).toEqual({
        context: check,
        state: 'failure',
        description: `${check}: failure`,
        targetUrl: 'https://github.com/o/r/actions/runs/9',
      });
    }
    expect(report).toEqual({ finished: [...CHECK_IDS], unreported: [] });
  });

  it('names contexts with the prefix', async () => {
    const sink = new RecordingSink();
    await new StatusReporter(sink, { prefix: 'web' }).finish(results());
    expect(sink.posts.map((p) => p.context)).toEqual(CHECK_IDS.map((check) => `web/${check}`));
  });

  it('gives a check missing from the results an error, never leaving it pending', async () => {
    const sink = new RecordingSink();
    const reporter = new StatusReporter(sink);
    await reporter.markPending();
    await reporter.finish(results().filter((r) => r.check !== 'governance/alignment'));
    expect(sink.final('governance/alignment')).toMatchObject({
      state: 'error',
      description: 'Merge Gate produced no result for this check',
    });
  });

  it('retries a context whose final post failed as error with the reason', async () => {
    let refusedOnce = false;
    const sink = new RecordingSink((context, state) => {
      if (context === 'merge-gate/verdict' && state === 'success' && !refusedOnce) {
        refusedOnce = true;
        return new Error('HTTP 502');
      }
      return undefined;
    });
    const report = await new StatusReporter(sink).finish(results());
    expect(sink.final('merge-gate/verdict')).toMatchObject({
      state: 'error',
      description: 'Merge Gate could not post this result: HTTP 502',
    });
    expect(report.unreported).toEqual([]);
  });

  it('reports the contexts it could not make terminal, with why', async () => {
    const sink = new RecordingSink((context, state) =>
      context === 'session-memory-check' && state !== 'pending' ? new Error('HTTP 503') : undefined,
    );
    const report = await new StatusReporter(sink).finish(results());
    expect(report.unreported).toEqual([{ context: 'session-memory-check', reason: 'HTTP 503' }]);
    expect(report.finished).not.toContain('session-memory-check');
  });

  it('stops at the first fatal error: one refused request, not fourteen', async () => {
    const sink = new RecordingSink(() => new ReadOnlyError('Resource not accessible by integration'));
    const reporter = new StatusReporter(sink, { isFatal: (e) => e instanceof ReadOnlyError });
    await reporter.markPending();
    const report = await reporter.finish(results());
    expect(sink.attempts).toEqual(['prehandover-proof-check:pending']);
    expect(report.fatal).toBeInstanceOf(ReadOnlyError);
    expect(report.finished).toEqual([]);
    expect(report.unreported).toHaveLength(7);
  });

  it('failRemaining posts error with the reason on every context not yet terminal, and only there', async () => {
    const fresh = new RecordingSink();
    await new StatusReporter(fresh).failRemaining('GitHub API error while reading PR #3: HTTP 502');
    expect(fresh.posts.map((p) => [p.context, p.state, p.description])).toEqual(
      CHECK_IDS.map((check) => [check, 'error', 'GitHub API error while reading PR #3: HTTP 502']),
    );

    const done = new RecordingSink();
    const reporter = new StatusReporter(done);
    await reporter.finish(results());
    await reporter.failRemaining('too late');
    expect(done.posts.filter((p) => p.state === 'error')).toEqual([]);
  });
});
