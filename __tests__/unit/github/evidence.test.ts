/**
 * The GitHub evidence lookups (SPEC §9) against the fake API: what each answers, and that a refused
 * or failed lookup is "unavailable" with a reason a user can act on, never an exception.
 */
import { GitHubAdapter } from '../../../src/github/adapter.js';
import { createClient } from '../../../src/github/client.js';
import { FakeGitHub } from '../../helpers/fake-github.js';
import { createRepo, removeTempRepos } from '../../helpers/git-repo.js';

const quiet = { debug: () => undefined, warn: () => undefined };

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start();
});
afterEach(() => github.close());
afterAll(removeTempRepos);

/** PR #7 of octo/repo: `main` with a README and a docs folder, then a branch of two commits. */
async function servedPr() {
  const repo = createRepo({ files: { 'README.md': '# base\n', 'docs/guide.md': '# Guide\n' } });
  const base = repo.sha();
  repo.branch('feature');
  const first = repo.commit('one', { 'src/a.ts': 'export const a = 1;\n' });
  const head = repo.commit('two', { 'src/a.ts': 'export const a = 2;\n', 'src/b.ts': 'export {};\n' });
  await github.servePullRequestFromGit(repo.dir, { number: 7, headRef: 'feature', base, head });
  const octokit = createClient('ghs_test', { baseUrl: github.url, retries: 1, retryBaseMs: 1, log: quiet });
  const evidence = new GitHubAdapter({ octokit, owner: 'octo', repo: 'repo', pullNumber: 7 }).evidence();
  return { evidence, first, head };
}

describe('GitHubEvidence', () => {
  it('lists the head tree: files and directories, in one request', async () => {
    const { evidence } = await servedPr();
    const tree = await evidence.headTree();
    expect(tree).toEqual({
      state: 'ok',
      files: expect.arrayContaining(['README.md', 'docs/guide.md', 'src/a.ts', 'src/b.ts']),
      directories: expect.arrayContaining(['docs', 'src']),
    });
    expect(github.requests.filter((r) => r.path.includes('/git/trees/'))).toHaveLength(1);
  });

  it("lists the PR's commits, and those that changed a path", async () => {
    const { evidence, first, head } = await servedPr();
    expect(await evidence.pullRequestCommits()).toEqual({ state: 'ok', commits: [first, head] });
    expect(await evidence.pullRequestCommits('src/b.ts')).toEqual({ state: 'ok', commits: [head] });
    expect(await evidence.pullRequestCommits('src/a.ts')).toEqual({ state: 'ok', commits: [first, head] });
  });

  it("lists every page of a long PR's commits, following GitHub's links", async () => {
    const repo = createRepo({ files: { 'README.md': '# base\n' } });
    const base = repo.sha();
    const tree = repo.git('rev-parse', `${base}^{tree}`).trim();
    const commits: string[] = [];
    for (let i = 0; i < 130; i += 1) {
      const parent = commits.at(-1) ?? base;
      commits.push(repo.git('commit-tree', tree, '-p', parent, '-m', `step ${i}`).trim());
    }
    const head = commits.at(-1) ?? base;
    repo.git('update-ref', 'refs/heads/feature', head);
    await github.servePullRequestFromGit(repo.dir, { number: 8, headRef: 'feature', base, head });
    const octokit = createClient('ghs_test', { baseUrl: github.url, retries: 1, retryBaseMs: 1, log: quiet });
    const evidence = new GitHubAdapter({ octokit, owner: 'octo', repo: 'repo', pullNumber: 8 }).evidence();

    expect(await evidence.pullRequestCommits()).toEqual({ state: 'ok', commits });
    const pages = github.requests.filter((r) => r.route === 'pull-commits').map((r) => r.query.get('page'));
    expect(pages).toEqual([null, '2']);
  });

  it('reads a file at an earlier commit', async () => {
    const { evidence, first } = await servedPr();
    expect(await evidence.readAt(first, 'src/a.ts')).toEqual({ state: 'ok', text: 'export const a = 1;\n' });
    expect(await evidence.readAt(first, 'src/b.ts')).toEqual({ state: 'absent' });
  });

  it('tells an issue from a pull request, and says when a number is neither', async () => {
    const { evidence } = await servedPr();
    github.evidence.setIssue('octo/repo', 5);
    expect(await evidence.issue({ number: 5 })).toEqual({ state: 'issue' });
    expect(await evidence.issue({ number: 7 })).toEqual({ state: 'pull_request' });
    expect(await evidence.issue({ number: 404 })).toEqual({ state: 'absent' });
    expect(await evidence.issue({ repository: 'OCTO/REPO', number: 5 })).toEqual({ state: 'issue' });
  });

  it("does not call another repository's 404 a false claim: it may be private", async () => {
    const { evidence } = await servedPr();
    expect(await evidence.issue({ repository: 'octo/private', number: 3 })).toEqual({
      state: 'unavailable',
      reason: 'octo/private is not visible to this token',
    });
  });

  it('names the permission when the token may not read issues or check runs', async () => {
    const { evidence } = await servedPr();
    github.inject('issue', {
      kind: 'status',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const issue = await evidence.issue({ number: 5 });
    expect(issue).toEqual({ state: 'unavailable', reason: expect.stringContaining('grant `issues: read`') });
    github.evidence.refuseCheckRuns();
    expect(await evidence.headChecks()).toEqual({
      state: 'unavailable',
      reason: expect.stringMatching(
        /HTTP 403: Resource not accessible by integration.*grant `checks: read` in the workflow$/,
      ),
    });
  });

  it('names the check runs and statuses on the head commit', async () => {
    const { evidence, head } = await servedPr();
    github.evidence.setCheckRuns('octo/repo', head, ['CI / test', 'lint']);
    expect(await evidence.headChecks()).toEqual({ state: 'ok', names: ['CI / test', 'lint'] });
  });

  it('says a failing API is unavailable, with the error, after the retries', async () => {
    const { evidence } = await servedPr();
    github.inject('tree', { kind: 'status', status: 502 }, Infinity);
    expect(await evidence.headTree()).toEqual({
      state: 'unavailable',
      reason: expect.stringContaining('GitHub API error while reading the head tree: HTTP 502'),
    });
  });
});
