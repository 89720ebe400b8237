import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { errorEvaluation } from '../../../src/evaluate/evaluate.js';
import { summariseChecks, verdictChanges, weekOf } from '../../../src/history/aggregate.js';
import { findingKind } from '../../../src/history/finding-kind.js';
import type { HistoryPull, PullOutcome } from '../../../src/history/types.js';
import { evaluatePr, goodForemanPr } from '../../helpers/evaluate-pr.js';
import { configWith } from '../../helpers/in-memory-pr.js';

const pull = (number: number): HistoryPull => ({
  number,
  title: `PR ${number}`,
  mergedAt: '2026-03-04T12:00:00Z',
  base: 'b',
  head: 'h',
  headRef: 'copilot/feature',
  labels: [],
  author: null,
  origin: 'github',
});

describe('findingKind: the same rule broken on different PRs is one kind', () => {
  it.each([
    [
      'Branch "copilot/a" does not match the PR head branch "copilot/b": is this the proof for another PR?',
      'Branch "…" does not match the PR head branch "…": is this the proof for another PR?',
    ],
    ['Session memory session-071-20260429.md: No date field', 'Session memory …: No date field'],
    [
      'Unchecked completeness item under "Bundle Completeness": Evidence: 120/120 tests GREEN',
      'Unchecked completeness item under "…"',
    ],
    [
      'total_canons is 201 but the inventory lists 203 canons',
      'total_canons is N but the inventory lists N canons',
    ],
    [
      'Failed: prehandover-proof-check, governance/alignment',
      'Failed: prehandover-proof-check, governance/alignment',
    ],
    [
      '6 implementation file(s) changed (apps/a/src/x.ts, apps/a/src/y.ts and 4 more) but no evidence',
      'N implementation file(s) changed (…) but no evidence',
    ],
  ])('%s', (message, kind) => expect(findingKind(message)).toBe(kind));
});

describe('weekOf', () => {
  it.each([
    ['2026-03-02T00:00:00Z', '2026-03-02'], // a Monday
    ['2026-03-08T23:59:59Z', '2026-03-02'], // the Sunday after
    ['2026-03-09T00:00:00Z', '2026-03-09'],
    ['2026-01-01T12:00:00Z', '2025-12-29'], // across a year
  ])('%s is in the week of %s', (iso, monday) => expect(weekOf(iso)).toBe(monday));
});

describe('summaries over outcomes', () => {
  it('counts a check failed by PR, its kinds with the PRs behind them; errors are not failures', async () => {
    const pending = await evaluatePr(goodForemanPr({ token: 'PENDING' }));
    const passing = await evaluatePr(goodForemanPr());
    const outcomes: PullOutcome[] = [
      { pull: pull(1), evaluation: pending },
      { pull: pull(2), evaluation: pending },
      { pull: pull(3), evaluation: passing },
      { pull: pull(4), evaluation: errorEvaluation('HTTP 502') },
      { pull: pull(5), error: 'gone' },
    ];
    const proof = summariseChecks(outcomes, (o) => o.evaluation)[0]!;
    expect(proof).toMatchObject({
      context: 'prehandover-proof-check',
      evaluated: 4,
      failed: 2,
      errored: 1,
      failureRate: 0.5,
    });
    expect(proof.findings).toEqual([
      {
        kind: 'IAA token is PENDING: get the assurance audit done and record its token',
        count: 2,
        pulls: [1, 2],
      },
      { kind: 'HTTP N', count: 1, pulls: [4] },
    ]);
  });

  it('counts advisory mode by what enforce mode would decide', async () => {
    const advisory = await evaluatePr(goodForemanPr({ token: 'PENDING' }), configWith({ mode: 'advisory' }));
    expect(advisory.verdict).toBe('success');
    const verdict = summariseChecks([{ pull: pull(1), evaluation: advisory }], (o) => o.evaluation).at(-1)!;
    expect(verdict).toMatchObject({ context: 'merge-gate/verdict', failed: 1 });
  });

  it('explains a verdict change under a proposed config by the checks that changed and their findings', async () => {
    const other = goodForemanPr({ branch: 'copilot/other' });
    const base = await evaluatePr(other);
    const proposed = await evaluatePr(
      other,
      configWith({ proof: { ...DEFAULT_CONFIG.proof, match_branch: false } }),
    );
    const same = await evaluatePr(goodForemanPr());
    const changes = verdictChanges([
      { pull: pull(7), evaluation: base, proposed },
      { pull: pull(8), evaluation: same, proposed: same },
    ]);
    expect(changes).toEqual([
      {
        number: 7,
        title: 'PR 7',
        from: 'failure',
        to: 'success',
        checks: [
          {
            context: 'prehandover-proof-check',
            from: 'failure',
            to: 'success',
            reason:
              'Branch "copilot/other" does not match the PR head branch "copilot/feature": is this the proof for another PR?',
          },
          {
            context: 'merge-gate/verdict',
            from: 'failure',
            to: 'success',
            reason: 'Failed: prehandover-proof-check',
          },
        ],
      },
    ]);
  });
});
