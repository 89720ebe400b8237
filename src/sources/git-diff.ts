import type { ChangeStatus, ChangedFile } from '../model/facts.js';

/** One entry of `git diff -z --name-status`. */
export interface NameStatusEntry {
  status: ChangeStatus;
  path: string;
  previousPath?: string;
}

const STATUS_LETTERS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'removed',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

/**
 * Parses `git diff -z --name-status` output: `M\0path\0`, or `R087\0old\0new\0` for renames and
 * copies. With `-z` paths are verbatim (spaces, `:`, newlines, non-ASCII), never quoted.
 */
export function parseNameStatus(output: string): NameStatusEntry[] {
  const fields = output.split('\0');
  const entries: NameStatusEntry[] = [];
  let i = 0;
  while (i < fields.length) {
    const code = fields[i++] ?? '';
    if (code === '') continue;
    const status = STATUS_LETTERS[code.charAt(0)] ?? 'changed';
    if (status === 'renamed' || status === 'copied') {
      const previousPath = fields[i++] ?? '';
      entries.push({ status, path: fields[i++] ?? '', previousPath });
    } else {
      entries.push({ status, path: fields[i++] ?? '' });
    }
  }
  return entries;
}

/** Line counts per (new) path; binary files, which git counts as `-`, get 0. */
export type LineCounts = Map<string, { additions: number; deletions: number }>;

/**
 * Parses `git diff -z --numstat`: `adds\tdels\tpath\0`, or for renames `adds\tdels\t\0old\0new\0`.
 */
export function parseNumstat(output: string): LineCounts {
  const fields = output.split('\0');
  const counts: LineCounts = new Map();
  let i = 0;
  while (i < fields.length) {
    const record = fields[i++] ?? '';
    if (record === '') continue;
    const [additions = '', deletions = '', inlinePath = ''] = splitTwoTabs(record);
    let path = inlinePath;
    if (path === '') {
      i++; // the previous path of a rename or copy
      path = fields[i++] ?? '';
    }
    counts.set(path, { additions: count(additions), deletions: count(deletions) });
  }
  return counts;
}

/**
 * Splits `git diff -U0` output into one patch per file, in diff order (the same order as
 * `--name-status` with the same options). Each patch keeps only its hunks, from the first `@@`
 * line, as GitHub's API does; a file without hunks (binary, pure rename, mode change) gets none.
 */
export function splitPatches(output: string): (string | undefined)[] {
  // Content lines start with `+`, `-`, ` ` or `\`, so a line starting with `diff --git ` is always a header.
  const sections = output.split(/^(?=diff --git )/m).filter((section) => section.startsWith('diff --git '));
  return sections.map((section) => {
    const hunk = section.search(/^@@/m);
    if (hunk === -1) return undefined;
    return section.slice(hunk).replace(/\n$/, '');
  });
}

/**
 * Joins the three listings into the changed files. Patches are matched by position; if the counts
 * differ (they should not), no file gets a patch rather than a wrong one.
 */
export function changedFilesFrom(
  entries: readonly NameStatusEntry[],
  counts: LineCounts,
  patches: readonly (string | undefined)[],
): ChangedFile[] {
  const patchesAlign = patches.length === entries.length;
  return entries.map((entry, index) => {
    const file: ChangedFile = {
      path: entry.path,
      status: entry.status,
      additions: counts.get(entry.path)?.additions ?? 0,
      deletions: counts.get(entry.path)?.deletions ?? 0,
    };
    if (entry.previousPath !== undefined) file.previousPath = entry.previousPath;
    const patch = patchesAlign ? patches[index] : undefined;
    if (patch !== undefined) file.patch = patch;
    return file;
  });
}

function splitTwoTabs(record: string): [string, string, string] {
  const first = record.indexOf('\t');
  const second = record.indexOf('\t', first + 1);
  if (first === -1 || second === -1) return [record, '', ''];
  return [record.slice(0, first), record.slice(first + 1, second), record.slice(second + 1)];
}

function count(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : 0;
}
