import { createClient } from '../../../src/github/client.js';
import { MissingPermissionError } from '../../../src/github/errors.js';
import { GitHubStatusSink, clipDescription } from '../../../src/github/status-sink.js';
import { FakeGitHub } from '../../helpers/fake-github.js';

const SHA = 'c'.repeat(40);

describe('clipDescription', () => {
  it('keeps a description of at most 140 characters as it is', () => {
    const text = 'x'.repeat(140);
    expect(clipDescription(text)).toBe(text);
  });

  it('clips a longer one to 140 characters ending in an ellipsis', () => {
    const clipped = clipDescription('y'.repeat(141));
    expect(Array.from(clipped)).toHaveLength(140);
    expect(clipped.endsWith('…')).toBe(true);
  });

  it('counts characters, not UTF-16 units, so an emoji is never cut in half', () => {
    const clipped = clipDescription('✅'.repeat(100) + '😀'.repeat(100));
    expect(Array.from(clipped)).toHaveLength(140);
    expect(clipped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('makes a multi-line message one line', () => {
    expect(clipDescription('a.yml: 2 problems:\n  mode: bad\n  x: unknown')).toBe(
      'a.yml: 2 problems: mode: bad x: unknown',
    );
  });
});

describe('GitHubStatusSink', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await FakeGitHub.start();
  });
  afterEach(() => github.close());
  const sink = () =>
    new GitHubStatusSink(
      createClient('t', { baseUrl: github.url, retries: 0 }),
      { owner: 'octo', repo: 'repo' },
      SHA,
    );

  it('posts the state, context, clipped description and target URL on its commit', async () => {
    await sink().post(
      'merge-gate/verdict',
      'failure',
      'z'.repeat(300),
      'https://github.com/octo/repo/actions/runs/1',
    );
    expect(github.statuses).toEqual([
      {
        repository: 'octo/repo',
        sha: SHA,
        context: 'merge-gate/verdict',
        state: 'failure',
        description: `${'z'.repeat(139)}…`,
        target_url: 'https://github.com/octo/repo/actions/runs/1',
      },
    ]);
  });

  it('turns a 403 into MissingPermissionError', async () => {
    github.inject('statuses', {
      kind: 'status',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    await expect(sink().post('ctx', 'pending', 'x')).rejects.toBeInstanceOf(MissingPermissionError);
  });
});
