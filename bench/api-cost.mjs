/**
 * API cost: the requests one run of the action makes, by route, against the floor: one PR read,
 * ceil(files / 100) file-list pages (at most 30: the files API lists 3000 files), one config read,
 * one read per distinct file a check needs (the proofs, the session memory the proof references, a
 * foreman's memories, the inventory and changed YAML/JSON), one read per kind of evidence the proof
 * claims (the issue it names, the head commit's check runs and statuses when it reports tests, the
 * head tree when it lists delivered files), one post per status; and the round trips that go one
 * after another. Counted on Node 24, the action's runtime.
 */
import { countByRoute, runAction, sequentialRoundTrips } from './action-run.mjs';
import { table, tally } from './lib.mjs';
import { listOnlyScript } from './list-only.mjs';
import { runtimes } from './node-runtimes.mjs';
import { github, makePr, SIZES } from './pr-repo.mjs';

const RUNS = 3;
/**
 * Long enough that requests sent together (a burst takes a few ms, tens on a loaded machine)
 * never look sequential to `sequentialRoundTrips`; the counts do not depend on it.
 */
const LATENCY_MS = 250;
const FILES_API_LIMIT = 3000;

/**
 * What a head-side contents read is for. A session memory is needed when a proof of the PR names
 * it, or when it is a foreman's (delegation evidence); another agent's memory is overshoot, as is
 * any other file, or a second read of a path.
 */
function purposeOf(urlPath, config, proofTexts) {
  const path = urlPath.replace(/^\/repos\/[^/]+\/[^/]+\/contents\//, '');
  if (path === config.alignment.inventory) return 'inventory';
  if (/prehandover/i.test(path)) return 'proof';
  if (/(^|\/)memory\//.test(path)) {
    if (proofTexts.some((text) => text.includes(path))) return 'memory (referenced)';
    if (/^\.agent-workspace\/foreman[^/]*\//.test(path)) return 'memory (foreman)';
    return 'memory (not needed)';
  }
  if (/\.(ya?ml|json)$/i.test(path)) return 'yaml/json';
  return 'other';
}

/** The routes evidence verification reads (SPEC §9); each needed once per run at most. */
const EVIDENCE_ROUTES = new Set([
  'issue',
  'check-runs',
  'combined-status',
  'tree',
  'pull-commits',
  'commits',
]);

const NEEDED = new Set(['inventory', 'proof', 'memory (referenced)', 'memory (foreman)', 'yaml/json']);

/** The floor for one run, from the PR's size and what the run read and posted. */
function floorOf(size, requests, pr, config) {
  const pages = Math.ceil(Math.min(size, FILES_API_LIMIT) / 100);
  const proofTexts = Object.entries(pr.headTree)
    .filter(([path]) => /prehandover/i.test(path))
    .map(([, content]) => String(content));
  const contents = requests.filter((r) => r.route === 'contents');
  const configReads = contents.some((r) => r.query.get('ref') === pr.baseSha) ? 1 : 0;
  const needed = new Set(
    contents
      .filter((r) => r.query.get('ref') !== pr.baseSha && NEEDED.has(purposeOf(r.path, config, proofTexts)))
      .map((r) => r.path),
  );
  // One post per context and phase (pending, final): a repeated post is overshoot, not floor.
  const posted = requests.filter((r) => r.route === 'statuses').map((r) => r.body ?? {});
  const contexts = (pick) => new Set(posted.filter(pick).map((body) => body.context)).size;
  const pending = contexts((body) => body.state === 'pending');
  const terminal = contexts((body) => body.state !== 'pending');
  // Evidence reads: one per distinct route and path (a second read of the same thing is overshoot).
  const evidence = new Set(
    requests.filter((r) => EVIDENCE_ROUTES.has(r.route)).map((r) => `${r.route} ${r.path}`),
  );
  return {
    pages,
    configReads,
    needed: needed.size,
    evidence: evidence.size,
    pending,
    terminal,
    total: 1 + pages + configReads + needed.size + evidence.size + pending + terminal,
    proofTexts,
  };
}

/** The requests outside the four main routes, by route: `issue 1, check-runs 1, …`. */
function evidenceSummary(requests) {
  const counts = new Map();
  for (const { route } of requests)
    if (!['pull', 'files', 'contents', 'statuses'].includes(route))
      counts.set(route, (counts.get(route) ?? 0) + 1);
  return [...counts].map(([route, n]) => `${route} ${n}`).join(', ') || '0';
}

export async function apiCost() {
  const { DEFAULT_CONFIG } = await github();
  const [node24] = runtimes();
  const rows = [];
  const details = [];
  for (const size of SIZES) {
    const pr = await makePr(size);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1)
      runs.push(await runAction(pr, { latencyMs: LATENCY_MS, node: node24.path }));
    const totals = runs.map((run) => run.requests.length);
    const stable = Math.min(...totals) === Math.max(...totals);
    // The counts are the same in every run on this fake (no faults); a spread would show here.
    const { requests } = runs[0];
    const counts = countByRoute(requests);
    const floor = floorOf(size, requests, pr, DEFAULT_CONFIG);
    const excess = counts.total - floor.total;
    const trips = runs.map((run) => sequentialRoundTrips(run.requests));
    const listOnly = await runAction(pr, {
      latencyMs: LATENCY_MS,
      node: node24.path,
      script: listOnlyScript(),
    });
    rows.push([
      size === FILES_API_LIMIT ? `${size} (the API's cap)` : size,
      counts.pull,
      `${counts.files} (floor ${floor.pages})`,
      `${counts.contents} (floor ${floor.configReads + floor.needed})`,
      `${counts.statuses} (${floor.pending} pending + ${floor.terminal} final)`,
      evidenceSummary(requests),
      stable ? counts.total : `${Math.min(...totals)}–${Math.max(...totals)}`,
      `${floor.total} = 1+${floor.pages}+${floor.configReads}+${floor.needed}+${floor.evidence}+${floor.pending + floor.terminal}`,
      excess > 0 ? `+${excess}` : String(excess),
      excess <= 0 ? 'yes' : 'no',
      Math.min(...trips) === Math.max(...trips) ? trips[0] : `${Math.min(...trips)}–${Math.max(...trips)}`,
      `${sequentialRoundTrips(listOnly.requests)} (${listOnly.requests.length} requests)`,
      tally(runs.map((run) => run.verdict)),
    ]);
    const reads = requests
      .filter((r) => r.route === 'contents')
      .map((r) =>
        r.query.get('ref') === pr.baseSha ? 'config' : purposeOf(r.path, DEFAULT_CONFIG, floor.proofTexts),
      );
    const byPurpose = new Map();
    for (const purpose of reads) byPurpose.set(purpose, (byPurpose.get(purpose) ?? 0) + 1);
    details.push([size, [...byPurpose].map(([purpose, n]) => `${purpose} ${n}`).join(', ')]);
  }
  table(
    `API requests per run on ${node24.name} (${node24.version}; ${RUNS} runs per PR at ${LATENCY_MS} ms; target ≤ floor)`,
    [
      'files',
      'pull',
      'files pages',
      'contents',
      'statuses',
      'evidence and other',
      'total',
      'floor (pull+pages+config+needed+evidence+statuses)',
      'excess',
      '≤ floor',
      'round trips in sequence',
      'list-only baseline: round trips',
      'verdicts',
    ],
    rows,
  );
  table('Contents reads by purpose', ['files', 'reads'], details);
  console.log(
    `\nAt ${FILES_API_LIMIT} files the files API's cap is reached: its 30 pages list every file of this PR; ` +
      'a PR with more is read from the checkout or fails closed.',
  );
}
