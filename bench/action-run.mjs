/**
 * Runs the committed bundle the way a runner does (as __tests__/e2e/action.test.ts does): its own
 * process, the GITHUB_* / INPUT_* environment, an event file, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT,
 * against a fresh fake GitHub API on loopback. Times are taken with the same clock in this process.
 * The Node binary and the script are parameters: Node 24 or 20, the action or the list-only baseline.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { github, PR_NUMBER, servePr } from './pr-repo.mjs';
import { ROOT } from './lib.mjs';

/** The bundle timed: `dist/index.js`, or `$BENCH_DIST/index.js` to measure another build (say, an older one). */
export const BUNDLE = join(process.env.BENCH_DIST ?? join(ROOT, 'dist'), 'index.js');
const TOKEN = 'ghs_benchToken_0123456789';
export const ROUTES = ['pull', 'files', 'contents', 'statuses', 'other'];

/** The action's inputs in every bench run. */
const INPUTS = {
  'github-token': TOKEN,
  config: '.github/merge-gate.yml',
  'fail-on': 'error',
  'context-prefix': '',
};

/**
 * Spawns `node script` (the action's bundle by default) with an event; resolves when it has exited
 * and closed its output.
 */
export async function spawnBundle({
  eventName,
  payload,
  apiUrl,
  node = process.execPath,
  script = BUNDLE,
  nodeArgs = [],
  extraEnv = {},
  onSpawn = () => undefined,
}) {
  const dir = mkdtempSync(join(tmpdir(), 'merge-gate-bench-'));
  try {
    const { runnerEnv } = await github();
    const env = { ...runnerEnv({ dir, apiUrl, eventName, inputs: INPUTS }), ...extraEnv };
    writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(payload));
    writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    writeFileSync(env.GITHUB_OUTPUT, '');
    const start = performance.now();
    onSpawn(start);
    const child = spawn(node, [...nodeArgs, script], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // Piped and read like a runner's log, not discarded: writing the log is part of the cost.
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    const wallMs = performance.now() - start;
    const output = readFileSync(env.GITHUB_OUTPUT, 'utf8');
    const verdict = /^verdict<<(\S+)\n(.*)\n\1$/m.exec(output)?.[2] ?? '?';
    return { code, wallMs, verdict, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One run of the action (or of `script`) on `pr` against a fresh fake with `latencyMs` added to
 * every answer, over HTTPS when `tls` (bench/tls.mjs) is given. Returns the wall time, the exit
 * code, the verdict and every request with the times it arrived at the fake and was answered (ms
 * since spawn; the fake runs in this process).
 */
export async function runAction(pr, { latencyMs = 0, node, script, nodeArgs, tls } = {}) {
  const { FakeGitHub, pullRequestPayload } = await github();
  const fake = await FakeGitHub.start({
    token: TOKEN,
    latencyMs,
    ...(tls ? { tls: { key: tls.key, cert: tls.cert } } : {}),
  });
  servePr(fake, pr);
  let start = 0;
  try {
    const run = await spawnBundle({
      eventName: 'pull_request_target',
      // GitHub's recorded payload, pointed at the benchmark PR.
      payload: pullRequestPayload('synchronize', {
        repository: 'octo/repo',
        number: PR_NUMBER,
        headSha: pr.headSha,
        changedFiles: pr.size, // as GitHub sends it: the action plans its file-list pages from it
      }),
      apiUrl: fake.url,
      node,
      script,
      nodeArgs,
      // Over TLS the spawned program trusts the bench's certificate, as a runner trusts a proxy's.
      extraEnv: tls ? { NODE_EXTRA_CA_CERTS: tls.certPath } : {},
      onSpawn: (at) => (start = at),
    });
    const requests = fake.requests.map((r) => ({
      route: r.route,
      path: r.path,
      query: r.query,
      body: r.body,
      at: r.receivedAt - start,
      answered: (r.answeredAt ?? Infinity) - start,
    }));
    return { ...run, requests };
  } finally {
    await fake.close();
  }
}

/**
 * Round trips one after another: the longest chain of requests in which each arrived at the fake
 * after the answer to the one before had been sent (so it may have waited for it). Requests that
 * go out together share a step; a run whose requests all depended on each other would count each.
 */
export function sequentialRoundTrips(requests) {
  const sorted = [...requests].sort((a, b) => a.at - b.at);
  const depth = [];
  sorted.forEach((request, i) => {
    let before = 0;
    for (let j = 0; j < i; j += 1) if (sorted[j].answered <= request.at) before = Math.max(before, depth[j]);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

/** Requests per route, plus the total; routes not listed (comments, evidence's reads) count as `other`. */
export function countByRoute(requests) {
  const counts = Object.fromEntries(ROUTES.map((route) => [route, 0]));
  for (const request of requests) counts[ROUTES.includes(request.route) ? request.route : 'other'] += 1;
  return { ...counts, total: requests.length };
}
