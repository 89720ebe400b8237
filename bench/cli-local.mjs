/**
 * Section 5, the local CLI: `node dist/cli/index.js check` on the benchmark PRs committed in a
 * temporary git repository, wall time and peak resident memory. Peak RSS comes from GNU time
 * (`/usr/bin/time`), which reads it from the kernel when the child exits: the largest resident set
 * of the node process or of any git process it waited for. Without GNU time, a preload module
 * reports node's own `process.resourceUsage().maxRSS` (git children then not included).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { median, ROOT, RUNS, table, tally } from './lib.mjs';
import { makePr, SIZES } from './pr-repo.mjs';

const CLI = join(ROOT, 'dist/cli/index.js');
const GNU_TIME = '/usr/bin/time';
const PRELOAD = pathToFileURL(join(ROOT, 'bench/max-rss.mjs')).href;

/** Runs `node ...args` once: wall ms (spawn to exit, on our clock), peak RSS in KiB, exit code. */
function measure(args, cwd) {
  const dir = mkdtempSync(join(tmpdir(), 'merge-gate-bench-rss-'));
  const out = join(dir, 'rss');
  try {
    const gnu = existsSync(GNU_TIME);
    const [command, argv] = gnu
      ? [GNU_TIME, ['-f', '%M', '-o', out, process.execPath, ...args]]
      : [process.execPath, ['--import', PRELOAD, ...args]];
    const start = performance.now();
    const result = spawnSync(command, argv, {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, BENCH_MAX_RSS_FILE: out },
    });
    const wallMs = performance.now() - start;
    const rss = Number(readFileSync(out, 'utf8').trim().split('\n').at(-1));
    return { wallMs, rssKiB: rss, code: result.status, by: gnu ? 'GNU time' : 'process.resourceUsage' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarise(label, runs) {
  return [
    label,
    median(runs.map((r) => r.wallMs)).toFixed(1),
    (median(runs.map((r) => r.rssKiB)) / 1024).toFixed(1),
    tally(runs.map((r) => r.code)),
  ];
}

export async function cliLocal() {
  const rows = [];
  const floor = [];
  const results = new Map(SIZES.map((size) => [size, []]));
  for (const size of SIZES) await makePr(size);
  // Interleaved with the floor, run by run.
  for (let i = 0; i < RUNS; i += 1) {
    floor.push(measure(['-e', ''], ROOT));
    for (const size of SIZES) {
      const pr = await makePr(size);
      results
        .get(size)
        .push(measure([CLI, 'check', '--repo', pr.dir, '--base', 'main', '--format', 'json'], ROOT));
    }
  }
  rows.push(summarise("node -e '' (floor)", floor));
  for (const size of SIZES) rows.push(summarise(`check, ${size} changed files`, results.get(size)));
  table(
    `Local CLI on a git repository (median of ${RUNS}; peak RSS by ${floor[0].by})`,
    ['run', 'wall ms', 'peak RSS MiB', 'exit'],
    rows,
  );
}
