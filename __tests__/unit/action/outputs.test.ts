import { outputsFor, stepFailure } from '../../../src/action/outputs.js';
import { CHECK_IDS, contextName, type CheckId } from '../../../src/model/contexts.js';
import type { CheckState, Evaluation } from '../../../src/model/results.js';
import type { StatusReport } from '../../../src/report/statuses.js';

function evaluation(states: Partial<Record<CheckId, CheckState>> = {}): Evaluation {
  const results = CHECK_IDS.map((check) => ({
    check,
    state: states[check] ?? 'success',
    description: `${check} says ${states[check] ?? 'success'}`,
    findings: [],
  }));
  const verdict = results.some((r) => r.state === 'error')
    ? 'error'
    : results.some((r) => r.state === 'failure')
      ? 'failure'
      : 'success';
  return { results, verdict, relatedProofs: [], role: 'foreman', notes: [] };
}
const posted: StatusReport = { finished: [...CHECK_IDS], unreported: [] };
const prefixed = (check: CheckId) => contextName(check, 'web');

describe('outputsFor', () => {
  it('gives verdict success and no failed checks when everything passed', () => {
    const outputs = outputsFor(evaluation(), prefixed);
    expect(outputs.verdict).toBe('success');
    expect(outputs['failed-checks']).toBe('');
  });

  it('lists the context names that did not pass, and JSON of every check', () => {
    const outputs = outputsFor(
      evaluation({ 'session-memory-check': 'failure', 'merge-gate/verdict': 'failure' }),
      prefixed,
    );
    expect(outputs.verdict).toBe('failure');
    expect(outputs['failed-checks']).toBe('web/session-memory-check,web/merge-gate/verdict');
    const results = JSON.parse(outputs.results) as { context: string; check: string; state: string }[];
    expect(results).toHaveLength(7);
    expect(results[1]).toMatchObject({
      context: 'web/session-memory-check',
      check: 'session-memory-check',
      state: 'failure',
    });
  });

  it('calls an evaluation error a failure in the verdict output', () => {
    expect(outputsFor(evaluation({ 'governance/alignment': 'error' }), prefixed).verdict).toBe('failure');
  });
});

describe('stepFailure', () => {
  const failed = evaluation({ 'prehandover-proof-check': 'failure', 'merge-gate/verdict': 'failure' });
  const errored = evaluation({ 'governance/alignment': 'error', 'merge-gate/verdict': 'error' });

  it('fail-on error (default): fails only when a check could not be evaluated', () => {
    expect(stepFailure('error', evaluation(), posted)).toBeUndefined();
    expect(stepFailure('error', failed, posted)).toBeUndefined();
    expect(stepFailure('error', errored, posted)).toBe(
      'Merge Gate could not evaluate: governance/alignment, merge-gate/verdict (see the job summary).',
    );
  });

  it('fail-on failure: fails whenever the verdict is not success', () => {
    expect(stepFailure('failure', evaluation(), posted)).toBeUndefined();
    expect(stepFailure('failure', failed, posted)).toBe(
      'Merge Gate: prehandover-proof-check, merge-gate/verdict did not pass.',
    );
    expect(stepFailure('failure', errored, posted)).toMatch(/could not evaluate/);
  });

  it('fail-on never: never fails', () => {
    expect(
      stepFailure('never', errored, { finished: [], unreported: [{ context: 'x', reason: 'y' }] }),
    ).toBeUndefined();
  });

  it('fails when a status could not be posted (a required context would stay pending)', () => {
    const report: StatusReport = {
      finished: [],
      unreported: [{ context: 'merge-gate/verdict', reason: 'HTTP 502' }],
    };
    expect(stepFailure('error', evaluation(), report)).toBe(
      'Merge Gate could not post the status of merge-gate/verdict.',
    );
  });

  it('with a read-only token, fails when a check failed so the signal is not lost, whatever fail-on says', () => {
    const refused: StatusReport = { finished: [], unreported: [], fatal: new Error('403') };
    expect(stepFailure('error', failed, refused)).toBe(
      'Merge Gate: prehandover-proof-check, merge-gate/verdict did not pass, and the statuses could not be posted.',
    );
    expect(stepFailure('error', evaluation(), refused)).toBeUndefined();
  });
});
