/**
 * The pathological Markdown shapes of `npm run bench -- hostile`: what makes one Markdown parser or
 * another slow (many containers, deep nesting, lazy lines, unpaired emphasis, brackets, nested
 * images, code spans, wide tables), each a function of n. n is chosen so one parse takes roughly
 * 20 ms–1 s on the 2-core machine of docs/benchmarks.md.
 */

const rows = (n, row) => Array.from({ length: n }, (_, i) => row(i)).join('\n');
const tableOf = (n) => `| File | Change |\n|---|---|\n${rows(n, (i) => `| file-${i}.ts | modified |`)}\n`;

/**
 * The deepest lists and block quotes the parser reads (src/proof/depth-bounds.ts: 12 levels, a list
 * counting two; block quotes at most 5 deep).
 */
const LISTS = 5;
const QUOTES = 5;

/** [label, make(n), n, what n counts]. */
export const SHAPES = [
  ["paragraphs `'x\\n\\n'` (for comparison)", (n) => 'x\n\n'.repeat(n), 8000, 'paragraphs'],
  ["block quotes `'> x\\n\\n'`", (n) => '> x\n\n'.repeat(n), 6000, 'quotes'],
  ["sub-lists `'- x\\n  - y\\n'`", (n) => '- x\n  - y\n'.repeat(n), 4000, 'pairs'],
  ["list-in-list lines `'- - x\\n'`", (n) => '- - x\n'.repeat(n), 4000, 'lines'],
  ["list-in-quote lines `'- > x\\n'`", (n) => '- > x\n'.repeat(n), 4000, 'lines'],
  ["one paragraph of `'**a**:\\n'`", (n) => '**a**:\n'.repeat(n), 8000, 'lines'],
  ["one paragraph of `'_*'` (unpaired)", (n) => '_*'.repeat(n), 40_000, 'pairs'],
  ["one paragraph of `'~~a~~ '`", (n) => '~~a~~ '.repeat(n), 20_000, 'pairs'],
  ["one paragraph of `'*a **b '` (unpaired)", (n) => '*a **b '.repeat(n), 20_000, 'runs'],
  ["paragraphs of `'_*'×500`", (n) => `${'_*'.repeat(500)}\n\n`.repeat(n), 40, 'paragraphs'],
  ['one table, a row per file (`file-i.ts`, `modified`)', tableOf, 5000, 'rows'],
  [
    "one table `'\\|a'`×n columns, n/10 rows",
    (n) => `${'|a'.repeat(n)}|\n${'|-'.repeat(n)}|\n${'|b\n'.repeat(n / 10)}`,
    2000,
    'columns',
  ],
  [
    `lines of \`'- '×${LISTS} + 'x\\n'\` (deepest lists read)`,
    (n) => `${'- '.repeat(LISTS)}x\n`.repeat(n),
    500,
    'lines',
  ],
  [
    `lines of \`'- '×1000 + 'x\\n'\` (past the bound: skipped)`,
    (n) => `${'- '.repeat(1000)}x\n`.repeat(n),
    50,
    'lines',
  ],
  [
    `lines of \`'>'×${QUOTES} + ' x\\n\\n'\` (deepest quotes read)`,
    (n) => `${'>'.repeat(QUOTES)} x\n\n`.repeat(n),
    500,
    'lines',
  ],
  ["lazy lines `'> x\\n' + 'y\\n'×n`", (n) => `> x\n${'y\n'.repeat(n)}`, 20_000, 'lines'],
  [
    `lazy lines under ${QUOTES} quotes \`'>'×${QUOTES} + ' x\\n' + 'y\\n'×n\``,
    (n) => `${'>'.repeat(QUOTES)} x\n${'y\n'.repeat(n)}`,
    2000,
    'lines',
  ],
  [
    "lazy lines under 1000 quotes `'>'×1000 + ' x\\n' + 'y\\n'×n` (past the bound: skipped)",
    (n) => `${'>'.repeat(1000)} x\n${'y\n'.repeat(n)}`,
    2000,
    'lines',
  ],
  [
    `lazy lines under ${LISTS} lists \`'- '×${LISTS} + 'x\\n' + 'y\\n'×n\``,
    (n) => `${'- '.repeat(LISTS)}x\n${'y\n'.repeat(n)}`,
    10_000,
    'lines',
  ],
  ["open brackets `'['×n + 'a'`", (n) => `${'['.repeat(n)}a`, 5000, 'brackets'],
  ["brackets `'[a '×n`", (n) => '[a '.repeat(n), 5000, 'brackets'],
  ["nested images `'!['×n + 'a' + '](u)'×n`", (n) => `${'!['.repeat(n)}a${'](u)'.repeat(n)}`, 2000, 'images'],
  ["unclosed links `'[a]('×n`", (n) => '[a]('.repeat(n), 10_000, 'links'],
  [
    'code spans of 1–50 backticks',
    (n) => rows(n, (i) => '`'.repeat((i % 50) + 1)).replace(/\n/g, ' '),
    10_000,
    'runs',
  ],
  ["reference definitions `'[a]: /u\\n'`", (n) => '[a]: /u\n'.repeat(n), 8000, 'lines'],
  [
    "a yaml fence of `'key_i: value i'` lines",
    (n) => `\`\`\`yaml\n${rows(n, (i) => `key_${i}: value ${i}`)}\n\`\`\`\n`,
    4000,
    'keys',
  ],
  ["raw HTML `'<a '×n`", (n) => '<a '.repeat(n), 10_000, 'tags'],
  ["setext heading `'a\\n'×n + '==='`", (n) => `${'a\n'.repeat(n)}===\n`, 20_000, 'lines'],
];

const MIB = 1024 * 1024;

/** The largest text `make(count)` builds within 1 MiB (the default `limits.max_markdown_bytes`). */
export function atOneMiB(make, n) {
  let count = n;
  while (make(count * 2).length <= MIB) count *= 2;
  let step = Math.floor(count / 2);
  while (step >= 1) {
    if (make(count + step).length <= MIB) count += step;
    step = Math.floor(step / 2);
  }
  return make(count);
}
