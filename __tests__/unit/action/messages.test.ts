import { readOnlyTokenMessage, unreportedMessage } from '../../../src/action/messages.js';

const refused = new Error(
  'GitHub API error while posting a commit status: HTTP 403: Resource not accessible by integration',
);

describe('readOnlyTokenMessage', () => {
  it('tells a fork PR under pull_request to use pull_request_target, and why that is safe', () => {
    const message = readOnlyTokenMessage(refused, 'pull_request', true);
    expect(message).toContain('Resource not accessible by integration');
    expect(message).toContain('Run Merge Gate on `pull_request_target`');
    expect(message).toContain('never checks out or runs code from the pull request');
  });

  it('tells a workflow that is already on pull_request_target to grant statuses: write', () => {
    const message = readOnlyTokenMessage(refused, 'pull_request_target', true);
    expect(message).not.toContain('Run Merge Gate on');
    expect(message).toContain('`permissions: statuses: write`');
  });
});

describe('unreportedMessage', () => {
  it('says each reason once, listing the contexts it kept from being posted', () => {
    expect(
      unreportedMessage([
        { context: 'a', reason: 'HTTP 502' },
        { context: 'b', reason: 'HTTP 502' },
        { context: 'c', reason: 'timeout' },
      ]),
    ).toBe(
      'Merge Gate could not post the status of a, b: HTTP 502. Merge Gate could not post the status of c: timeout.',
    );
  });
});
