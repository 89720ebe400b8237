import { GitHubAdapter } from '../../../src/github/adapter.js';
import { createClient } from '../../../src/github/client.js';
import { TruncatedFileListError } from '../../../src/github/errors.js';
import type { ChangedFile } from '../../../src/model/facts.js';
import { FakeGitHub, type FakePullRequest } from '../../helpers/fake-github.js';
import { until } from '../../helpers/engine-channel.js';
import { removeTempRepos } from '../../helpers/git-repo.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const quiet = { debug: () => undefined, warn: () => undefined };

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start();
});
afterEach(() => github.close());
afterAll(removeTempRepos);

function adapter(options: { workspace?: string; pullNumber?: number } = {}): GitHubAdapter {
  const octokit = createClient('ghs_test', { baseUrl: github.url, retries: 1, retryBaseMs: 1, log: quiet });
  return new GitHubAdapter({
    octokit,
    owner: 'octo',
    repo: 'repo',
    pullNumber: options.pullNumber ?? 7,
    ...options,
  });
}

function files(count: number): ChangedFile[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/file-${String(i).padStart(4, '0')}.md`,
    status: 'added' as const,
    additions: 1,
    deletions: 0,
    patch: `@@ -0,0 +1 @@\n+line ${i}`,
  }));
}

function pr(overrides: Partial<FakePullRequest> = {}): FakePullRequest {
  return {
    number: 7,
    headRef: 'copilot/feature',
    headSha: HEAD,
    baseSha: BASE,
    files: files(3),
    ...overrides,
  };
}

describe('GitHubAdapter facts', () => {
  it('reads the PR from the API: exact labels, refs, SHAs, author, fork', async () => {
    github.addPullRequest(
      pr({
        labels: ['governance', 'CS sign-off: approved'],
        author: 'octocat',
        title: 'T',
        body: 'B',
        draft: true,
      }),
    );
    const facts = await adapter().facts();
    expect(facts).toMatchObject({
      number: 7,
      title: 'T',
      body: 'B',
      draft: true,
      author: 'octocat',
      labels: ['governance', 'CS sign-off: approved'],
      headRef: 'copilot/feature',
      headSha: HEAD,
      baseRef: 'main',
      baseSha: BASE,
      isFork: false,
    });
  });

  it('marks a PR whose head lives in another repository as a fork', async () => {
    github.addPullRequest(pr({ headRepository: 'contributor/repo' }));
    expect((await adapter().facts()).isFork).toBe(true);
  });

  it('does not mistake the base repository for a fork when the names differ only in case', async () => {
    github.addPullRequest(pr({ headRepository: 'Octo/Repo' }));
    expect((await adapter().facts()).isFork).toBe(false);
  });

  it('reads the PR once per run however often it is asked', async () => {
    github.addPullRequest(pr());
    const source = adapter();
    await Promise.all([source.headSha(), source.facts(), source.pullRequest()]);
    await source.reader().read('README.md');
    expect(github.count('pull')).toBe(1);
  });

  it('lists every page of changed files, 100 a page (250 files = 3 requests)', async () => {
    github.addPullRequest(pr({ files: files(250) }));
    const { changedFiles } = await adapter().facts();
    expect(changedFiles).toHaveLength(250);
    expect(changedFiles.map((f) => f.path)).toEqual(files(250).map((f) => f.path));
    const pages = github.requests.filter((r) => r.route === 'files');
    expect(pages.map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
  });

  it('reads on past the expected pages when the PR undercounts its files, never truncating silently', async () => {
    github.addPullRequest(pr({ files: files(250), changedFiles: 120 }));
    const { changedFiles } = await adapter().facts();
    expect(changedFiles).toHaveLength(250);
    expect(github.count('files')).toBe(3);
  });

  it("lists the pages the event's count plans while the PR read is still unanswered", async () => {
    github.addPullRequest(pr({ files: files(250) }));
    github.holdAnswers('pull', 2, 120_000); // held until released (no second PR read comes)
    const source = adapter();
    let prAnswered = false;
    const pullRequest = source.pullRequest().then(() => (prAnswered = true));
    source.startListing(250);
    await until(() => github.count('files') === 3);
    expect(prAnswered).toBe(false);
    github.releaseAnswers('pull');
    await pullRequest;
    const { changedFiles } = await source.facts();
    expect(changedFiles.map((f) => f.path)).toEqual(files(250).map((f) => f.path));
    expect([github.count('pull'), github.count('files')]).toEqual([1, 3]);
  });

  it('lists every file whatever a stale event count says, and still judges truncation by the PR read', async () => {
    github.addPullRequest(pr({ files: files(250) }));
    // The PR grew after the event: the pages its own count adds are asked for together once the
    // PR read answers (the first page is held until all three are in flight), not one by one.
    github.holdAnswers('files', 3, 120_000);
    const grown = adapter();
    grown.startListing(40);
    expect((await grown.facts()).changedFiles).toHaveLength(250);
    expect(github.count('files')).toBe(3);
    expect(github.peakConcurrency('files')).toBe(3);

    const shrunk = adapter(); // the PR shrank: the page past the end comes back empty
    shrunk.startListing(420);
    expect((await shrunk.facts()).changedFiles.map((f) => f.path)).toEqual(files(250).map((f) => f.path));
    expect(github.count('files')).toBe(3 + 5);

    github.addPullRequest(pr({ number: 8, files: files(3001) }));
    const capped = adapter({ pullNumber: 8 }); // an event count under the cap does not hide truncation
    capped.startListing(120);
    await expect(capped.facts()).rejects.toBeInstanceOf(TruncatedFileListError);
  });

  it('keeps status, previous path, line counts and patch of each file', async () => {
    github.addPullRequest(
      pr({
        files: [
          {
            path: 'docs/new name.md',
            previousPath: 'docs/old.md',
            status: 'renamed',
            additions: 2,
            deletions: 1,
            patch: '@@ -1 +1,2 @@',
          },
          { path: 'gone.txt', status: 'removed', additions: 0, deletions: 4 },
        ],
      }),
    );
    expect((await adapter().facts()).changedFiles).toEqual([
      {
        path: 'docs/new name.md',
        previousPath: 'docs/old.md',
        status: 'renamed',
        additions: 2,
        deletions: 1,
        patch: '@@ -1 +1,2 @@',
      },
      { path: 'gone.txt', status: 'removed', additions: 0, deletions: 4 },
    ]);
  });

  it('fails closed on a PR with more files than the API lists when there is no checkout', async () => {
    github.addPullRequest(pr({ files: files(3001) }));
    const facts = adapter().facts();
    await expect(facts).rejects.toBeInstanceOf(TruncatedFileListError);
    await expect(facts).rejects.toThrow(
      /changes 3001 files.*only the first 3000.*GITHUB_WORKSPACE is not set/s,
    );
  });

  it('does not treat a count mismatch below the cap as truncation (a push between two requests)', async () => {
    github.addPullRequest(pr({ files: files(10), changedFiles: 12 }));
    expect((await adapter().facts()).changedFiles).toHaveLength(10);
  });

  it('reports a malformed PR answer as an API error naming what it was doing', async () => {
    github.inject('pull', { kind: 'status', status: 200, body: { message: 'not a PR' } });
    await expect(adapter().facts()).rejects.toThrow(
      'GitHub API error while reading PR #7: the answer is not a pull request',
    );
  });
});

describe('GitHubAdapter contents', () => {
  beforeEach(() => github.addPullRequest(pr()));

  it('reads a file at the head SHA with the raw media type', async () => {
    github.setFile('octo/repo', HEAD, '.agent-workspace/foreman/PREHANDOVER proof.md', '# Proof ✓\n');
    expect(await adapter().reader().read('.agent-workspace/foreman/PREHANDOVER proof.md')).toEqual({
      state: 'ok',
      text: '# Proof ✓\n',
    });
    const request = github.requests.find((r) => r.route === 'contents');
    expect(request?.query.get('ref')).toBe(HEAD);
    expect(request?.headers.accept).toMatch(/raw/);
  });

  it('decodes the base64 JSON form when the raw media type is not honoured', async () => {
    await github.close();
    github = await FakeGitHub.start({ rawContents: false });
    github.addPullRequest(pr());
    github.setFile('octo/repo', HEAD, 'a.md', 'héllo\n');
    expect(await adapter().reader().read('a.md')).toEqual({ state: 'ok', text: 'héllo\n' });
  });

  it('reports a missing file as absent', async () => {
    expect(await adapter().reader().read('nope.md')).toEqual({ state: 'absent' });
  });

  it('reports binary, invalid UTF-8 and oversized files as unreadable with the reason', async () => {
    github.setFile('octo/repo', HEAD, 'bin.md', new Uint8Array([0x23, 0x00, 0x01]));
    github.setFile('octo/repo', HEAD, 'latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    github.setFile('octo/repo', HEAD, 'big.md', 'x'.repeat(2048));
    const reader = adapter().reader({ maxFileBytes: 1024 });
    expect(await reader.read('bin.md')).toEqual({ state: 'unreadable', reason: 'binary file' });
    expect(await reader.read('latin1.md')).toEqual({ state: 'unreadable', reason: 'not valid UTF-8' });
    expect(await reader.read('big.md')).toEqual({
      state: 'unreadable',
      reason: expect.stringContaining('over the 1 KB limit (limits.max_file_bytes)'),
    });
  });

  it('reads each file once, however often and concurrently it is asked for', async () => {
    github.setFile('octo/repo', HEAD, 'a.md', 'a');
    const reader = adapter().reader();
    await Promise.all([reader.read('a.md'), reader.read('a.md')]);
    await reader.read('a.md');
    expect(github.count('contents')).toBe(1);
  });

  /** The contents requests made, as `owner/repo@ref:path`. */
  const contentReads = () =>
    github.requests
      .filter((r) => r.route === 'contents')
      .map(
        (r) =>
          `${r.path.split('/').slice(2, 4).join('/')}@${r.query.get('ref')}:${r.path.split('/contents/')[1]}`,
      );

  it('reads a same-repository PR with one request a file, at the head SHA of the base repository', async () => {
    github.setFile('octo/repo', HEAD, 'proof.md', 'from the branch');
    const reader = adapter().reader();
    expect(await reader.read('proof.md')).toEqual({ state: 'ok', text: 'from the branch' });
    expect(await reader.read('missing.md')).toEqual({ state: 'absent' });
    expect(contentReads()).toEqual([`octo/repo@${HEAD}:proof.md`, `octo/repo@${HEAD}:missing.md`]);
  });

  it("reads a fork PR through the base repository, which holds the fork's head commit", async () => {
    github.addPullRequest(pr({ number: 8, headRepository: 'contributor/fork' }));
    github.setFile('octo/repo', HEAD, 'proof.md', 'head commit, through the base');
    github.hideRepository('contributor/fork');
    expect(await adapter({ pullNumber: 8 }).reader().read('proof.md')).toEqual({
      state: 'ok',
      text: 'head commit, through the base',
    });
    expect(contentReads()).toEqual([`octo/repo@${HEAD}:proof.md`]);
  });

  it('falls back to the fork when the base repository answers 404: one more request, only then', async () => {
    github.addPullRequest(pr({ number: 8, headRepository: 'contributor/fork' }));
    github.setFile('contributor/fork', HEAD, 'proof.md', 'from the fork');
    const reader = adapter({ pullNumber: 8 }).reader();
    expect(await reader.read('proof.md')).toEqual({ state: 'ok', text: 'from the fork' });
    expect(await reader.read('missing.md')).toEqual({ state: 'absent' });
    expect(contentReads()).toEqual([
      `octo/repo@${HEAD}:proof.md`,
      `contributor/fork@${HEAD}:proof.md`,
      `octo/repo@${HEAD}:missing.md`,
      `contributor/fork@${HEAD}:missing.md`,
    ]);
  });

  it('reads a PR whose fork was deleted (head.repo null) through the base repository alone', async () => {
    github.addPullRequest(pr({ number: 9, headRepository: null }));
    github.setFile('octo/repo', HEAD, 'proof.md', 'kept by the base');
    const source = adapter({ pullNumber: 9 });
    expect((await source.facts()).isFork).toBe(true);
    expect(await source.reader().read('proof.md')).toEqual({ state: 'ok', text: 'kept by the base' });
    expect(await source.reader().read('missing.md')).toEqual({ state: 'absent' });
    expect(contentReads()).toEqual([`octo/repo@${HEAD}:proof.md`, `octo/repo@${HEAD}:missing.md`]);
  });

  it('reports a file the API failed to serve as unavailable, not absent (the check then errs, never passes)', async () => {
    github.inject('contents', { kind: 'status', status: 500 }, Infinity);
    const content = await adapter().reader().read('a.md');
    expect(content).toEqual({ state: 'unavailable', reason: expect.stringContaining('HTTP 500') });
  });
});

describe('GitHubAdapter merge base', () => {
  const MERGE_BASE = 'c'.repeat(40);
  beforeEach(() => github.addPullRequest(pr({ mergeBaseSha: MERGE_BASE })));

  it('asks for the merge base only on the first read at it, once, then reads there through the base repository', async () => {
    github.setFile('octo/repo', MERGE_BASE, 'a.md', 'a at the merge base');
    github.setFile('octo/repo', MERGE_BASE, 'b.md', 'b at the merge base');
    const source = adapter();
    const reader = source.mergeBaseReader();
    await source.facts();
    expect(github.count('compare')).toBe(0);
    expect(await Promise.all([reader.read('a.md'), reader.read('b.md')])).toEqual([
      { state: 'ok', text: 'a at the merge base' },
      { state: 'ok', text: 'b at the merge base' },
    ]);
    expect(github.count('compare')).toBe(1);
    const compare = github.requests.find((r) => r.route === 'compare');
    expect(compare?.path).toBe(`/repos/octo/repo/compare/${BASE}...${HEAD}`);
    const refs = github.requests.filter((r) => r.route === 'contents').map((r) => r.query.get('ref'));
    expect(refs).toEqual([MERGE_BASE, MERGE_BASE]);
  });

  it('makes every merge-base read unavailable, with the reason, when the merge base cannot be found', async () => {
    github.inject('compare', { kind: 'status', status: 500 }, Infinity);
    expect(await adapter().mergeBaseReader().read('a.md')).toEqual({
      state: 'unavailable',
      reason: expect.stringMatching(/merge base.*HTTP 500/),
    });
  });
});

describe('GitHubAdapter base config', () => {
  beforeEach(() => github.addPullRequest(pr()));

  it('reads the config at the base SHA of the base repository, never the head', async () => {
    github.setFile('octo/repo', BASE, '.github/merge-gate.yml', 'mode: enforce\n');
    github.setFile('octo/repo', HEAD, '.github/merge-gate.yml', 'mode: advisory\n');
    expect(await adapter().baseConfigText('.github/merge-gate.yml')).toBe('mode: enforce\n');
  });

  it('returns undefined when the base branch has no config', async () => {
    expect(await adapter().baseConfigText('.github/merge-gate.yml')).toBeUndefined();
  });

  it('throws when the base config cannot be read', async () => {
    github.setFile('octo/repo', BASE, '.github/merge-gate.yml', new Uint8Array([0, 1, 2]));
    await expect(adapter().baseConfigText('.github/merge-gate.yml')).rejects.toThrow(
      'cannot read the configuration .github/merge-gate.yml on the base branch: binary file',
    );
  });
});
