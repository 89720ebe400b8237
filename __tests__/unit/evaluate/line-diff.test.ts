import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { addedLineIndexes } from '../../../src/evaluate/line-diff.js';

/** Length of the longest common subsequence, by the textbook table (small inputs only). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    const row = [0];
    b.forEach((other, j) =>
      row.push(line === other ? (previous[j] ?? 0) + 1 : Math.max(previous[j + 1] ?? 0, row[j] ?? 0)),
    );
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** Whether `sub` occurs in `seq` in order (not necessarily contiguous). */
function isSubsequence(sub: readonly string[], seq: readonly string[]): boolean {
  let i = 0;
  for (const line of seq) if (line === sub[i]) i += 1;
  return i === sub.length;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function inventory(count: number, hashSalt = ''): string[] {
  const canons = Array.from({ length: count }, (_, i) => ({
    path: `governance/canon/C${i}.md`,
    version: '1.0.0',
    file_hash_sha256: sha(`${i}${hashSalt}`),
  }));
  return JSON.stringify({ total_canons: count, canons }, null, 2).split('\n');
}

describe('addedLineIndexes', () => {
  it('is a minimal line diff: the lines it keeps are a longest common subsequence with the base', () => {
    // A small alphabet makes repeated lines, the case a diff can get wrong.
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '}', '', '  "x": 1,'), { maxLength: 40 });
    fc.assert(
      fc.property(lines, lines, (base, head) => {
        const added = addedLineIndexes(base, head);
        const kept = head.filter((_, i) => !added.includes(i));
        expect(added).toEqual([...new Set(added)].sort((a, b) => a - b));
        expect(isSubsequence(kept, base)).toBe(true);
        expect(kept.length).toBe(lcsLength(base, head));
      }),
      { numRuns: 300 },
    );
  });

  it('finds exactly the changed hashes of a large inventory, however many changed', () => {
    const base = inventory(3000);
    const head = inventory(3000, 'updated');
    const added = addedLineIndexes(base, head);
    expect(added.map((i) => head[i])).toEqual(head.filter((line) => line.includes('file_hash_sha256')));
  });

  it('counts every head line as added when the lines would need more edits than the bound', () => {
    // Reversing 3000 entries needs tens of thousands of edits among lines present on both sides.
    const base = inventory(3000);
    const head = [...base].reverse();
    expect(addedLineIndexes(base, head)).toEqual(head.map((_, i) => i));
  });

  it('adds every line of a file that was empty and none of an unchanged one', () => {
    expect(addedLineIndexes([], ['a', 'b'])).toEqual([0, 1]);
    expect(addedLineIndexes(['a', 'b'], ['a', 'b'])).toEqual([]);
  });
});
