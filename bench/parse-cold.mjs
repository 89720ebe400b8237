/**
 * Cold parse and evaluation: what a runner pays once per run. On the proofs and session memories
 * of `__fixtures__/prs/maturion-isms-pr-743` (two PREHANDOVER proofs, four memories), each figure
 * from a fresh process: the first evaluate() (parse + the seven checks), the first parseProof pass
 * over the six documents, and the 10th pass for comparison; on this Node and on Node 24.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { importEntry, median, ms, ROOT, table, TMP } from './lib.mjs';
import { benchNodes } from './nodes.mjs';

const RUNS = 7;
const TARGET_MS = 60;
const FIXTURE = join(ROOT, '__fixtures__/prs/maturion-isms-pr-743');
const MEMORY = '.agent-workspace/foreman-v2/memory/';
const IAA_MEMORY = '.agent-workspace/independent-assurance-agent/memory/';
/** The six Markdown documents the evaluation parses (the suggestions log is not one). */
const DOCUMENTS = [
  `${MEMORY}PREHANDOVER-session-080-wave12-deploy-20260301.md`,
  `${MEMORY}PREHANDOVER-session-081-wave12-render-20260301.md`,
  `${MEMORY}session-080-wave12-deploy-20260301.md`,
  `${MEMORY}session-081-wave12-render-migration-20260301.md`,
  `${IAA_MEMORY}session-029-20260301.md`,
  `${IAA_MEMORY}session-030-20260301.md`,
];

function child(node, mode) {
  const out = execFileSync(
    node.path,
    [join(ROOT, 'bench/parse-cold-child.mjs'), join(TMP, 'eval', 'index.js'), FIXTURE, mode],
    { encoding: 'utf8', env: { ...process.env, BENCH_DOCUMENTS: JSON.stringify(DOCUMENTS) } },
  );
  return JSON.parse(out.trim().split('\n').at(-1));
}

export async function parseCold() {
  await importEntry('bench/eval-entry.ts', 'eval');
  const kib = DOCUMENTS.reduce((sum, path) => sum + statSync(join(FIXTURE, 'head', path)).size, 0) / 1024;
  const rows = [];
  for (const node of benchNodes()) {
    const figures = { load: [], evaluate: [], first: [], tenth: [] };
    const verdicts = new Set();
    // Alternated, so both modes see the machine's load of the moment.
    for (let run = 0; run < RUNS; run += 1) {
      const evaluation = child(node, 'evaluate');
      figures.load.push(evaluation.loadMs);
      figures.evaluate.push(evaluation.ms);
      verdicts.add(evaluation.verdict);
      const parse = child(node, 'parse');
      figures.first.push(parse.first);
      figures.tenth.push(parse.tenth);
    }
    const evaluateMs = median(figures.evaluate);
    rows.push([
      node.label,
      ms(median(figures.load)),
      `${ms(evaluateMs)} (${ms(Math.min(...figures.evaluate))}–${ms(Math.max(...figures.evaluate))})`,
      evaluateMs <= TARGET_MS ? 'yes' : 'no',
      ms(median(figures.first)),
      ms(median(figures.tenth)),
      [...verdicts].join(', '),
    ]);
  }
  table(
    `Cold parse and evaluation, pr-743's six documents (${kib.toFixed(1)} KiB), a fresh process each, median of ${RUNS}`,
    [
      'node',
      'import ms',
      'first evaluate() ms (range)',
      `≤ ${TARGET_MS} ms`,
      'first parse pass ms',
      '10th parse pass ms',
      'verdict',
    ],
    rows,
  );
}
