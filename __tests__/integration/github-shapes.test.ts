/**
 * The test data is shaped like what GitHub publishes: the event payloads the suites hand the
 * action satisfy GitHub's webhook schemas (a hand-made event can never again be tidier than
 * GitHub's), and the fake GitHub's answers start from the current API description's examples.
 */
import { readFileSync } from 'node:fs';
import { DESCRIPTION, extractApiExamples } from '../../scripts/api-examples.mjs';
import { prEvent } from '../helpers/action-harness.js';
import {
  mergeGroupPayload,
  pullRequestPayload,
  recordedPayloads,
  webhookProblems,
} from '../helpers/webhook-payloads.js';

const SHA = 'a'.repeat(40);
const TRIGGERS = ['opened', 'synchronize', 'reopened', 'edited', 'labeled', 'unlabeled', 'ready_for_review'];

describe('event payloads', () => {
  it('refuses the tidy hand-made event the suites used to send, naming what GitHub always sends', () => {
    const tidy = {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: SHA, ref: 'x' } },
    };
    const problems = webhookProblems('pull_request_target', tidy);
    expect(problems).toEqual(
      expect.arrayContaining([
        "pull_request$synchronize/ must have required property 'repository'",
        "pull_request$synchronize/ must have required property 'sender'",
        "pull_request$synchronize/pull_request must have required property 'base'",
      ]),
    );
  });

  it('accepts what GitHub sent: the newest recording of each activity satisfies its schema', () => {
    for (const action of TRIGGERS.filter((a) => a !== 'edited')) {
      const valid = recordedPayloads('pull_request', action).filter(
        (payload) => webhookProblems('pull_request', payload).length === 0,
      );
      expect([action, valid.length > 0]).toEqual([action, true]);
    }
  });

  it.each(TRIGGERS)('builds a GitHub-shaped %s payload pointed at a test PR', (action) => {
    const payload = pullRequestPayload(action, { repository: 'octo/repo', number: 7, headSha: SHA });
    expect(webhookProblems('pull_request_target', payload)).toEqual([]);
    expect(payload).toMatchObject({ action, number: 7, pull_request: { number: 7, head: { sha: SHA } } });
    expect((payload.repository as { full_name: string }).full_name).toBe('octo/repo');
  });

  it("builds the suites' shared events GitHub-shaped: prEvent and merge groups", () => {
    expect(webhookProblems('pull_request', prEvent(7, SHA, 'labeled'))).toEqual([]);
    const group = mergeGroupPayload({
      repository: 'octo/repo',
      number: 42,
      headSha: SHA,
      groupSha: 'b'.repeat(40),
    });
    expect(webhookProblems('merge_group', group)).toEqual([]);
    expect(group.merge_group).toMatchObject({
      head_sha: 'b'.repeat(40),
      head_ref: `refs/heads/gh-readonly-queue/main/pr-42-${SHA}`,
    });
  });
});

describe("the fake GitHub's answers", () => {
  it('start from the examples of the installed API description (npm run build:api-examples when this fails)', () => {
    const description = JSON.parse(readFileSync(DESCRIPTION, 'utf8')) as unknown;
    const committed = JSON.parse(
      readFileSync('__tests__/helpers/generated/github-api-examples.json', 'utf8'),
    ) as { examples: unknown };
    expect(committed.examples).toEqual(extractApiExamples(description));
  });
});
