import type { ChangedFile } from '../model/facts.js';
import { addedLineIndexes } from './line-diff.js';
import type { ServedContent, ServedReader } from './served.js';

export interface AddedLine {
  line: number;
  text: string;
}

/** What a PR added to one file, or why that is not known (the caller says so: never a silent pass). */
export type AddedLines = { lines: AddedLine[] } | { unknown: string };

/** Added lines of a unified diff with their line numbers in the new file. */
export function addedLinesOfPatch(patch: string): AddedLine[] {
  const added: AddedLine[] = [];
  let next = 0;
  for (const raw of patch.split('\n')) {
    if (raw.startsWith('@@')) {
      next = Number(/\+(\d+)/.exec(raw)?.[1] ?? 0);
    } else if (raw.startsWith('+') && !raw.startsWith('+++')) {
      added.push({ line: next, text: raw.slice(1) });
      next += 1;
    } else if (!raw.startsWith('-') && !raw.startsWith('\\')) {
      next += 1;
    }
  }
  return added;
}

/** The readers `addedLines` needs: head, and the merge base when the source has one. */
export interface DiffReaders {
  head: ServedReader;
  mergeBase?: ServedReader;
}

/**
 * What this PR added to a file: from the patch when the source has one, else computed from the
 * file at the merge base and at head (SPEC §8.14), so a decision never depends on whether GitHub
 * sent the patch. A new file adds every line. Unknown when a side's content is not text (binary,
 * over the size limit) or the source has no merge base (a recorded fixture). A file the source
 * could not serve throws from the reader, so the check that needed it ends in `error`.
 */
export async function addedLines(file: ChangedFile, readers: DiffReaders): Promise<AddedLines> {
  if (file.patch !== undefined) return { lines: addedLinesOfPatch(file.patch) };
  if (file.status === 'removed' || file.status === 'unchanged') return { lines: [] };
  if (file.status === 'added') {
    const head = await readers.head.read(file.path);
    return head.state === 'ok' ? { lines: linesOf(head.text) } : { unknown: notText(head) };
  }
  if (!readers.mergeBase) return { unknown: 'no patch, and no merge base to compute it from' };
  const basePath = file.previousPath ?? file.path;
  const [base, head] = await Promise.all([readers.mergeBase.read(basePath), readers.head.read(file.path)]);
  if (head.state !== 'ok') return { unknown: notText(head) };
  if (base.state === 'unreadable') return { unknown: `${notText(base)} at the merge base` };
  const headLines = head.text.split('\n');
  // A base path the source answered absent for (only possible for a path it need not have) adds everything.
  const baseLines = base.state === 'ok' ? base.text.split('\n') : [];
  return {
    lines: addedLineIndexes(baseLines, headLines).map((i) => ({ line: i + 1, text: headLines[i] ?? '' })),
  };
}

function linesOf(text: string): AddedLine[] {
  return text.split('\n').map((line, i) => ({ line: i + 1, text: line }));
}

function notText(content: ServedContent): string {
  return content.state === 'unreadable' ? content.reason : 'does not exist';
}
