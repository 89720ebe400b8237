/**
 * `npm run bench [-- SECTION...]`: prints tables of figures (never a test). See docs/benchmarks.md.
 *
 *   parser  parser throughput: parseProof vs the raw Markdown parse it builds on
 *   parse-cold  the first evaluate() and parse of pr-743's documents, fresh processes, Node 20 and 24
 *   hostile pathological Markdown shapes at n and 4n, and each at the 1 MiB limit
 *   diff    added lines without a patch: the line diff on canon inventories up to ~5 MB
 *   yaml    the syntax gate on changed YAML files from 1 to 8 MB
 *   api     API requests per run vs the floor, by route, and round trips in sequence (Node 24)
 *   e2e     node dist/index.js end to end against the fake GitHub API, 20 ms vs 0 ms latency,
 *           beside the list-only baseline (paths-filter's work), on Node 24 and this Node
 *   cold    bundle size; cold start: spawn to the first API request vs `node -e ''`, Node 24 and this Node
 *   cli     node dist/cli/index.js check on a local git repository: wall time and peak RSS
 *   history merge-gate history on 300 generated merged PRs vs check once per PR: PRs per second
 *
 * No section: all of them, in this order. Sections api, e2e, cold, cli and history share the
 * temporary git repositories' helper; they are deleted at the end.
 */
import { apiCost } from './api-cost.mjs';
import { cliLocal } from './cli-local.mjs';
import { coldStart } from './cold-start.mjs';
import { endToEnd } from './end-to-end.mjs';
import { historyBench } from './history.mjs';
import { hostileInput } from './hostile.mjs';
import { lineDiff } from './line-diff.mjs';
import { yamlSyntax } from './yaml.mjs';
import { parseCold } from './parse-cold.mjs';
import { runtimes } from './node-runtimes.mjs';
import { parserThroughput } from './parser.mjs';
import { github } from './pr-repo.mjs';

const SECTIONS = {
  parser: parserThroughput,
  'parse-cold': parseCold,
  hostile: hostileInput,
  diff: lineDiff,
  yaml: yamlSyntax,
  api: apiCost,
  e2e: endToEnd,
  cold: coldStart,
  cli: cliLocal,
  history: historyBench,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`Unknown section ${unknown.join(', ')}; choose from: ${Object.keys(SECTIONS).join(', ')}.`);
  process.exit(2);
}

console.log(`Merge Gate benchmarks — node ${process.version}, ${new Date().toISOString()}`);
const sections = asked.length > 0 ? asked : Object.keys(SECTIONS);
if (sections.some((name) => ['api', 'e2e', 'cold'].includes(name))) {
  console.log(
    `The action runs on: ${runtimes()
      .map((r) => `${r.name} (${r.version})`)
      .join(', ')}`,
  );
}
let usedRepos = false;
try {
  for (const name of sections) {
    usedRepos ||= !['parser', 'parse-cold', 'hostile', 'diff', 'yaml'].includes(name);
    await SECTIONS[name]();
  }
} finally {
  if (usedRepos) (await github()).removeTempRepos();
}
