/**
 * Hostile input: parseProof on pathological Markdown shapes at two sizes, n and 4n. The growth
 * ratio (ms at 4n / ms at n) is ~4 for a linear parse and ~16 for a quadratic one. Then the raw
 * parse of the container shapes with micromark's upstream EditMap.consume against the linear one
 * (src/proof/linear-edit-map.ts), and the worst shape at the 1 MiB default of
 * limits.max_markdown_bytes, in a worker stopped after CAP_MS.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { importEntry, median, ms, TMP, table } from './lib.mjs';

const RUNS = 3;
/** A run longer than this is not repeated: the median is then of fewer runs (marked *). */
const REPEAT_UNDER_MS = 2000;
/** How long one parse of a 1 MiB document may take before its worker is stopped. */
const CAP_MS = 15_000;
const MIB = 1024 * 1024;

const rows = (n, row) => Array.from({ length: n }, (_, i) => row(i)).join('\n');
const tableOf = (n) => `| File | Change |\n|---|---|\n${rows(n, (i) => `| file-${i}.ts | modified |`)}\n`;

/**
 * [label, make(n), n, what n counts, whether ms × (1 MiB / bytes) means anything]. n is chosen so
 * one parse takes roughly 50 ms–2 s on the 2-core machine of docs/benchmarks.md.
 */
const SHAPES = [
  ["many paragraphs `'x\\n\\n'`", (n) => 'x\n\n'.repeat(n), 2000, 'paragraphs', true],
  ["many block quotes `'> x\\n\\n'`", (n) => '> x\n\n'.repeat(n), 1500, 'quotes', true],
  ["nested sub-lists `'- x\\n  - y\\n'`", (n) => '- x\n  - y\n'.repeat(n), 1000, 'pairs', true],
  ["list-in-list lines `'- - x\\n'`", (n) => '- - x\n'.repeat(n), 1000, 'lines', true],
  ["list-in-quote lines `'- > x\\n'`", (n) => '- > x\n'.repeat(n), 1500, 'lines', true],
  ["one paragraph of `'**a**:\\n'`", (n) => '**a**:\n'.repeat(n), 3000, 'lines', true],
  ["one paragraph of `'_*'` (over the budget)", (n) => '_*'.repeat(n), 20_000, 'pairs', true],
  ["one paragraph of `'~~a~~ '` (over the budget)", (n) => '~~a~~ '.repeat(n), 10_000, 'pairs', true],
  [
    "paragraphs of `'_*'×500` (1000 sequences, at the budget)",
    (n) => `${'_*'.repeat(500)}\n\n`.repeat(n),
    16,
    'paragraphs',
    true,
  ],
  ['one table, a row per file (`file-i.ts`, `modified`)', tableOf, 2500, 'rows', true],
  ["one line `'- '×depth + 'x'`", (n) => `${'- '.repeat(n)}x`, 25, 'depth', false],
  ["one line `'- '×depth + 'x'` (past 100: blanked)", (n) => `${'- '.repeat(n)}x`, 100, 'depth', false],
  ["one line `'>'×depth + ' x'`", (n) => `${'>'.repeat(n)} x`, 25, 'depth', false],
  ["one line `'>'×depth + ' x'` (past 100: blanked)", (n) => `${'>'.repeat(n)} x`, 100, 'depth', false],
  [
    "lines of `'- '×100 + 'x\\n'` (at the depth bound)",
    (n) => `${'- '.repeat(100)}x\n`.repeat(n),
    250,
    'lines',
    true,
  ],
  // Lazy continuation lines: quadratic in micromark itself; past 100 lines src/proof/nesting.ts
  // blanks one, which ends the paragraph (see docs/benchmarks.md).
  ["lazy lines `'> x\\n' + 'y\\n'×n`", (n) => `> x\n${'y\n'.repeat(n)}`, 3000, 'lines', true],
];

/** The container shapes whose cost came from upstream EditMap.consume. */
const CONTAINERS = SHAPES.slice(1, 5);
/** n for the upstream comparison: upstream takes seconds at 4n already. */
const UPSTREAM_N = 750;

/** The worst shape at the default limit (see docs/benchmarks.md for the worst bounded one). */
const AT_LIMIT = [SHAPES.at(-1)];

/** Median of up to RUNS runs, in ms; a run over REPEAT_UNDER_MS is not repeated. */
function timed(fn) {
  const times = [];
  while (times.length < RUNS) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    if (times.at(-1) > REPEAT_UNDER_MS) break;
  }
  return { ms: median(times), runs: times.length };
}

const cell = ({ ms: value, runs }) => `${ms(value)}${runs < RUNS ? '*' : ''}`;
const kib = (text) => (text.length / 1024).toFixed(1);

/** "~36 s": a figure read off the table, not measured. */
function roughly(msValue) {
  const s = msValue / 1000;
  if (s < 10) return `~${s.toFixed(1)} s`;
  if (s < 120) return `~${Math.round(s)} s`;
  if (s < 7200) return `~${Math.round(s / 60)} min`;
  return `~${(s / 3600).toFixed(1)} h`;
}

/**
 * A 1 MiB figure extrapolated from the 4n run: linear when the growth says linear (< 8), else
 * quadratic. The shapes are uniform, so the bytes scale with n.
 */
function atOneMiB(growth, bytes, msAt4n) {
  const scale = MIB / bytes;
  return msAt4n * (growth < 8 ? scale : scale * scale);
}

/** Parses `text` once in a worker; stops it after `capMs`. Resolves to ms or undefined. */
function parseInWorker(text, capMs) {
  const entry = pathToFileURL(join(TMP, 'parse', 'index.js')).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.entry).then(({ parseProof, parseOptionsFrom, DEFAULT_CONFIG }) => {
      const options = parseOptionsFrom(DEFAULT_CONFIG);
      parseProof('# warm-up\\n\\n- a\\n> b\\n', options);
      const start = performance.now();
      parseProof(workerData.text, options);
      parentPort.postMessage(performance.now() - start);
    });`;
  const worker = new Worker(code, { eval: true, workerData: { entry, text } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => worker.terminate().then(() => resolve(undefined)), capMs);
    worker.once('message', (value) => {
      clearTimeout(timer);
      worker.terminate().then(() => resolve(value));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export async function hostileInput() {
  const { parseProof, parseOptionsFrom, DEFAULT_CONFIG, parseMarkdown, useLinearEditMap } = await importEntry(
    'bench/parse-entry.ts',
    'parse',
  );
  const options = parseOptionsFrom(DEFAULT_CONFIG);
  // Warm up the JIT on every shape at a small size.
  for (const [, make, n] of SHAPES) parseProof(make(Math.max(1, Math.floor(n / 8))), options);

  const growthRows = [];
  const measured = new Map();
  for (const shape of SHAPES) {
    const [label, make, n, unit, perMiB] = shape;
    const [small, large] = [make(n), make(4 * n)];
    const [atN, at4n] = [timed(() => parseProof(small, options)), timed(() => parseProof(large, options))];
    const growth = at4n.ms / atN.ms;
    measured.set(shape, { growth, bytes: large.length, ms: at4n.ms });
    growthRows.push([
      label,
      `${n} / ${4 * n} ${unit}`,
      `${kib(small)} / ${kib(large)}`,
      cell(atN),
      cell(at4n),
      growth.toFixed(1),
      perMiB ? roughly(atOneMiB(growth, large.length, at4n.ms)) : '—',
    ]);
  }
  table(
    `Hostile input: parseProof at n and 4n (median of ${RUNS}; * fewer runs, one took over ${REPEAT_UNDER_MS / 1000} s)`,
    [
      'shape',
      'n / 4n',
      'KiB',
      'ms at n',
      'ms at 4n',
      'growth (4 linear, 16 quadratic)',
      'at 1 MiB (extrapolated)',
    ],
    growthRows,
  );

  const upstreamRows = [];
  try {
    for (const [label, make] of CONTAINERS) {
      const [small, large] = [make(UPSTREAM_N), make(4 * UPSTREAM_N)];
      const figures = [];
      for (const linear of [true, false]) {
        useLinearEditMap(linear);
        parseMarkdown(make(UPSTREAM_N / 8));
        figures.push(
          timed(() => parseMarkdown(small)),
          timed(() => parseMarkdown(large)),
        );
      }
      const [linN, lin4n, upN, up4n] = figures;
      upstreamRows.push([
        label,
        `${kib(small)} / ${kib(large)}`,
        cell(linN),
        cell(lin4n),
        (lin4n.ms / linN.ms).toFixed(1),
        cell(upN),
        cell(up4n),
        (up4n.ms / upN.ms).toFixed(1),
        `${(up4n.ms / lin4n.ms).toFixed(1)}×`,
      ]);
    }
  } finally {
    useLinearEditMap(true);
  }
  table(
    `Container shapes, raw parseMarkdown: linear vs upstream EditMap.consume, n = ${UPSTREAM_N} and ${4 * UPSTREAM_N}`,
    [
      'shape',
      'KiB',
      'linear ms',
      'linear ms at 4n',
      'growth',
      'upstream ms',
      'upstream ms at 4n',
      'growth',
      'upstream ÷ linear at 4n',
    ],
    upstreamRows,
  );

  const limitRows = [];
  for (const shape of AT_LIMIT) {
    const [label, make, n] = shape;
    let count = n;
    while (make(count * 2).length <= MIB) count *= 2;
    let step = count / 2;
    while (step >= 1) {
      if (make(count + step).length <= MIB) count += step;
      step = Math.floor(step / 2);
    }
    const text = make(count);
    const took = await parseInWorker(text, CAP_MS);
    const { growth, bytes, ms: msAt4n } = measured.get(shape);
    limitRows.push([
      label,
      (text.length / MIB).toFixed(3),
      took === undefined ? `not done after ${CAP_MS / 1000} s (stopped)` : `${ms(took)} ms`,
      roughly(atOneMiB(growth, bytes, msAt4n)),
    ]);
  }
  table(
    `The worst shape at the 1 MiB default of limits.max_markdown_bytes (one run, in a worker, stopped after ${CAP_MS / 1000} s)`,
    ['shape', 'MiB', 'parseProof', 'extrapolated from the 4n run'],
    limitRows,
  );
}
