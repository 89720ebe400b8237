/**
 * Section 1, API cost: the requests one run of the action makes, by route, against the floor of
 * issue 5 (one PR read + ceil(files/100) file-list pages + one config read + one read per
 * proof/memory/inventory/YAML file needed + one per status posted).
 */
import { countByRoute, runAction } from './action-run.mjs';
import { table, tally } from './lib.mjs';
import { github, makePr, SIZES } from './pr-repo.mjs';

const RUNS = 3;
const LATENCY_MS = 20;

/**
 * What a head-side contents read is for. Only proof, memory, inventory and YAML/JSON reads (each
 * path once) belong to the floor; anything else, or a second read of a path, is overshoot.
 */
function purposeOf(path, config) {
  if (path === config.alignment.inventory) return 'inventory';
  if (/prehandover/i.test(path)) return 'proof';
  if (/(^|\/)memory\//.test(path)) return 'memory';
  if (/\.(ya?ml|json)$/i.test(path)) return 'yaml/json';
  return 'other';
}

/** The floor for one run, from the PR's size and what the run read and posted. */
function floorOf(size, requests, baseSha, config) {
  const pages = Math.ceil(Math.min(size, 3000) / 100);
  const contents = requests.filter((r) => r.route === 'contents');
  const configReads = contents.filter((r) => r.query.get('ref') === baseSha).length > 0 ? 1 : 0;
  const needed = new Set(
    contents
      .filter((r) => r.query.get('ref') !== baseSha && purposeOf(r.path, config) !== 'other')
      .map((r) => r.path),
  );
  // One post per context and phase (pending, final): a repeated post is overshoot, not floor.
  const posted = requests.filter((r) => r.route === 'statuses').map((r) => r.body ?? {});
  const contexts = (pick) => new Set(posted.filter(pick).map((body) => body.context)).size;
  const pending = contexts((body) => body.state === 'pending');
  const terminal = contexts((body) => body.state !== 'pending');
  return {
    pages,
    configReads,
    needed: needed.size,
    pending,
    terminal,
    total: 1 + pages + configReads + needed.size + pending + terminal,
  };
}

export async function apiCost() {
  const { DEFAULT_CONFIG } = await github();
  const rows = [];
  const details = [];
  for (const size of SIZES) {
    const pr = await makePr(size);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await runAction(pr, { latencyMs: LATENCY_MS }));
    const totals = runs.map((run) => run.requests.length);
    const stable = Math.min(...totals) === Math.max(...totals);
    // The counts are the same in every run on this fake (no faults); a spread would show here.
    const { requests } = runs[0];
    const counts = countByRoute(requests);
    const floor = floorOf(size, requests, pr.baseSha, DEFAULT_CONFIG);
    const excess = counts.total - floor.total;
    rows.push([
      size,
      counts.pull,
      `${counts.files} (floor ${floor.pages})`,
      `${counts.contents} (floor ${floor.configReads + floor.needed})`,
      `${counts.statuses} (${floor.pending} pending + ${floor.terminal} final)`,
      counts.other,
      stable ? counts.total : `${Math.min(...totals)}–${Math.max(...totals)}`,
      `${floor.total} = 1+${floor.pages}+${floor.configReads}+${floor.needed}+${floor.pending + floor.terminal}`,
      excess >= 0 ? `+${excess}` : String(excess),
      excess <= 2 ? 'yes' : 'no',
      `${floor.total - floor.pending} (+${counts.total - floor.total + floor.pending})`,
      tally(runs.map((run) => run.verdict)),
    ]);
    const reads = requests
      .filter((r) => r.route === 'contents')
      .map((r) => (r.query.get('ref') === pr.baseSha ? 'config' : purposeOf(r.path, DEFAULT_CONFIG)));
    const byPurpose = new Map();
    for (const purpose of reads) byPurpose.set(purpose, (byPurpose.get(purpose) ?? 0) + 1);
    details.push([size, [...byPurpose].map(([purpose, n]) => `${purpose} ${n}`).join(', ')]);
  }
  table(
    `API requests per run (${RUNS} runs per PR at ${LATENCY_MS} ms; target ≤ floor + 2)`,
    [
      'files',
      'pull',
      'files pages',
      'contents',
      'statuses',
      'other',
      'total',
      'floor (pull+pages+config+needed+statuses)',
      'excess',
      '≤ +2',
      'floor counting final statuses only (excess)',
      'verdicts',
    ],
    rows,
  );
  table('Contents reads by purpose', ['files', 'reads'], details);
}
