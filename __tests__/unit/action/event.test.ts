import { PULL_REQUEST_ACTIONS, parseEvent, pullNumberFromQueueRef } from '../../../src/action/event.js';
import { recordedPayloads } from '../../helpers/webhook-payloads.js';

const SHA = 'd'.repeat(40);
const prPayload = (action: string) => ({
  action,
  number: 12,
  pull_request: { number: 12, head: { sha: SHA } },
});

describe('pullNumberFromQueueRef', () => {
  it.each([
    [`refs/heads/gh-readonly-queue/main/pr-42-${SHA}`, 42],
    [`gh-readonly-queue/main/pr-7-${SHA}`, 7],
    [`refs/heads/gh-readonly-queue/release/2.x/pr-1001-${SHA}`, 1001],
  ])('finds the PR number in %s', (ref, number) => {
    expect(pullNumberFromQueueRef(ref)).toBe(number);
  });

  it.each([
    'refs/heads/main',
    'refs/heads/gh-readonly-queue/main/pr-x-abc',
    `refs/heads/feature/pr-3-${SHA}`,
    '',
  ])('finds none in %j', (ref) => {
    expect(pullNumberFromQueueRef(ref)).toBeUndefined();
  });
});

describe('parseEvent', () => {
  it.each(
    PULL_REQUEST_ACTIONS.flatMap((action) => [
      ['pull_request', action],
      ['pull_request_target', action],
    ]),
  )('evaluates %s %s', (name, action) => {
    expect(parseEvent(name, prPayload(action))).toEqual({
      kind: 'pull_request',
      name,
      pullNumber: 12,
      headSha: SHA,
    });
  });

  it.each(['closed', 'assigned', 'review_requested', 'converted_to_draft'])(
    'ignores pull_request %s (it cannot change the verdict)',
    (action) => {
      expect(parseEvent('pull_request', prPayload(action))).toMatchObject({ kind: 'ignored' });
    },
  );

  it('evaluates the PR of a merge group entry and reports on the merge group head commit', () => {
    const payload = {
      action: 'checks_requested',
      merge_group: { head_sha: SHA, head_ref: `refs/heads/gh-readonly-queue/main/pr-42-${'e'.repeat(40)}` },
    };
    expect(parseEvent('merge_group', payload)).toEqual({
      kind: 'merge_group',
      name: 'merge_group',
      pullNumber: 42,
      statusSha: SHA,
      headRef: `refs/heads/gh-readonly-queue/main/pr-42-${'e'.repeat(40)}`,
    });
  });

  it('keeps a merge group whose ref names no PR, so its statuses can still be posted (as errors)', () => {
    const parsed = parseEvent('merge_group', { merge_group: { head_sha: SHA, head_ref: 'refs/heads/odd' } });
    expect(parsed).toMatchObject({ kind: 'merge_group', statusSha: SHA, pullNumber: undefined });
  });

  it.each(['push', 'workflow_dispatch', 'schedule', 'issue_comment', undefined])(
    'ignores the %s event',
    (name) => {
      expect(parseEvent(name, { ref: 'refs/heads/main' })).toMatchObject({ kind: 'ignored' });
    },
  );

  it("keeps the payload's count of changed files as a hint, when it is a count", () => {
    const withCount = (count: unknown) => ({
      action: 'synchronize',
      pull_request: { number: 12, head: { sha: SHA }, changed_files: count },
    });
    expect(parseEvent('pull_request', withCount(250))).toMatchObject({ changedFiles: 250 });
    expect(parseEvent('pull_request', withCount(0))).toMatchObject({ changedFiles: 0 });
    for (const count of [-1, 2.5, '250', null, undefined, Number.NaN]) {
      expect(parseEvent('pull_request', withCount(count))).not.toHaveProperty('changedFiles');
    }
  });

  it('calls a pull_request payload without a number invalid', () => {
    expect(parseEvent('pull_request', { action: 'opened' })).toMatchObject({ kind: 'invalid' });
    expect(parseEvent('merge_group', { merge_group: {} })).toMatchObject({ kind: 'invalid' });
  });
});

describe('parseEvent on the payloads GitHub records (@octokit/webhooks-examples)', () => {
  const recorded = recordedPayloads('pull_request');

  it.each(recorded.map((payload) => [payload.action, payload] as const))(
    'reads a recorded pull_request %s payload as GitHub sent it',
    (action, payload) => {
      const pr = payload.pull_request as { number: number; head: { sha: string }; changed_files: number };
      expect(Number.isSafeInteger(pr.changed_files)).toBe(true);
      const expected = PULL_REQUEST_ACTIONS.includes(String(action))
        ? {
            kind: 'pull_request',
            name: 'pull_request_target',
            pullNumber: pr.number,
            headSha: pr.head.sha,
            changedFiles: pr.changed_files,
          }
        : { kind: 'ignored', name: 'pull_request_target' };
      expect(parseEvent('pull_request_target', payload)).toMatchObject(expected);
    },
  );

  it('reads every recorded merge_group payload: the PR from the queue branch, the group commit for statuses', () => {
    const payloads = recordedPayloads('merge_group');
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) {
      const group = payload.merge_group as { head_sha: string; head_ref: string };
      expect(parseEvent('merge_group', payload)).toEqual({
        kind: 'merge_group',
        name: 'merge_group',
        pullNumber: Number(/\/pr-(\d+)-/.exec(group.head_ref)?.[1]),
        statusSha: group.head_sha,
        headRef: group.head_ref,
      });
    }
  });

  it('ignores every recorded push', () => {
    for (const payload of recordedPayloads('push'))
      expect(parseEvent('push', payload)).toMatchObject({ kind: 'ignored' });
  });
});
