/**
 * `npm run bench [-- SECTION...]`: prints tables of figures (never a test). See docs/benchmarks.md.
 *
 *   parser  parser throughput: parseProof vs the raw Markdown parse it builds on
 *   hostile pathological Markdown shapes at n and 4n, upstream vs linear EditMap, the 1 MiB limit
 *   api     API requests per run vs the floor, by route, and round trips in sequence (Node 24)
 *   e2e     node dist/index.js end to end against the fake GitHub API, 20 ms vs 0 ms latency,
 *           beside the list-only baseline (paths-filter's work), on Node 24 and this Node
 *   cold    bundle size; cold start: spawn to the first API request vs `node -e ''`, Node 24 and this Node
 *   cli     node dist/cli/index.js check on a local git repository: wall time and peak RSS
 *
 * No section: all of them, in this order. Sections api, e2e, cold and cli share the PRs'
 * temporary git repositories, built once per run and deleted at the end.
 */
import { apiCost } from './api-cost.mjs';
import { cliLocal } from './cli-local.mjs';
import { coldStart } from './cold-start.mjs';
import { endToEnd } from './end-to-end.mjs';
import { hostileInput } from './hostile.mjs';
import { runtimes } from './node-runtimes.mjs';
import { parserThroughput } from './parser.mjs';
import { github } from './pr-repo.mjs';

const SECTIONS = {
  parser: parserThroughput,
  hostile: hostileInput,
  api: apiCost,
  e2e: endToEnd,
  cold: coldStart,
  cli: cliLocal,
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
    usedRepos ||= name !== 'parser' && name !== 'hostile';
    await SECTIONS[name]();
  }
} finally {
  if (usedRepos) (await github()).removeTempRepos();
}
