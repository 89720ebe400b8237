import { parseMergeSubject, titleFromMergeBody } from '../../../src/history/merge-subjects.js';
import { pullsFromLog } from '../../../src/history/discover-local.js';

describe('which first-parent commits are merged pull requests', () => {
  it.each([
    ['Add the widget (#12)', { kind: 'squash', number: 12, title: 'Add the widget' }],
    [
      'Revert "Add the widget (#12)" (#15)',
      { kind: 'squash', number: 15, title: 'Revert "Add the widget (#12)"' },
    ],
    [
      'Merge pull request #7 from octo/feature/deep/name',
      { kind: 'merge', number: 7, owner: 'octo', branch: 'feature/deep/name' },
    ],
    [
      'Merge pull request #8 from fork-owner/main',
      { kind: 'merge', number: 8, owner: 'fork-owner', branch: 'main' },
    ],
  ])('%s', (subject, expected) => {
    expect(parseMergeSubject(subject)).toEqual(expected);
  });

  it.each(['Fix #12 in the parser', 'Merge branch main into feature', 'Bump (#x)', 'Merge pull request #9'])(
    'not %s',
    (subject) => expect(parseMergeSubject(subject)).toBeUndefined(),
  );

  it('takes a merge commit title from the first line of its body', () => {
    expect(titleFromMergeBody('\nWire the endpoint\n\nmore', 'Merge pull request #1 from a/b')).toBe(
      'Wire the endpoint',
    );
    expect(titleFromMergeBody('', 'subject')).toBe('subject');
  });
});

describe('pullsFromLog', () => {
  const record = (sha: string, parents: string, date: string, subject: string, body = '') =>
    [sha, parents, date, subject, body].join('\x1f');
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  const c = 'c'.repeat(40);
  const log = [
    record(
      c,
      `${b} ${a}`,
      '2026-03-02T10:00:00+02:00',
      'Merge pull request #3 from o/feat',
      'Feature three\n',
    ),
    record(b, a, '2026-03-01T10:00:00Z', 'Two (#2)'),
    record(a, '', '2026-02-01T10:00:00Z', 'Revert of two (#2)'),
  ].join('\0');

  it('reads base, head and head ref for both styles; the newest PR of a number wins', () => {
    expect(pullsFromLog(log, false, { limit: 10 })).toEqual([
      {
        number: 3,
        title: 'Feature three',
        mergedAt: '2026-03-02T08:00:00.000Z',
        base: b,
        head: a,
        headRef: 'feat',
        labels: null,
        author: null,
        origin: 'merge',
      },
      {
        number: 2,
        title: 'Two',
        mergedAt: '2026-03-01T10:00:00.000Z',
        base: a,
        head: b,
        headRef: null,
        labels: null,
        author: null,
        origin: 'squash',
      },
    ]);
  });

  it('says why a PR with no parent cannot be compared, shallow or not', () => {
    const root = record(a, '', '2026-02-01T10:00:00Z', 'First (#1)');
    expect(pullsFromLog(root, true, { limit: 5 })[0]?.unavailable).toMatch(/no parent in this shallow clone/);
    expect(pullsFromLog(root, false, { limit: 5 })[0]?.unavailable).toMatch(/is a root commit/);
  });

  it('stops at --limit and skips PRs merged before --since', () => {
    expect(pullsFromLog(log, false, { limit: 1 }).map((p) => p.number)).toEqual([3]);
    expect(
      pullsFromLog(log, false, { limit: 9, since: new Date('2026-03-02T00:00:00Z') }).map((p) => p.number),
    ).toEqual([3]);
  });
});
