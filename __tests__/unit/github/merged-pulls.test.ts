import { createClient } from '../../../src/github/client.js';
import { listMergedPulls, toMergedPull } from '../../../src/github/merged-pulls.js';
import { FakeGitHub } from '../../helpers/fake-github.js';

const quiet = { debug: () => undefined, warn: () => undefined };
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1);
const iso = (time: number) => new Date(time).toISOString();

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start();
});
afterEach(() => github.close());

const list = (limit: number, since?: Date) =>
  listMergedPulls(
    createClient('ghs_test', { baseUrl: github.url, retries: 0, log: quiet }),
    { owner: 'octo', repo: 'repo' },
    {
      limit,
      ...(since ? { since } : {}),
    },
  );

/** `count` merged PRs, number n merged n hours after T0; some updated long after their merge. */
function addMerged(count: number, updatedLate: (n: number) => boolean = () => false): void {
  for (let n = 1; n <= count; n += 1) {
    github.addPullRequest({
      number: n,
      headRef: `b${n}`,
      headSha: 'a'.repeat(40),
      baseSha: 'b'.repeat(40),
      files: [],
      labels: n === 3 ? ['docs-only'] : [],
      mergedAt: iso(T0 + n * HOUR),
      ...(updatedLate(n) ? { updatedAt: iso(T0 + 10_000 * HOUR) } : {}),
    });
  }
}

describe('listMergedPulls', () => {
  it('lists merged PRs newest merge first, skipping open ones, with labels, refs and SHAs', async () => {
    addMerged(5);
    github.addPullRequest({
      number: 9,
      headRef: 'open',
      headSha: 'c'.repeat(40),
      baseSha: 'd'.repeat(40),
      files: [],
    });
    const { pulls, problem } = await list(10);
    expect(problem).toBeUndefined();
    expect(pulls.map((p) => p.number)).toEqual([5, 4, 3, 2, 1]);
    expect(pulls[2]).toEqual({
      number: 3,
      title: 'PR 3',
      author: 'copilot-swe-agent[bot]',
      labels: ['docs-only'],
      headRef: 'b3',
      headSha: 'a'.repeat(40),
      baseRef: 'main',
      baseSha: 'b'.repeat(40),
      mergedAt: iso(T0 + 3 * HOUR),
    });
  });

  it('stops paging once no later page can hold a newer merge', async () => {
    addMerged(450);
    const { pulls } = await list(10);
    expect(pulls.map((p) => p.number)).toEqual([450, 449, 448, 447, 446, 445, 444, 443, 442, 441]);
    expect(github.count('pulls')).toBe(1);
  });

  it('keeps reading while a PR updated after its merge may hide an older, later-sorted newer merge', async () => {
    // PRs 1–150 were touched long after their merges: they sort first by update, yet are the oldest merges.
    addMerged(300, (n) => n <= 150);
    const { pulls } = await list(5);
    expect(pulls.map((p) => p.number)).toEqual([300, 299, 298, 297, 296]);
    // Page 1 holds only the late-touched old merges; page 2 reaches the newest merges and ends the search.
    expect(github.count('pulls')).toBe(2);
  });

  it('stops at --since', async () => {
    addMerged(450);
    const { pulls } = await list(1000, new Date(iso(T0 + 401 * HOUR)));
    expect(pulls.map((p) => p.number)).toEqual(Array.from({ length: 50 }, (_, i) => 450 - i));
    expect(github.count('pulls')).toBe(1);
  });

  it('refuses a malformed entry', () => {
    expect(() => toMergedPull({ title: 'no number' })).toThrow('has no number');
    expect(() => toMergedPull({ number: 1, merged_at: '2026-01-01T00:00:00Z' })).toThrow(
      'no head or base SHA',
    );
    expect(toMergedPull({ number: 1, merged_at: null })).toBeUndefined();
  });
});
