/**
 * Which lines a change added, from the two versions of a file, for when the source has no patch
 * (SPEC §8.14: GitHub leaves it out for large diffs). A minimal line diff, as git computes one,
 * kept linear on the shapes that matter (a large inventory whose hashes all changed).
 */
import { diffArrays } from 'diff';

/**
 * The Myers diff of n lines needing d edits costs about n·d comparisons plus d² path steps (the
 * costly kind in jsdiff). The edit bound keeps both in check: at most 1,000 edits, and fewer on
 * long files, so no input takes more than a second or two (`npm run bench -- diff`). Past the bound
 * every head line counts as added.
 */
const MAX_EDITS = 1_000;
const COMPARISON_BUDGET = 100_000_000;

/**
 * Indexes (0-based, ascending) of the `head` lines that a minimal line diff from `base` adds.
 *
 * A line that does not occur in the other version can never be matched, so such lines are set
 * aside before diffing (git's xdiff does the same): they do not change the longest common
 * subsequence, and a rewritten inventory (every hash new, the rest equal) aligns in linear time.
 * When the remaining lines need more edits than the bound allows, every head line counts as added:
 * a superset, so a check sees more, never less, than the PR changed.
 */
export function addedLineIndexes(base: readonly string[], head: readonly string[]): number[] {
  // Interned lines compare in O(1).
  const ids = new Map<string, number>();
  const idOf = (line: string): number => {
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    }
    return id;
  };
  const baseIds = base.map(idOf);
  const headIds = head.map(idOf);
  const inBase = new Set(baseIds);
  const inHead = new Set(headIds);

  const added: number[] = [];
  /** Head lines that also occur in base, by their index in `head`. */
  const sharedAt: number[] = [];
  headIds.forEach((id, index) => (inBase.has(id) ? sharedAt : added).push(index));
  const sharedBase = baseIds.filter((id) => inHead.has(id));
  const sharedHead = sharedAt.map((index) => headIds[index] as number);

  const lines = sharedBase.length + sharedHead.length;
  const maxEditLength = Math.min(MAX_EDITS, Math.floor(COMPARISON_BUDGET / Math.max(lines, 1)));
  const changes = diffArrays(sharedBase, sharedHead, { maxEditLength });
  if (!changes) return head.map((_, index) => index);
  let next = 0;
  for (const change of changes) {
    if (change.removed) continue;
    if (change.added) {
      for (let i = 0; i < change.count; i += 1) added.push(sharedAt[next + i] as number);
    }
    next += change.count;
  }
  return added.sort((a, b) => a - b);
}
