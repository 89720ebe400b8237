import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffFromCheckout } from '../../../src/github/checkout-diff.js';
import { createRepo, removeTempRepos, type TempRepo } from '../../helpers/git-repo.js';

let repo: TempRepo;
let base: string;
let head: string;

beforeAll(() => {
  repo = createRepo({ files: { 'README.md': '# base\n', 'old.md': 'same content\nfor the rename\n' } });
  base = repo.sha();
  repo.branch('copilot/work');
  repo.rename('old.md', 'docs/new name.md');
  head = repo.commit('work', { 'src/a.test.ts': "it('x', () => {});\n", 'README.md': null });
  repo.checkout('main');
  base = repo.commit('main moves on', { 'other.md': 'base only\n' });
});
afterAll(removeTempRepos);

describe('diffFromCheckout', () => {
  it('lists base...head like the files API: statuses, renames under both paths, counts, patches', async () => {
    const result = await diffFromCheckout(repo.dir, base, head);
    expect(result).toEqual({
      files: [
        { path: 'README.md', status: 'removed', additions: 0, deletions: 1, patch: '@@ -1 +0,0 @@\n-# base' },
        { path: 'docs/new name.md', previousPath: 'old.md', status: 'renamed', additions: 0, deletions: 0 },
        {
          path: 'src/a.test.ts',
          status: 'added',
          additions: 1,
          deletions: 0,
          patch: "@@ -0,0 +1 @@\n+it('x', () => {});",
        },
      ],
    });
  });

  it('is unavailable without a workspace', async () => {
    expect(await diffFromCheckout(undefined, base, head)).toEqual({
      unavailable: 'there is no checkout (GITHUB_WORKSPACE is not set)',
    });
  });

  it('is unavailable when the workspace is not a git checkout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-gate-empty-'));
    try {
      expect(await diffFromCheckout(dir, base, head)).toEqual({
        unavailable: `${dir} is not a git checkout`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is unavailable when the checkout lacks the head commit (e.g. a fork PR not fetched)', async () => {
    const checkout = createRepo();
    checkout.git('fetch', '-q', repo.dir, 'main');
    expect(await diffFromCheckout(checkout.dir, base, head)).toEqual({
      unavailable: `the checkout does not have the head commit ${head.slice(0, 12)}`,
    });
  });

  it('is unavailable when a shallow checkout cannot find the merge base', async () => {
    // A depth-1 fetch has both tips but not their common ancestor.
    const shallow = createRepo();
    shallow.git('fetch', '-q', '--depth=1', `file://${repo.dir}`, 'main', 'copilot/work');
    expect(await diffFromCheckout(shallow.dir, base, head)).toEqual({
      unavailable: 'the checkout does not have enough history to find the merge base',
    });
  });

  it('refuses anything but commit SHAs (never passes an option-like string to git)', async () => {
    expect(await diffFromCheckout(repo.dir, '--output=/tmp/x', head)).toEqual({
      unavailable: 'the PR did not give commit SHAs',
    });
  });
});
