/**
 * Section 3, cold start and bundle size: from spawning `node dist/index.js` on a pull-request event
 * to the first request the fake GitHub API receives, next to `node -e ''` from spawn to exit. The
 * push-event run (the action exits without calling the API) is kept as a second view of load time.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BUNDLE, runAction, spawnBundle } from './action-run.mjs';
import { median, ms, table } from './lib.mjs';
import { github, makePr } from './pr-repo.mjs';

const RUNS = 10;
const TARGET_MS = 150;

/** Spawn to exit of `node -e ''`: the cost of any Node process on this machine. */
function nodeFloor() {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error("node -e '' failed");
  return performance.now() - start;
}

export async function coldStart() {
  const pr = await makePr(10);
  const { recordedPush } = await github();
  const floor = [];
  const firstRequest = [];
  const push = [];
  let pushExit;
  // Interleaved, so the floor and the action share the machine's state of the moment.
  for (let i = 0; i < RUNS; i += 1) {
    floor.push(nodeFloor());
    const run = await runAction(pr, { latencyMs: 0 });
    firstRequest.push(run.requests[0].at);
    const pushRun = await spawnBundle({
      eventName: 'push',
      payload: recordedPush(),
      apiUrl: 'http://127.0.0.1:9',
    });
    push.push(pushRun.wallMs);
    pushExit = pushRun.code;
  }
  const [base, first, pushed] = [median(floor), median(firstRequest), median(push)];
  table(
    `Cold start (median of ${RUNS}; target < ${TARGET_MS} ms to the first API request) and bundle size`,
    ['measure', 'value'],
    [
      ['dist/index.js size', `${(statSync(BUNDLE).size / 1024).toFixed(1)} KiB`],
      ["node -e '' spawn → exit (floor)", `${ms(base)} ms`],
      ['node dist/index.js, PR event: spawn → first API request', `${ms(first)} ms`],
      ['  minus the floor', `${ms(first - base)} ms`],
      ['  ratio to the floor', `${(first / base).toFixed(2)}×`],
      ['  target met', first < TARGET_MS ? 'yes' : 'no'],
      [`node dist/index.js, push event: spawn → exit (exit ${pushExit})`, `${ms(pushed)} ms`],
    ],
  );
}
