/**
 * `npm run bench`: prints tables of figures (never a test). See docs/benchmarks.md.
 *
 * 1. Parser throughput: parseProof vs the raw Markdown parse it builds on (same extensions).
 * 2. Cold start and bundle size: `node dist/index.js` on a non-PR event vs `node -e ''`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const ROOT = process.cwd();
const TMP = join(ROOT, '.bench-tmp');
const RUNS = 5;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(fn, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function table(title, header, rows) {
  console.log(`\n## ${title}\n`);
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(all[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of all.slice(1)) console.log(line(row));
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

const ms = (value) => value.toFixed(1);

async function parserThroughput() {
  execFileSync('npx', ['ncc', 'build', 'bench/parse-entry.ts', '-o', join(TMP, 'parse'), '--quiet'], {
    stdio: 'ignore',
  });
  const { parseProof, parseOptionsFrom, DEFAULT_CONFIG, parseMarkdown } = await import(
    pathToFileURL(join(TMP, 'parse/index.js')).href
  );
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
    // Large inputs take tens of seconds a parse: fewer runs keep the bench under a few minutes.
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
    `Parser throughput (median of ${RUNS}; target ratio ≤ 1.5×)`,
    ['proof', 'KiB', 'fromMarkdown ms', 'parseProof ms', 'ratio', 'parseProof MiB/s'],
    rows,
  );
}

function coldStart() {
  const bundle = join(ROOT, 'dist/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'merge-gate-bench-'));
  try {
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', after: 'a'.repeat(40) }));
    writeFileSync(join(dir, 'summary.md'), '');
    writeFileSync(join(dir, 'output.txt'), '');
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      RUNNER_TEMP: dir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_OUTPUT: join(dir, 'output.txt'),
      GITHUB_WORKSPACE: dir,
      'INPUT_GITHUB-TOKEN': 'ghs_bench',
      INPUT_CONFIG: '.github/merge-gate.yml',
      'INPUT_FAIL-ON': 'error',
    };
    const spawnTime = (args) =>
      time(() => {
        const result = spawnSync(process.execPath, args, { env, cwd: dir, stdio: 'ignore' });
        if (result.status === null) throw new Error(`${args.join(' ')} did not exit`);
      });
    const floor = spawnTime(['-e', '']);
    const action = spawnTime([bundle]);
    const exit = spawnSync(process.execPath, [bundle], { env, cwd: dir, stdio: 'ignore' }).status;
    table(
      `Cold start (median of ${RUNS}) and bundle size`,
      ['measure', 'value'],
      [
        ['dist/index.js size', `${(statSync(bundle).size / 1024).toFixed(1)} KiB`],
        ["node -e '' (floor)", `${ms(floor)} ms`],
        [`node dist/index.js, push event (exit ${exit})`, `${ms(action)} ms`],
        ['difference', `${ms(action - floor)} ms`],
        ['ratio', `${(action / floor).toFixed(2)}×`],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Merge Gate benchmarks — node ${process.version}, ${new Date().toISOString()}`);
await parserThroughput();
coldStart();
