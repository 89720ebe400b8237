/**
 * The syntax gate on large changed YAML files (SPEC §4.7): `checkYamlSyntax` on workflow-like
 * sequences and flat mappings of growing size, each with a duplicate key on its last line, so every
 * run reads to the end. The tests check the same shapes at about 1 MB; the growth is shown here.
 */
import { importEntry, ms, table, time } from './lib.mjs';

const SHAPES = [
  [
    'workflow steps',
    (n) =>
      Array.from({ length: n }, (_, i) => `- name: step ${i}\n  run: echo ${i}\n`).join('') +
      '- name: last\n  name: again\n',
  ],
  [
    'flat mapping',
    (n) => Array.from({ length: n }, (_, i) => `key_${i}: value ${i}\n`).join('') + 'key_1: again\n',
  ],
];

export async function yamlSyntax() {
  const { checkYamlSyntax } = await importEntry('bench/yaml-entry.ts', 'yaml');
  const rows = [];
  for (const [label, make] of SHAPES) {
    let previous;
    for (const entries of [30_000, 60_000, 120_000, 240_000]) {
      const text = make(entries);
      let problem;
      const median = time(() => {
        problem = checkYamlSyntax(text);
      }, 3);
      const growth = previous === undefined ? '' : `${(median / previous).toFixed(2)}×`;
      previous = median;
      const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
      rows.push([label, entries, `${mb} MB`, ms(median), growth, problem?.message ?? 'none']);
    }
  }
  table(
    `YAML syntax check to the end of the file (median of 3, Node ${process.version}): doubling the size should about double the time`,
    ['shape', 'entries', 'size', 'ms', 'vs half the size', 'problem found'],
    rows,
  );
}
