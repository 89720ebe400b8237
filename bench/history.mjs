/**
 * Section `history`: `merge-gate history` against `merge-gate check` run once per PR, on a generated
 * repository of 300 merged PRs in both merge styles (`createHistoryRepo`, the tests' generator).
 * History evaluates all 300 in one process (default --jobs, and --jobs 1); `check` is spawned for an
 * evenly spread sample of 30 of the same PRs with the base, head and head ref history reports, and
 * its mean time per PR is what running it on every PR would cost.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, ROOT, table } from './lib.mjs';
import { github } from './pr-repo.mjs';

const CLI = join(ROOT, 'dist/cli/index.js');
const PULLS = 300;
const SAMPLE = 30;
const RUNS = 3;

function run(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { ms: performance.now() - start, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function historyBench() {
  const { createHistoryRepo } = await github();
  const { repo } = createHistoryRepo({ pulls: PULLS });
  const history = (jobs) =>
    run(['history', '--repo', repo.dir, '--limit', String(PULLS), '--format', 'json', ...jobs]);

  const first = history([]);
  if (first.code !== 0) throw new Error(`history exited ${first.code}: ${first.stderr}`);
  const pulls = JSON.parse(first.stdout).pulls;
  if (pulls.length !== PULLS) throw new Error(`history found ${pulls.length} PRs, expected ${PULLS}`);
  const sample = pulls.filter((_, i) => i % (PULLS / SAMPLE) === 0);

  const parallel = [];
  const serial = [];
  const checkPerPr = [];
  // Interleaved run by run, so a change in the machine's load hits all three alike.
  for (let i = 0; i < RUNS; i += 1) {
    parallel.push(history([]).ms);
    serial.push(history(['--jobs', '1']).ms);
    let total = 0;
    for (const pull of sample) {
      const args = [
        'check',
        '--repo',
        repo.dir,
        '--base',
        pull.base,
        '--head',
        pull.head,
        '--format',
        'json',
      ];
      if (pull.headRef !== null) args.push('--head-ref', pull.headRef);
      const checked = run(args);
      if (checked.code === 2) throw new Error(`check failed on #${pull.number}: ${checked.stderr}`);
      total += checked.ms;
    }
    checkPerPr.push(total / sample.length);
  }
  const perPr = median(checkPerPr);
  const row = (label, ms) => [
    label,
    (ms / 1000).toFixed(1),
    (ms / PULLS).toFixed(1),
    ((PULLS * 1000) / ms).toFixed(1),
    `${(perPr / (ms / PULLS)).toFixed(1)}×`,
  ];
  table(
    `history on ${PULLS} merged PRs vs check once per PR (median of ${RUNS}; check timed on ${SAMPLE} of the PRs)`,
    ['run', 'wall s', 'ms per PR', 'PRs per s', 'vs check'],
    [
      row('history (default --jobs)', median(parallel)),
      row('history --jobs 1', median(serial)),
      row(`check per PR (× ${PULLS}, extrapolated)`, perPr * PULLS),
    ],
  );
}
