/**
 * Added lines without a patch (SPEC §8.14): `addedLineIndexes` on canon inventories of growing size
 * (up to about 5 MB, the default `limits.max_file_bytes`), for the changes a PR makes to them and
 * for the worst case, lines that exist on both sides in another order (bounded: every line added).
 */
import { createHash } from 'node:crypto';
import { importEntry, ms, table, time } from './lib.mjs';

const RUNS = 3;
const sha = (text) => createHash('sha256').update(text).digest('hex');
const entry = (i, salt = '') => ({
  path: `governance/canon/CANON_${i}.md`,
  filename: `CANON_${i}.md`,
  version: '1.0.0',
  file_hash_sha256: sha(`${i}${salt}`),
  layer: 'canon',
});
const inventory = (entries) =>
  `${JSON.stringify({ total_canons: entries.length, canons: entries }, null, 2)}\n`.split('\n');

/** [label, make(entries) → head entries or lines, exact added-line count or undefined]. */
const CHANGES = [
  ['one entry updated', (list) => list.map((e, i) => (i === 7 ? entry(i, 'new') : e)), () => 1],
  ['every hash changed', (list) => list.map((_, i) => entry(i, 'new')), (n) => n],
  [
    '50 entries added, spread out',
    (list) => {
      const head = [...list];
      for (let j = 0; j < 50; j += 1)
        head.splice(Math.floor((j * list.length) / 50) + j, 0, entry(list.length + j));
      return head;
    },
    () => 50 * 7,
  ],
  ['lines reversed (worst case)', (list) => inventory(list).reverse(), undefined],
];

export async function lineDiff() {
  const { addedLineIndexes } = await importEntry('bench/diff-entry.ts', 'diff');
  const rows = [];
  for (const size of [300, 1000, 5000, 22000]) {
    const list = Array.from({ length: size }, (_, i) => entry(i));
    const base = inventory(list);
    const kib = Math.round(Buffer.byteLength(base.join('\n')) / 1024);
    for (const [label, change, exact] of CHANGES) {
      const changed = change(list);
      const head = typeof changed[0] === 'string' ? changed : inventory(changed);
      let added = [];
      const median = time(() => {
        added = addedLineIndexes(base, head);
      }, RUNS);
      const expected = exact?.(size);
      const outcome =
        added.length === head.length
          ? 'bound reached: every line added'
          : expected === undefined || Math.abs(added.length - expected) <= 1
            ? 'exact'
            : `${added.length} (expected ${expected})`;
      rows.push([size, `${kib} KiB`, label, ms(median), added.length, outcome]);
    }
  }
  table(
    'Added lines without a patch: addedLineIndexes on a canon inventory (median of 3)',
    ['entries', 'size', 'change', 'ms', 'added lines', 'result'],
    rows,
  );
}
