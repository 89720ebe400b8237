/**
 * Pull requests over the files API's cap of 3000 files, read from a checkout with git (SPEC §2):
 * through the local source, the GitHub adapter and the whole action. Committing and diffing
 * thousands of files takes seconds, so these run in `npm run test:slow`; what a PR over the cap does
 * without a checkout (fail closed) is tested in the main suite on the fake's lists alone.
 */
import { GitHubAdapter } from '../../src/github/adapter.js';
import { createClient } from '../../src/github/client.js';
import { LocalGitSource } from '../../src/sources/local-git.js';
import { actionHarness, HEAD_REF, prEvent, TOKEN } from '../helpers/action-harness.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { createRepo, removeTempRepos, type TempRepo } from '../helpers/git-repo.js';

const quiet = { debug: () => undefined, warn: () => undefined };

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
});
afterEach(() => github.close());
afterAll(removeTempRepos);

/** A repository whose branch `HEAD_REF` adds 3001 files and modifies the README. */
function repoWith3001Files(): { repo: TempRepo; base: string; head: string } {
  const repo = createRepo({ files: { 'README.md': '# base\n' } });
  const base = repo.sha();
  repo.branch(HEAD_REF);
  const many = Object.fromEntries(Array.from({ length: 3001 }, (_, i) => [`data/f${i}.txt`, `${i}\n`]));
  const head = repo.commit('add 3001 files', { ...many, 'README.md': '# head\n' });
  return { repo, base, head };
}

describe('LocalGitSource', () => {
  it('lists every file of a 3000-file diff', async () => {
    const repo = createRepo({ files: { 'README.md': '# big\n' } });
    repo.branch('big');
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`gen/dir ${i % 30}/file:${i}.md`] = `file ${i}\n`;
    repo.commit('3000 files', files);
    const source = new LocalGitSource({ repo: repo.dir, base: 'main' });
    try {
      const changed = (await source.facts()).changedFiles;
      expect(changed).toHaveLength(3000);
      expect(new Set(changed.map((f) => f.path))).toEqual(new Set(Object.keys(files)));
      // Patches are matched to files by position: each must carry its own file's single line.
      const mismatched = changed.filter(
        (f) => f.additions !== 1 || f.patch !== `@@ -0,0 +1 @@\n+${files[f.path]?.trim()}`,
      );
      expect(mismatched).toEqual([]);
    } finally {
      await source.close();
    }
  });
});

describe('a PR over 3000 files, with a checkout that has both commits', () => {
  let large: { repo: TempRepo; base: string; head: string };
  beforeAll(() => {
    large = repoWith3001Files();
  });
  beforeEach(async () => {
    const { repo, base, head } = large;
    await github.servePullRequestFromGit(repo.dir, { number: 7, headRef: HEAD_REF, base, head });
  });

  it('GitHubAdapter reads the complete list from the checkout', async () => {
    const octokit = createClient(TOKEN, { baseUrl: github.url, retries: 1, retryBaseMs: 1, log: quiet });
    const adapter = new GitHubAdapter({
      octokit,
      owner: 'octo',
      repo: 'repo',
      pullNumber: 7,
      workspace: large.repo.dir,
    });
    const { changedFiles } = await adapter.facts();
    expect(changedFiles).toHaveLength(3002);
    expect(changedFiles.find((f) => f.path === 'README.md')).toMatchObject({
      status: 'modified',
      additions: 1,
      deletions: 1,
    });
    expect(changedFiles.find((f) => f.path === 'data/f3000.txt')).toMatchObject({
      status: 'added',
      patch: '@@ -0,0 +1 @@\n+3000',
    });
  });

  const { runAction } = actionHarness(() => github);

  it('run() fails closed without the checkout: error on all seven explaining the limit', async () => {
    const io = await runAction({ payload: prEvent(7, large.head) });
    const finals = [...github.finalStatuses(large.head).values()];
    expect(finals.map((s) => s.state)).toEqual(Array(7).fill('error'));
    expect(finals[0]?.description).toContain('3002 files');
    expect(io.summaries.join('')).toContain('only the first 3000');
    expect(io.failures).toHaveLength(1);
  });

  it('run() evaluates the complete list from the checkout', async () => {
    await runAction({ payload: prEvent(7, large.head), env: { GITHUB_WORKSPACE: large.repo.dir } });
    const finals = [...github.finalStatuses(large.head).values()];
    expect(finals.map((s) => s.state)).not.toContain('error');
    // The API lists 3000 of them (30 pages); git gives the rest.
    expect(github.count('files')).toBe(30);
  });
});
