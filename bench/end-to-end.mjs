/**
 * End-to-end time: `node dist/index.js` from spawn to exit on PRs of 10, 300 and 3000 files, against
 * the fake GitHub API with 20 ms added to every answer (and 0 ms, the floor), beside the list-only
 * baseline (bench/list-only.ts: read the PR, list its files page by page, as dorny/paths-filter
 * does) against the same fake at 20 ms. On Node 24 and on the Node running the bench. The three
 * runs alternate, so drift on a noisy machine hits them alike; the speed-up is also given per pair
 * (an action run and the baseline run right after it: the two see about the same machine speed).
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAction } from './action-run.mjs';
import { median, ms, ROOT, RUNS, table, tally, TMP } from './lib.mjs';
import { listOnlyScript } from './list-only.mjs';
import { runtimes } from './node-runtimes.mjs';
import { makePr, SIZES } from './pr-repo.mjs';
import { benchCertificate } from './tls.mjs';

const LATENCY_MS = 20;
/** At 3000 files and 20 ms: at least this many times faster than the list-only baseline. */
const TARGET_SPEEDUP = 2.5;
/** The target's own point (3000 files on Node 24) is run more often: its figure decides the target. */
const TARGET_RUNS = 11;

/** Where one run's time went, from the arrival times of its requests (ms since spawn). */
function phases(run) {
  const { requests, wallMs } = run;
  const at = (pick) => requests.filter(pick).map((r) => r.at);
  const firstRequest = requests[0]?.at ?? NaN;
  const lastFilesPage = Math.max(...at((r) => r.route === 'files'));
  const firstFinal = Math.min(...at((r) => r.route === 'statuses' && r.body?.state !== 'pending'));
  return {
    startup: firstRequest,
    listing: lastFilesPage - firstRequest,
    evaluation: firstFinal - lastFilesPage,
    finish: wallMs - firstFinal,
  };
}

const medianOf = (runs, pick) => median(runs.map(pick));

/** Preloaded into the diagnostic runs only: it reports the event loop's busy time at exit. */
const LOOP_BUSY = pathToFileURL(join(ROOT, 'bench', 'loop-busy.mjs')).href;
const DIAGNOSTIC_RUNS = 3;
/** Pairs over TLS, after one pair that warms the fake's own TLS code (it runs in this process). */
const TLS_RUNS = 7;

/** Triples of the engine thread's A/B (with, without, baseline), after one that warms the machine. */
const THREAD_RUNS = 9;

/** `count` rounds of `runs`, each round running them one after another, after one round not counted. */
async function rounds(count, runs) {
  const round = async () => {
    const results = [];
    for (const run of runs) results.push(await run());
    return results;
  };
  await round();
  const all = [];
  for (let i = 0; i < count; i += 1) all.push(await round());
  return all;
}

/**
 * The bundle with `dist/engine/` removed: the action then evaluates in its main thread, as it did
 * before the engine thread (and as it does whenever the thread cannot run).
 */
function bundleWithoutEngineThread() {
  const dist = join(ROOT, 'dist');
  const copy = join(TMP, 'no-engine-thread');
  rmSync(copy, { recursive: true, force: true });
  cpSync(dist, copy, { recursive: true, filter: (path) => path !== join(dist, 'engine') });
  return join(copy, 'index.js');
}

/** What the engine thread buys on the target's PR: the bundle with and without it, interleaved. */
async function engineThreadAb(pr, runtime, baseline) {
  const without = bundleWithoutEngineThread();
  const triples = await rounds(THREAD_RUNS, [
    () => runAction(pr, { latencyMs: LATENCY_MS, node: runtime.path }),
    () => runAction(pr, { latencyMs: LATENCY_MS, node: runtime.path, script: without }),
    () => runAction(pr, { latencyMs: LATENCY_MS, node: runtime.path, script: baseline }),
  ]);
  const wall = (index) => median(triples.map((runs) => runs[index].wallMs));
  const perTriple = (index) => median(triples.map((runs) => runs[2].wallMs / runs[index].wallMs));
  const fallbacks = triples.filter(([run]) => /evaluates in its main thread/.test(run.stdout)).length;
  return [
    3000,
    THREAD_RUNS,
    ms(wall(0)),
    ms(wall(1)),
    ms(wall(2)),
    `${(wall(1) / wall(0)).toFixed(2)}×`,
    `${perTriple(0).toFixed(2)}× / ${perTriple(1).toFixed(2)}×`,
    tally(triples.flatMap(([a, b]) => [`${a.code} ${a.verdict}`, `${b.code} ${b.verdict}`])),
    String(fallbacks),
  ];
}

/**
 * The target's PR over HTTPS, as GitHub serves it: the action opens a connection per file-list
 * page, each with a handshake, where the baseline reuses one. The fake's side of each handshake
 * runs on the same two cores, which real GitHub's does not.
 */
async function overTls(pr, runtime, baseline) {
  const tls = benchCertificate();
  if (!tls) return undefined;
  const pairs = await rounds(TLS_RUNS, [
    () => runAction(pr, { latencyMs: LATENCY_MS, node: runtime.path, tls }),
    () => runAction(pr, { latencyMs: LATENCY_MS, node: runtime.path, script: baseline, tls }),
  ]);
  const action = median(pairs.map(([run]) => run.wallMs));
  const list = median(pairs.map(([, run]) => run.wallMs));
  return [
    3000,
    TLS_RUNS,
    ms(action),
    ms(list),
    `${(list / action).toFixed(2)}×`,
    `${median(pairs.map(([run, other]) => other.wallMs / run.wallMs)).toFixed(2)}×`,
    tally(pairs.map(([run]) => `${run.code} ${run.verdict}`)),
    tally(pairs.map(([, run]) => `${run.code}`)),
  ];
}

/**
 * How busy the action's process was on the target's PR: more overlap can only help while the event
 * loop waits; once it is busy nearly all the time, only less CPU makes the run faster.
 */
async function loopBusy(pr, runtime) {
  const rows = [];
  for (let i = 0; i < DIAGNOSTIC_RUNS; i += 1) {
    const run = await runAction(pr, {
      latencyMs: LATENCY_MS,
      node: runtime.path,
      nodeArgs: ['--import', LOOP_BUSY],
    });
    const line = /^merge-gate-bench loop (\S+) (\S+) (\S+) (\S+)$/m.exec(run.stderr);
    if (!line) throw new Error(`no event-loop report from the action (exit ${run.code})`);
    const [active, idle, user, system] = line.slice(1).map(Number);
    rows.push({ wall: run.wallMs, active, idle, cpu: user + system });
  }
  const part = (name) => median(rows.map((row) => row[name]));
  return [
    3000,
    ms(part('wall')),
    ms(part('active')),
    ms(part('idle')),
    `${Math.round((100 * part('active')) / (part('active') + part('idle')))}%`,
    ms(part('cpu')),
  ];
}

export async function endToEnd() {
  const baseline = listOnlyScript();
  for (const runtime of runtimes()) {
    const rows = [];
    const phaseRows = [];
    let busyRow;
    let tlsRow;
    let threadRow;
    for (const size of SIZES) {
      const pr = await makePr(size);
      const runs = { floor: [], slow: [], list: [] };
      const count = size === 3000 && runtime.name === 'Node 24' ? TARGET_RUNS : RUNS;
      for (let i = 0; i < count; i += 1) {
        runs.floor.push(await runAction(pr, { latencyMs: 0, node: runtime.path }));
        runs.slow.push(await runAction(pr, { latencyMs: LATENCY_MS, node: runtime.path }));
        runs.list.push(await runAction(pr, { latencyMs: LATENCY_MS, node: runtime.path, script: baseline }));
      }
      const [floor, slow, list] = ['floor', 'slow', 'list'].map((kind) =>
        medianOf(runs[kind], (r) => r.wallMs),
      );
      const speedup = list / slow;
      const paired = median(runs.slow.map((run, i) => runs.list[i].wallMs / run.wallMs));
      rows.push([
        size,
        count,
        ms(floor),
        ms(slow),
        ms(list),
        `${speedup.toFixed(2)}×`,
        `${paired.toFixed(2)}×`,
        size === 3000 ? (paired >= TARGET_SPEEDUP ? 'yes' : 'no') : '—',
        ((slow - floor) / LATENCY_MS).toFixed(1),
        `${runs.slow[0].requests.length} / ${runs.list[0].requests.length}`,
        tally([...runs.floor, ...runs.slow].map((run) => `${run.code} ${run.verdict}`)),
        tally(runs.list.map((run) => `${run.code}`)),
      ]);
      const split = runs.slow.map(phases);
      const part = (name) => ms(median(split.map((p) => p[name])));
      phaseRows.push([size, part('startup'), part('listing'), part('evaluation'), part('finish')]);
      if (size === 3000) busyRow = await loopBusy(pr, runtime);
      if (size === 3000 && runtime.name === 'Node 24') tlsRow = await overTls(pr, runtime, baseline);
      if (size === 3000 && runtime.name === 'Node 24')
        threadRow = await engineThreadAb(pr, runtime, baseline);
    }
    table(
      `End to end on ${runtime.name} (${runtime.version}): node dist/index.js beside the list-only baseline ` +
        `(medians; target at 3000 files and ${LATENCY_MS} ms: ≥ ${TARGET_SPEEDUP}× faster than the baseline, per pair)`,
      [
        'files',
        'runs',
        'action, 0 ms: wall ms',
        `action, ${LATENCY_MS} ms: wall ms`,
        `list-only, ${LATENCY_MS} ms: wall ms`,
        'speed-up (list-only ÷ action)',
        'per pair (median of list-only ÷ action)',
        'target met (per pair)',
        `added ÷ ${LATENCY_MS} ms`,
        'requests, action / list-only',
        'action: exit and verdict (all runs)',
        'list-only: exit',
      ],
      rows,
    );
    table(
      `Where the action's time goes on ${runtime.name} at ${LATENCY_MS} ms latency (median ms between request arrivals at the fake)`,
      [
        'files',
        'spawn → first request (PR)',
        '→ last file-list page requested',
        '→ first final status posted (contents, pending, checks)',
        '→ exit',
      ],
      phaseRows,
    );
    if (busyRow) {
      table(
        `How busy the action's main thread is on ${runtime.name} at ${LATENCY_MS} ms latency (${DIAGNOSTIC_RUNS} more runs with bench/loop-busy.mjs preloaded; medians)`,
        [
          'files',
          'wall ms',
          'main thread: event loop busy, ms',
          'main thread: event loop idle, ms',
          'busy',
          'CPU, all threads (user + system), ms',
        ],
        [busyRow],
      );
    }
    if (threadRow) {
      table(
        `The engine thread on ${runtime.name} at ${LATENCY_MS} ms latency: the bundle with and without dist/engine/ (without it the main thread evaluates), interleaved with the baseline (medians)`,
        [
          'files',
          'runs',
          'with the thread: wall ms',
          'without: wall ms',
          'list-only: wall ms',
          'without ÷ with',
          'speed-up per triple, with / without',
          'exit and verdict (both)',
          'runs that fell back',
        ],
        [threadRow],
      );
    }
    if (tlsRow) {
      table(
        `Over HTTPS on ${runtime.name} at ${LATENCY_MS} ms latency (bench/tls.mjs; medians; the fake's handshakes share the two cores)`,
        [
          'files',
          'runs',
          'action: wall ms',
          'list-only: wall ms',
          'speed-up (list-only ÷ action)',
          'per pair',
          'action: exit and verdict',
          'list-only: exit',
        ],
        [tlsRow],
      );
    }
  }
}
