/**
 * Cold start and bundle size. Cold start: from spawning `node dist/index.js` on a pull-request
 * event to the first request the fake GitHub API receives, next to `node -e ''` from spawn to exit
 * on the same Node (target: at most 1.5× that floor), on Node 24 and on the Node running the bench.
 * The push-event run (the action exits without calling the API) is a second view of load time.
 * Bundle size: dist/index.js (target < 600 KiB), its chunks and the engine thread's bundle.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUNDLE, runAction, spawnBundle } from './action-run.mjs';
import { median, ms, table } from './lib.mjs';
import { runtimes } from './node-runtimes.mjs';
import { github, makePr } from './pr-repo.mjs';

const RUNS = 10;
const TARGET_RATIO = 1.5;
const TARGET_KIB = 600;

/**
 * Spawn to exit of `node -e ''`: the cost of any Node process on this machine, in the environment
 * the action gets (no NODE_OPTIONS or NODE_EXTRA_CA_CERTS from the shell: Node 20 spends ~150 ms
 * loading the CA bundle that variable names).
 */
function nodeFloor(node) {
  const start = performance.now();
  const result = spawnSync(node, ['-e', ''], { stdio: 'ignore', env: { PATH: process.env.PATH } });
  if (result.status !== 0) throw new Error("node -e '' failed");
  return performance.now() - start;
}

/**
 * Spawn to the first request of `node -e "fetch(url)"`: what any program pays to send one request
 * with Node's global fetch, whose first use loads Node's internal undici.
 */
async function fetchFloor(node) {
  const { FakeGitHub } = await github();
  const fake = await FakeGitHub.start();
  try {
    const start = performance.now();
    const child = spawn(node, ['-e', `fetch(${JSON.stringify(`${fake.url}/`)}).catch(() => {})`], {
      stdio: 'ignore',
      env: { PATH: process.env.PATH },
    });
    await new Promise((resolve) => child.on('close', resolve));
    return (fake.requests[0]?.receivedAt ?? NaN) - start;
  } finally {
    await fake.close();
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** When the action loads a chunk, told by what it holds (export names survive minification). */
function whenLoaded(code) {
  if (code.includes('EnvHttpProxyAgent'))
    return 'only behind a proxy, where Node cannot proxy fetch itself (undici)';
  if (code.includes('Merge Gate finished in') || code.includes('octokit-core.js'))
    return 'once the PR read is written (the run, the API client)';
  if (/\brunGit\b/.test(code)) return 'only for a PR over 3000 files, listed from the checkout (git)';
  if (/listing the merged pull requests/.test(code))
    return 'only by merge-gate history (the merged-PR listing)';
  return 'only when the engine thread cannot run: once the file-list and config reads are written (config loader, checks)';
}

export async function coldStart() {
  const pr = await makePr(10);
  const { recordedPush } = await github();
  const size = statSync(BUNDLE).size;
  const chunks = readdirSync(dirname(BUNDLE)).filter((name) => /^\d+\.index\.js$/.test(name));
  table(
    `Bundle size (target: dist/index.js < ${TARGET_KIB} KiB)`,
    ['file', 'size', 'loaded'],
    [
      ['dist/index.js', kib(size), `always (target met: ${size < TARGET_KIB * 1024 ? 'yes' : 'no'})`],
      ...chunks.map((name) => [
        `dist/${name}`,
        kib(statSync(join(dirname(BUNDLE), name)).size),
        whenLoaded(readFileSync(join(dirname(BUNDLE), name), 'utf8')),
      ]),
      [
        'dist/engine/index.js',
        kib(statSync(join(dirname(BUNDLE), 'engine/index.js')).size),
        'in the engine thread, started once the PR read is written (config loader, checks, warm-up)',
      ],
    ],
  );
  for (const runtime of runtimes()) {
    const floor = [];
    const fetchOnly = [];
    const firstRequest = [];
    const push = [];
    let pushExit;
    // Interleaved, so the floor and the action share the machine's state of the moment.
    for (let i = 0; i < RUNS; i += 1) {
      floor.push(nodeFloor(runtime.path));
      fetchOnly.push(await fetchFloor(runtime.path));
      const run = await runAction(pr, { latencyMs: 0, node: runtime.path });
      firstRequest.push(run.requests[0].at);
      const pushRun = await spawnBundle({
        eventName: 'push',
        payload: recordedPush(),
        apiUrl: 'http://127.0.0.1:9',
        node: runtime.path,
      });
      push.push(pushRun.wallMs);
      pushExit = pushRun.code;
    }
    const [base, fetched, first, pushed] = [floor, fetchOnly, firstRequest, push].map(median);
    table(
      `Cold start on ${runtime.name} (${runtime.version}), median of ${RUNS} (target: first API request ≤ ${TARGET_RATIO}× the floor)`,
      ['measure', 'value'],
      [
        ["node -e '' spawn → exit (floor)", `${ms(base)} ms`],
        [
          `node -e "fetch(url)" spawn → its request (${(fetched / base).toFixed(2)}× the floor)`,
          `${ms(fetched)} ms`,
        ],
        ['node dist/index.js, PR event: spawn → first API request', `${ms(first)} ms`],
        ['  minus the floor', `${ms(first - base)} ms`],
        ['  minus the fetch one-liner', `${ms(first - fetched)} ms`],
        ['  ratio to the floor', `${(first / base).toFixed(2)}×`],
        ['  target met', first <= TARGET_RATIO * base ? 'yes' : 'no'],
        [`node dist/index.js, push event: spawn → exit (exit ${pushExit})`, `${ms(pushed)} ms`],
      ],
    );
  }
}
