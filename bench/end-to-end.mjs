/**
 * Section 2, end-to-end time: `node dist/index.js` from spawn to exit on PRs of 10, 300 and 3000
 * files, against the fake GitHub API with 20 ms added to every answer, and with 0 ms as the floor.
 * The two latencies alternate run by run, so drift on a noisy machine hits both alike.
 */
import { runAction } from './action-run.mjs';
import { median, ms, RUNS, table, tally } from './lib.mjs';
import { makePr, SIZES } from './pr-repo.mjs';

const LATENCY_MS = 20;
const TARGET_MS = 1500;

/** Where one run's time went, from the arrival times of its requests (ms since spawn). */
function phases(run) {
  const { requests, wallMs } = run;
  const at = (route, pick) => requests.filter(pick ?? ((r) => r.route === route)).map((r) => r.at);
  const firstRequest = requests[0]?.at ?? NaN;
  const lastFilesPage = Math.max(...at('files'));
  const firstFinal = Math.min(...at('', (r) => r.route === 'statuses' && r.body?.state !== 'pending'));
  return {
    startup: firstRequest,
    listing: lastFilesPage - firstRequest,
    evaluation: firstFinal - lastFilesPage,
    finish: wallMs - firstFinal,
  };
}

export async function endToEnd() {
  const rows = [];
  const phaseRows = [];
  for (const size of SIZES) {
    const pr = await makePr(size);
    const runs = { 0: [], [LATENCY_MS]: [] };
    for (let i = 0; i < RUNS; i += 1) {
      for (const latencyMs of [0, LATENCY_MS]) runs[latencyMs].push(await runAction(pr, { latencyMs }));
    }
    const wall = (latency) => median(runs[latency].map((run) => run.wallMs));
    const [floor, slow] = [wall(0), wall(LATENCY_MS)];
    rows.push([
      size,
      ms(floor),
      ms(slow),
      `${(slow / floor).toFixed(2)}×`,
      ((slow - floor) / LATENCY_MS).toFixed(1),
      runs[LATENCY_MS][0].requests.length,
      size === 3000 ? (slow < TARGET_MS ? 'yes' : 'no') : '—',
      tally([...runs[0], ...runs[LATENCY_MS]].map((run) => `${run.code} ${run.verdict}`)),
    ]);
    const split = runs[LATENCY_MS].map(phases);
    const part = (name) => ms(median(split.map((p) => p[name])));
    phaseRows.push([size, part('startup'), part('listing'), part('evaluation'), part('finish')]);
  }
  table(
    `End to end, node dist/index.js (median of ${RUNS}; target < ${TARGET_MS} ms for 3000 files at ${LATENCY_MS} ms)`,
    [
      'files',
      '0 ms latency: wall ms',
      `${LATENCY_MS} ms latency: wall ms`,
      'ratio',
      `added ÷ ${LATENCY_MS} ms (≈ sequential round trips)`,
      'requests',
      'target met',
      'exit and verdict (all runs)',
    ],
    rows,
  );
  table(
    `Where the time goes at ${LATENCY_MS} ms latency (median ms between request arrivals at the fake)`,
    [
      'files',
      'spawn → first request (PR)',
      '→ last file-list page requested',
      '→ first final status posted (contents, pending, checks)',
      '→ exit',
    ],
    phaseRows,
  );
}
