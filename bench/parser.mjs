/**
 * Parser throughput: parseProof vs the raw Markdown parse it builds on (markdown-it with the same
 * rules: `parseMarkdown`), on every fixture proof and on a ~5 MB proof made by repeating them.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ms, ROOT, RUNS, table, time, walk } from './lib.mjs';
import { bundleSource, importBundle } from './parser-bundles.mjs';

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
    const raw = time(() => parseMarkdown(text), runs);
    const proof = time(() => parseProof(text, options), runs);
    if (text !== big) {
      totalProof += proof;
      totalRaw += raw;
    }
    const kib = text.length / 1024;
    const shortName = name.length > 60 ? `…${name.slice(-59)}` : name;
    rows.push([
      shortName,
      kib.toFixed(1),
      ms(raw),
      ms(proof),
      (proof / raw).toFixed(2),
      (text.length / 1024 / 1024 / (proof / 1000)).toFixed(2),
    ]);
  }
  rows.push([
    'all fixtures (sum of medians)',
    (corpus.length / 1024).toFixed(1),
    ms(totalRaw),
    ms(totalProof),
    (totalProof / totalRaw).toFixed(2),
    '',
  ]);
  table(
    `Parser throughput, ${bundleSource()}, node ${process.version} (median of ${RUNS}; target ratio ≤ 1.5×)`,
    ['proof', 'KiB', 'parseMarkdown ms', 'parseProof ms', 'ratio', 'parseProof MiB/s'],
    rows,
  );
}
