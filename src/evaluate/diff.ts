import type { ChangedFile, FileReader } from '../model/facts.js';

export interface AddedLine {
  line: number;
  text: string;
}

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

/**
 * What this PR added to a file: from the patch when the source has one; for a newly added file
 * without a patch (the API omits large ones), every line at head. Undefined when unknown.
 */
export async function addedLines(file: ChangedFile, reader: FileReader): Promise<AddedLine[] | undefined> {
  if (file.patch !== undefined) return addedLinesOfPatch(file.patch);
  if (file.status !== 'added') return undefined;
  const content = await reader.read(file.path);
  if (content.state !== 'ok') return undefined;
  return content.text.split('\n').map((text, i) => ({ line: i + 1, text }));
}
