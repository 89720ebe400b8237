/**
 * Cold parse and evaluation: what a runner pays once per run. On the proofs and session memories
 * of `__fixtures__/prs/maturion-isms-pr-743` (two PREHANDOVER proofs, four memories), each figure
 * from a fresh process: the first evaluate() (parse + the seven checks), the first parseProof pass
 * over the six documents, the 10th pass for comparison, and what the first `yaml` fence adds (the
 * `yaml` package's own warm-up); on this Node and on Node 24.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { median, ms, ROOT, table } from './lib.mjs';
import { bundlePath, bundleSource } from './parser-bundles.mjs';
import { runtimes } from './node-runtimes.mjs';

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

function child(node, bundle, mode) {
  const out = execFileSync(node.path, [join(ROOT, 'bench/parse-cold-child.mjs'), bundle, FIXTURE, mode], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_DOCUMENTS: JSON.stringify(DOCUMENTS) },
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

export async function parseCold() {
  const bundle = await bundlePath('eval');
  const kib = DOCUMENTS.reduce((sum, path) => sum + statSync(join(FIXTURE, 'head', path)).size, 0) / 1024;
  const rows = [];
  const loadBefore = loadavg()[0].toFixed(1);
  for (const node of runtimes()) {
    const figures = { load: [], evaluate: [], warm: [], first: [], tenth: [], yaml: [] };
    const verdicts = new Set();
    // Alternated, so both modes see the machine's load of the moment.
    for (let run = 0; run < RUNS; run += 1) {
      const evaluation = child(node, bundle, 'evaluate');
      figures.load.push(evaluation.loadMs);
      figures.evaluate.push(evaluation.ms);
      verdicts.add(evaluation.verdict);
      figures.warm.push(child(node, bundle, 'warm').ms);
      const parse = child(node, bundle, 'parse');
      figures.first.push(parse.first);
      figures.tenth.push(parse.tenth);
      const yaml = child(node, bundle, 'yaml');
      figures.yaml.push(yaml.yaml - yaml.text);
    }
    const evaluateMs = median(figures.evaluate);
    rows.push([
      `${node.name} (${node.version})`,
      ms(median(figures.load)),
      `${ms(evaluateMs)} (${ms(Math.min(...figures.evaluate))}–${ms(Math.max(...figures.evaluate))})`,
      evaluateMs <= TARGET_MS ? 'yes' : 'no',
      `${ms(median(figures.warm))} (${ms(Math.min(...figures.warm))})`,
      `${ms(median(figures.first))} (${ms(Math.min(...figures.first))})`,
      `${ms(median(figures.tenth))} (${ms(Math.min(...figures.tenth))})`,
      `${ms(median(figures.yaml))} (${ms(Math.min(...figures.yaml))})`,
      [...verdicts].join(', '),
    ]);
  }
  table(
    `Cold parse and evaluation, pr-743's six documents (${kib.toFixed(1)} KiB), a fresh process each, ${bundleSource()}, median of ${RUNS}; load ${loadBefore} → ${loadavg()[0].toFixed(1)}`,
    [
      'node',
      'import ms',
      'first evaluate() ms (range)',
      `≤ ${TARGET_MS} ms`,
      "evaluate() after the engine thread's warm-up ms (min)",
      'first parse pass ms (min)',
      '10th parse pass ms (min)',
      'first yaml fence ms (min)',
      'verdict',
    ],
    rows,
  );
}
