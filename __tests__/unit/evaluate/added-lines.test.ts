import type { ChangedFile, FileContent } from '../../../src/model/facts.js';
import { addedLines, type DiffReaders } from '../../../src/evaluate/diff.js';
import { servedReader, UnavailableFileError, type ServedReader } from '../../../src/evaluate/served.js';

/** A served reader over a map of texts; `undefined` values are files the source could not serve. */
function readerOf(
  files: Record<string, FileContent | string>,
  side: 'head' | 'merge base' = 'head',
): ServedReader {
  return servedReader(
    {
      read: async (path) => {
        const file = files[path];
        if (file === undefined) return { state: 'absent' };
        return typeof file === 'string' ? { state: 'ok', text: file } : file;
      },
    },
    new Set(),
    side,
  );
}

const file = (overrides: Partial<ChangedFile>): ChangedFile => ({
  path: 'src/app.test.ts',
  status: 'modified',
  additions: 1,
  deletions: 0,
  ...overrides,
});

describe('addedLines', () => {
  const base = 'describe("x", () => {\n  it("a", () => {});\n});\n';
  const head = 'describe("x", () => {\n  it("a", () => {});\n  it.skip("b", () => {});\n});\n';
  const readers: DiffReaders = {
    head: readerOf({ 'src/app.test.ts': head, 'src/renamed.test.ts': head }),
    mergeBase: readerOf({ 'src/app.test.ts': base }, 'merge base'),
  };

  it('reads the patch when there is one, reading no file', async () => {
    const patch = '@@ -1,0 +7,2 @@\n+first\n+second';
    expect(await addedLines(file({ patch }), { head: readerOf({}) })).toEqual({
      lines: [
        { line: 7, text: 'first' },
        { line: 8, text: 'second' },
      ],
    });
  });

  it('without a patch, diffs the merge base with head: the same lines, with their head line numbers', async () => {
    expect(await addedLines(file({}), readers)).toEqual({
      lines: [{ line: 3, text: '  it.skip("b", () => {});' }],
    });
  });

  it('diffs a renamed file against its previous path at the merge base', async () => {
    const renamed = file({ path: 'src/renamed.test.ts', status: 'renamed', previousPath: 'src/app.test.ts' });
    expect(await addedLines(renamed, readers)).toEqual({
      lines: [{ line: 3, text: '  it.skip("b", () => {});' }],
    });
  });

  it('takes every line of an added file, needing no merge base', async () => {
    const added = await addedLines(file({ status: 'added' }), { head: readers.head });
    expect('lines' in added && added.lines).toHaveLength(5);
  });

  it('is unknown, saying why, without a merge base or when a side is not text', async () => {
    expect(await addedLines(file({}), { head: readers.head })).toEqual({
      unknown: 'no patch, and no merge base to compute it from',
    });
    const binary = { head: readerOf({ 'src/app.test.ts': { state: 'unreadable', reason: 'binary file' } }) };
    expect(await addedLines(file({}), { ...binary, mergeBase: readers.mergeBase })).toEqual({
      unknown: 'binary file',
    });
  });

  it('throws, naming the file and the side, when the merge base cannot be served', async () => {
    const mergeBase = readerOf(
      { 'src/app.test.ts': { state: 'unavailable', reason: 'GitHub API error: HTTP 502' } },
      'merge base',
    );
    const read = addedLines(file({}), { head: readers.head, mergeBase });
    await expect(read).rejects.toBeInstanceOf(UnavailableFileError);
    await expect(read).rejects.toThrow(
      'cannot read src/app.test.ts at the merge base: GitHub API error: HTTP 502',
    );
  });
});
