/**
 * Parser throughput: parseProof vs the raw Markdown parse it builds on (markdown-it with the same
 * rules: `parseMarkdown`), on every fixture proof and on a ~5 MB proof made by repeating them.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, relative } from 'node:path';
import { median, ms, ROOT, RUNS, table, walk } from './lib.mjs';
import { bundleSource, importBundle } from './parser-bundles.mjs';

/** Median and minimum wall time of `fn` over `runs` runs: on a loaded machine a descheduled run only adds time, so the minimum is the better estimate. */
function times(fn, runs) {
  const all = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    all.push(performance.now() - start);
  }
  return { median: median(all), min: Math.min(...all) };
}

const both = ({ median: mid, min }) => `${ms(mid)} (${ms(min)})`;

export async function parserThroughput() {
  const { parseProof, parseOptionsFrom, DEFAULT_CONFIG, parseMarkdown } = await importBundle('parse');
  const options = parseOptionsFrom(DEFAULT_CONFIG);
  const proofs = walk(join(ROOT, '__fixtures__/prs'))
    .filter((path) => /[/\\]head[/\\]/.test(path) && /PREHANDOVER.*\.md$/i.test(path))
    .sort();
  const texts = proofs.map((path) => readFileSync(path, 'utf8'));
  const corpus = texts.join('\n\n');
  let big = '';
  while (big.length < 5 * 1024 * 1024) big += `${corpus}\n\n`;

  const cases = [
    ...proofs.map((path, i) => [relative(join(ROOT, '__fixtures__/prs'), path), texts[i]]),
    [`generated (${proofs.length} fixtures repeated)`, big],
  ];
  // Warm up the JIT once on the whole corpus.
  parseProof(corpus, options);
  parseMarkdown(corpus);
  const rows = [];
  let totalProof = 0;
  let totalRaw = 0;
  for (const [name, text] of cases) {
    // The ~5 MB input takes several seconds a parse: fewer runs keep the section under a minute.
    const runs = text.length > 1024 * 1024 ? 3 : RUNS;
    const raw = times(() => parseMarkdown(text), runs);
    const proof = times(() => parseProof(text, options), runs);
    if (text !== big) {
      totalProof += proof.min;
      totalRaw += raw.min;
    }
    const kib = text.length / 1024;
    const shortName = name.length > 60 ? `…${name.slice(-59)}` : name;
    rows.push([
      shortName,
      kib.toFixed(1),
      both(raw),
      both(proof),
      (proof.min / raw.min).toFixed(2),
      (text.length / 1024 / 1024 / (proof.min / 1000)).toFixed(2),
    ]);
  }
  rows.push([
    'all fixtures (sum of minimums)',
    (corpus.length / 1024).toFixed(1),
    `(${ms(totalRaw)})`,
    `(${ms(totalProof)})`,
    (totalProof / totalRaw).toFixed(2),
    '',
  ]);
  table(
    `Parser throughput, ${bundleSource()}, node ${process.version} (median and minimum of ${RUNS}; target ratio ≤ 1.5×), load ${loadavg()[0].toFixed(1)}`,
    [
      'proof',
      'KiB',
      'parseMarkdown ms (min)',
      'parseProof ms (min)',
      'ratio of minimums',
      'parseProof MiB/s (min)',
    ],
    rows,
  );
}
