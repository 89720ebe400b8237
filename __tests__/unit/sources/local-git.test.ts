import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalGitSource, GitError } from '../../../src/sources/local-git.js';
import { cloneRepo, createRepo, removeTempRepos, type TempRepo } from '../../helpers/git-repo.js';

const sources: LocalGitSource[] = [];
function open(options: ConstructorParameters<typeof LocalGitSource>[0]): LocalGitSource {
  const source = new LocalGitSource(options);
  sources.push(source);
  return source;
}

afterEach(async () => {
  await Promise.all(sources.splice(0).map((s) => s.close()));
});
afterAll(removeTempRepos);

/** main: four files; feature/proof: one added, one modified, one removed, one renamed. */
function repoWithFeatureBranch(): TempRepo {
  const repo = createRepo({
    files: {
      'README.md': '# Demo\n',
      'src/app.ts': 'export const a = 1;\n',
      'old notes.md': 'notes\n',
      'docs/guide.md': 'line one\nline two\nline three\nline four\n',
    },
  });
  repo.branch('feature/proof');
  repo.rename('docs/guide.md', 'docs/handbook.md');
  repo.commit('feature work', {
    'proofs/PREHANDOVER: session 080.md': '| Field | Value |\n|---|---|\n| Session ID | 080 |\n',
    'src/app.ts': 'export const a = 2;\nexport const b = 3;\n',
    'old notes.md': null,
  });
  return repo;
}

describe('LocalGitSource facts', () => {
  it('lists added, modified, removed and renamed files with line counts', async () => {
    const repo = repoWithFeatureBranch();
    const facts = await open({ repo: repo.dir, base: 'main' }).facts();
    const byPath = Object.fromEntries(facts.changedFiles.map((f) => [f.path, f]));
    expect(facts.changedFiles).toHaveLength(4);
    expect(byPath['proofs/PREHANDOVER: session 080.md']).toMatchObject({
      status: 'added',
      additions: 3,
      deletions: 0,
    });
    expect(byPath['src/app.ts']).toMatchObject({ status: 'modified', additions: 2, deletions: 1 });
    expect(byPath['old notes.md']).toMatchObject({ status: 'removed', additions: 0, deletions: 1 });
    expect(byPath['docs/handbook.md']).toMatchObject({ status: 'renamed', previousPath: 'docs/guide.md' });
  });

  it("gives each file its own patch, holding that file's hunks", async () => {
    const repo = repoWithFeatureBranch();
    const facts = await open({ repo: repo.dir, base: 'main' }).facts();
    const patch = (path: string) => facts.changedFiles.find((f) => f.path === path)?.patch;
    expect(patch('src/app.ts')).toBe(
      '@@ -1 +1,2 @@\n-export const a = 1;\n+export const a = 2;\n+export const b = 3;',
    );
    expect(patch('proofs/PREHANDOVER: session 080.md')).toMatch(/^@@ -0,0 \+1,3 @@\n\+\| Field \| Value \|/);
    expect(patch('old notes.md')).toBe('@@ -1 +0,0 @@\n-notes');
    // A pure rename has no hunks, like GitHub's API.
    expect(patch('docs/handbook.md')).toBeUndefined();
  });

  it('counts binary files as 0 lines and gives them no patch', async () => {
    const repo = createRepo({ files: { 'a.md': 'a\n' } });
    repo.branch('topic');
    repo.commit('logo', { 'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) });
    const [file] = (await open({ repo: repo.dir, base: 'main' }).facts()).changedFiles;
    expect(file).toEqual({ path: 'logo.png', status: 'added', additions: 0, deletions: 0 });
  });

  it('reports head and base commits, the head branch name and the head commit author', async () => {
    const repo = repoWithFeatureBranch();
    const facts = await open({ repo: repo.dir, base: 'main', labels: ['docs-only'] }).facts();
    expect(facts).toMatchObject({
      headRef: 'feature/proof',
      headSha: repo.sha('feature/proof'),
      baseRef: 'main',
      baseSha: repo.sha('main'),
      author: 'agent@example.com',
      title: 'feature work',
      labels: ['docs-only'],
      draft: false,
      isFork: false,
    });
    expect(facts.number).toBeUndefined();
  });

  it('takes head ref and author from the options when given', async () => {
    const repo = repoWithFeatureBranch();
    const facts = await open({
      repo: repo.dir,
      base: 'main',
      headRef: 'copilot/x',
      author: 'someone',
    }).facts();
    expect(facts).toMatchObject({ headRef: 'copilot/x', author: 'someone' });
  });

  it('leaves the head ref empty when head is not a branch', async () => {
    const repo = repoWithFeatureBranch();
    const facts = await open({ repo: repo.dir, base: 'main', head: repo.sha() }).facts();
    expect(facts.headRef).toBe('');
    expect(facts.changedFiles).toHaveLength(4);
  });

  it('compares with the merge base, so commits on main after the branch point do not count', async () => {
    const repo = repoWithFeatureBranch();
    repo.checkout('main');
    repo.commit('later on main', { 'main-only.md': 'x\n' });
    const facts = await open({ repo: repo.dir, head: 'feature/proof' }).facts();
    expect(facts.changedFiles.map((f) => f.path)).not.toContain('main-only.md');
    expect(facts.baseSha).toBe(repo.sha('main'));
  });

  it('defaults the base to main when there is no origin/HEAD', async () => {
    const repo = repoWithFeatureBranch();
    const facts = await open({ repo: repo.dir }).facts();
    expect(facts.baseRef).toBe('main');
    expect(facts.changedFiles).toHaveLength(4);
  });

  it('defaults the base to origin/HEAD in a clone, naming the branch it points to', async () => {
    const upstream = createRepo({ branch: 'trunk', files: { 'a.md': 'a\n' } });
    const clone = cloneRepo(upstream);
    clone.branch('feature/y');
    clone.commit('y', { 'b.md': 'b\n' });
    const facts = await open({ repo: clone.dir }).facts();
    expect(facts).toMatchObject({ baseRef: 'trunk', headRef: 'feature/y' });
    expect(facts.changedFiles.map((f) => f.path)).toEqual(['b.md']);
  });

  it('works on a bare repository', async () => {
    const repo = repoWithFeatureBranch();
    const bare = cloneRepo(repo, { bare: true });
    const source = open({ repo: bare.dir, head: 'feature/proof' });
    const facts = await source.facts();
    expect(facts.headRef).toBe('feature/proof');
    expect(facts.changedFiles).toHaveLength(4);
    expect(await source.reader().read('src/app.ts')).toEqual({
      state: 'ok',
      text: 'export const a = 2;\nexport const b = 3;\n',
    });
  });

  it('is not thrown off by repository settings that change diff output or run external programs', async () => {
    const repo = repoWithFeatureBranch();
    repo.git('config', 'color.ui', 'always');
    repo.git('config', 'diff.noprefix', 'true');
    repo.git('config', 'diff.external', 'false');
    repo.git('config', 'core.quotePath', 'true');
    const facts = await open({ repo: repo.dir, base: 'main' }).facts();
    expect(facts.changedFiles.find((f) => f.path === 'src/app.ts')?.patch).toBe(
      '@@ -1 +1,2 @@\n-export const a = 1;\n+export const a = 2;\n+export const b = 3;',
    );
  });
});

describe('LocalGitSource errors', () => {
  it('says so when no default base shares history with head', async () => {
    const repo = createRepo({ branch: 'develop', files: { 'a.md': 'a\n' } });
    await expect(open({ repo: repo.dir }).facts()).rejects.toThrow(
      'no base branch: none of origin/HEAD, main, master shares history with the head commit; pass --base REF',
    );
  });

  it('names a base that is not a commit', async () => {
    const repo = createRepo();
    await expect(open({ repo: repo.dir, base: 'nope' }).facts()).rejects.toThrow(/base nope is not a commit/);
  });

  it('refuses refs that look like options', async () => {
    const repo = createRepo();
    await expect(open({ repo: repo.dir, head: '--output=/tmp/x' }).facts()).rejects.toThrow(GitError);
  });

  it('says when the folder is not a git repository', async () => {
    await expect(open({ repo: '/nonexistent/merge-gate' }).facts()).rejects.toThrow(/is not a directory/);
    const plain = mkdtempSync(join(tmpdir(), 'merge-gate-plain-'));
    try {
      await expect(open({ repo: plain }).facts()).rejects.toThrow(/not a git repository/);
    } finally {
      rmSync(plain, { recursive: true });
    }
  });
});

describe('LocalGitSource reader', () => {
  it('reads files at the head commit, not the work tree', async () => {
    const repo = repoWithFeatureBranch();
    repo.write({ 'src/app.ts': 'uncommitted\n' });
    const reader = open({ repo: repo.dir, base: 'main' }).reader();
    expect(await reader.read('src/app.ts')).toEqual({
      state: 'ok',
      text: 'export const a = 2;\nexport const b = 3;\n',
    });
  });

  it('reads paths with spaces and colons', async () => {
    const repo = repoWithFeatureBranch();
    const content = await open({ repo: repo.dir, base: 'main' })
      .reader()
      .read('proofs/PREHANDOVER: session 080.md');
    expect(content).toMatchObject({ state: 'ok', text: expect.stringContaining('| Session ID | 080 |') });
  });

  it('calls removed files, missing files and directories absent', async () => {
    const repo = repoWithFeatureBranch();
    const reader = open({ repo: repo.dir, base: 'main' }).reader();
    expect(await reader.read('old notes.md')).toEqual({ state: 'absent' });
    expect(await reader.read('no/such/file.md')).toEqual({ state: 'absent' });
    expect(await reader.read('src')).toEqual({ state: 'absent' });
  });

  it('calls binary files unreadable and files over the limit unreadable with their size', async () => {
    const repo = createRepo({
      files: { 'logo.png': new Uint8Array([0x89, 0, 1]), 'big.md': 'x'.repeat(3000), 'small.md': 'ok' },
    });
    const reader = open({ repo: repo.dir, base: 'main' }).reader({ maxFileBytes: 2048 });
    const [logo, big, small] = await Promise.all(
      ['logo.png', 'big.md', 'small.md'].map((p) => reader.read(p)),
    );
    expect(logo).toEqual({ state: 'unreadable', reason: 'binary file' });
    expect(big).toEqual({
      state: 'unreadable',
      reason: '2.9 KB, over the 2 KB limit (limits.max_file_bytes)',
    });
    expect(small).toEqual({ state: 'ok', text: 'ok' });
  });

  it('answers many concurrent reads in order through one process', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`notes/${i}.md`] = `note ${i}\n`.repeat(i % 7);
    const repo = createRepo({ files });
    const reader = open({ repo: repo.dir, base: 'main' }).reader();
    const contents = await Promise.all(Object.keys(files).map((path) => reader.read(path)));
    expect(contents).toEqual(Object.values(files).map((text) => ({ state: 'ok', text })));
  });

  it('still reads after close(), starting a new process', async () => {
    const repo = createRepo({ files: { 'a.md': 'a\n', 'b.md': 'b\n' } });
    const source = open({ repo: repo.dir, base: 'main' });
    expect(await source.reader().read('a.md')).toEqual({ state: 'ok', text: 'a\n' });
    await source.close();
    expect(await source.reader().read('b.md')).toEqual({ state: 'ok', text: 'b\n' });
  });
});

describe('LocalGitSource base config', () => {
  it('reads the config from the base branch, never from head', async () => {
    const repo = createRepo({ files: { '.github/merge-gate.yml': 'mode: enforce\n' } });
    repo.branch('weaken');
    repo.commit('weaken the gate', { '.github/merge-gate.yml': 'mode: advisory\n' });
    const source = open({ repo: repo.dir, base: 'main' });
    expect(await source.baseConfigText('.github/merge-gate.yml')).toBe('mode: enforce\n');
  });

  it('is undefined when the base branch has no config', async () => {
    const repo = createRepo({ files: { 'a.md': 'a\n' } });
    expect(
      await open({ repo: repo.dir, base: 'main' }).baseConfigText('.github/merge-gate.yml'),
    ).toBeUndefined();
  });
});
