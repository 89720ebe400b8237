/** Tests of src/report/summary.ts (the job summary; the table itself is render.ts's). */
import { CHECK_IDS } from '../../../src/model/contexts.js';
import type { Evaluation } from '../../../src/model/results.js';
import { blobUrl, buildSummary } from '../../../src/report/summary.js';

const evaluation: Evaluation = {
  results: CHECK_IDS.map((check) => ({
    check,
    state: check === 'prehandover-proof-check' ? 'failure' : 'success',
    description: `${check} description`,
    findings:
      check === 'prehandover-proof-check'
        ? [
            {
              severity: 'failure',
              message: 'The IAA token is PENDING',
              file: 'proofs/PREHANDOVER.md',
              line: 12,
            },
          ]
        : [],
  })),
  verdict: 'failure',
  governingProof: 'proofs/PREHANDOVER.md',
  relatedProofs: [],
  role: 'foreman',
  notes: [],
};

describe('blobUrl', () => {
  it('links a file line at the head commit, encoding each path segment', () => {
    const url = blobUrl('https://github.com/', 'octo/repo', 'abc123');
    expect(url('.agent-workspace/a b#1.md', 7)).toBe(
      'https://github.com/octo/repo/blob/abc123/.agent-workspace/a%20b%231.md#L7',
    );
    expect(url('README.md')).toBe('https://github.com/octo/repo/blob/abc123/README.md');
  });
});

describe('buildSummary', () => {
  it('shows the seven checks with the context prefix and links findings to the proof line', () => {
    const markdown = buildSummary(evaluation, {
      contextPrefix: 'web',
      fileUrl: blobUrl('https://github.com', 'octo/repo', 'abc123'),
    });
    for (const check of CHECK_IDS) expect(markdown).toContain(`web/${check}`);
    expect(markdown).toContain('https://github.com/octo/repo/blob/abc123/proofs/PREHANDOVER.md#L12');
    expect(markdown).toContain('The IAA token is PENDING');
  });

  it('puts what the run could not do first, as a warning block', () => {
    const markdown = buildSummary(evaluation, {
      notices: ['Merge Gate could not post commit statuses.\nSecond line.'],
    });
    expect(
      markdown.startsWith('> [!WARNING]\n> Merge Gate could not post commit statuses.\n> Second line.\n'),
    ).toBe(true);
  });
});
