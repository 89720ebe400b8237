import {
  changedFilesFrom,
  parseNameStatus,
  parseNumstat,
  splitPatches,
} from '../../../src/sources/git-diff.js';

describe('parseNameStatus', () => {
  it('reads statuses and verbatim paths, renames with their previous path', () => {
    const output =
      'A\0new file.md\0M\0a:b.md\0D\0gone.md\0R087\0old.md\0moved/new.md\0C100\0src.md\0copy.md\0T\0link\0';
    expect(parseNameStatus(output)).toEqual([
      { status: 'added', path: 'new file.md' },
      { status: 'modified', path: 'a:b.md' },
      { status: 'removed', path: 'gone.md' },
      { status: 'renamed', path: 'moved/new.md', previousPath: 'old.md' },
      { status: 'copied', path: 'copy.md', previousPath: 'src.md' },
      { status: 'changed', path: 'link' },
    ]);
  });

  it('reads nothing from an empty diff', () => {
    expect(parseNameStatus('')).toEqual([]);
  });
});

describe('parseNumstat', () => {
  it('counts lines per new path; binary files count 0', () => {
    const counts = parseNumstat('3\t1\ta b.md\0-\t-\tlogo.png\0' + '2\t0\t\0old.md\0new.md\0');
    expect(Object.fromEntries(counts)).toEqual({
      'a b.md': { additions: 3, deletions: 1 },
      'logo.png': { additions: 0, deletions: 0 },
      'new.md': { additions: 2, deletions: 0 },
    });
  });

  it('keeps tabs that are part of a path', () => {
    expect([...parseNumstat('1\t0\ttab\there.md\0').keys()]).toEqual(['tab\there.md']);
  });
});

describe('splitPatches', () => {
  const diff = [
    'diff --git a/a.ts b/a.ts',
    'index 1111111..2222222 100644',
    '--- a/a.ts',
    '+++ b/a.ts',
    '@@ -1 +1 @@',
    '-old',
    '+diff --git looks like a header but is content',
    'diff --git a/logo.png b/logo.png',
    'Binary files a/logo.png and b/logo.png differ',
    'diff --git a/x.md b/y.md',
    'similarity index 100%',
    'rename from x.md',
    'rename to y.md',
    'diff --git a/t.test.ts b/t.test.ts',
    '--- a/t.test.ts',
    '+++ b/t.test.ts',
    '@@ -0,0 +1,2 @@',
    "+it.skip('x', () => {});",
    '+// end',
    '\\ No newline at end of file',
    '',
  ].join('\n');

  it('gives each file its hunks only, in diff order', () => {
    expect(splitPatches(diff)).toEqual([
      '@@ -1 +1 @@\n-old\n+diff --git looks like a header but is content',
      undefined,
      undefined,
      "@@ -0,0 +1,2 @@\n+it.skip('x', () => {});\n+// end\n\\ No newline at end of file",
    ]);
  });

  it('gives nothing for an empty diff', () => {
    expect(splitPatches('')).toEqual([]);
  });
});

describe('changedFilesFrom', () => {
  const entries = parseNameStatus('M\0a.md\0R100\0x.md\0y.md\0');
  const counts = parseNumstat('1\t1\ta.md\0' + '0\t0\t\0x.md\0y.md\0');

  it('joins listing, counts and patches', () => {
    expect(changedFilesFrom(entries, counts, ['@@ -1 +1 @@\n-a\n+b', undefined])).toEqual([
      { path: 'a.md', status: 'modified', additions: 1, deletions: 1, patch: '@@ -1 +1 @@\n-a\n+b' },
      { path: 'y.md', status: 'renamed', previousPath: 'x.md', additions: 0, deletions: 0 },
    ]);
  });

  it('attaches no patch at all when the patch count does not match the listing', () => {
    const files = changedFilesFrom(entries, counts, ['@@ -1 +1 @@']);
    expect(files.every((f) => f.patch === undefined)).toBe(true);
  });
});
