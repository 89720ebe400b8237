/**
 * `listChangedFiles` against the fake API, which pages like GitHub (100 a page, a `link` header
 * with prev/next/first/last, none on a single page): ceil(changed_files / 100) requests when the
 * count is right, and more only when GitHub says more pages exist.
 */
import { FILES_API_LIMIT, listChangedFiles, morePagesAfter } from '../../../src/github/changed-files.js';
import { createClient } from '../../../src/github/client.js';
import type { ChangedFile } from '../../../src/model/facts.js';
import { FakeGitHub } from '../../helpers/fake-github.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start();
});
afterEach(() => github.close());

function files(count: number): ChangedFile[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/file-${String(i).padStart(4, '0')}.ts`,
    status: 'modified' as const,
    additions: 1,
    deletions: 1,
  }));
}

/** Serves a PR of `actual` files whose `changed_files` says `counted`, and lists it. */
async function list(actual: number, counted: number): Promise<{ listed: number; pages: string[] }> {
  github.addPullRequest({
    number: 7,
    headRef: 'feature',
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    files: files(actual),
    changedFiles: counted,
  });
  const octokit = createClient('t', { baseUrl: github.url, retries: 0 });
  const listed = await listChangedFiles(octokit, { owner: 'octo', repo: 'repo' }, 7, counted);
  const pages = github.requests.filter((r) => r.route === 'files').map((r) => r.query.get('page') ?? '1');
  return { listed: listed.length, pages };
}

describe('listChangedFiles', () => {
  it.each([
    [1, ['1']],
    [100, ['1']],
    [101, ['1', '2']],
    [300, ['1', '2', '3']],
    [2999, Array.from({ length: 30 }, (_, i) => String(i + 1))],
  ])('reads ceil(n / 100) pages for %i files and not one more', async (count, pages) => {
    const result = await list(count, count);
    expect(result.listed).toBe(count);
    expect([...result.pages].sort((a, b) => Number(a) - Number(b))).toEqual(pages);
  });

  it('has every page of a 3000-file PR in flight at once: listing is one round trip', async () => {
    github.holdAnswers('files', 30);
    const result = await list(3000, 3000);
    expect(result.listed).toBe(3000);
    expect(github.peakConcurrency('files')).toBe(30);
  });

  it('stops at the API cap of 3000 whatever the PR counts (the caller then says so)', async () => {
    const result = await list(3500, 3500);
    expect(result.listed).toBe(FILES_API_LIMIT);
    expect(result.pages).toHaveLength(30);
  });

  it('reads on while GitHub names a next page when changed_files undercounts, never truncating silently', async () => {
    const result = await list(300, 150);
    expect(result.listed).toBe(300);
    expect(result.pages).toEqual(['1', '2', '3']);
  });

  it('reads no page past a short one, even when the count says more', async () => {
    const result = await list(150, 400);
    expect(result.listed).toBe(150);
    expect(result.pages.length).toBe(4); // the four pages planned from the count, two of them empty
  });
});

describe('morePagesAfter', () => {
  const next = '<https://api.github.com/x?page=4>; rel="next", <https://api.github.com/x?page=9>; rel="last"';
  const lastPage =
    '<https://api.github.com/x?page=2>; rel="prev", <https://api.github.com/x?page=1>; rel="first"';

  it('follows the link header on a full page', () => {
    expect(morePagesAfter(3, next, true)).toBe(true);
    expect(morePagesAfter(3, lastPage, true)).toBe(false);
  });

  it('never reads past a short page', () => {
    expect(morePagesAfter(3, next, false)).toBe(false);
  });

  it('trusts a first page without a link header (GitHub sends none for a single page)', () => {
    expect(morePagesAfter(1, undefined, true)).toBe(false);
  });

  it('reads on past a full later page whose link header something dropped', () => {
    expect(morePagesAfter(2, undefined, true)).toBe(true);
  });
});
