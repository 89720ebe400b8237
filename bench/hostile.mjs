/**
 * Hostile input: parseProof on pathological Markdown shapes (bench/hostile-shapes.mjs) at n and 4n.
 * The growth ratio (ms at 4n / ms at n) is ~4 for a linear parse and ~16 for a quadratic one. Then
 * every shape built up to the 1 MiB default of limits.max_markdown_bytes and parsed once in a fresh
 * process of each Node the bench times (bench/hostile-child.mjs), stopped after CAP_MS: the figure
 * the target is about (the worst under 2 s on Node 24, the runtime action.yml declares; Node 20
 * beside it, which the CLI may run on).
 */
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ms, ROOT, table } from './lib.mjs';
import { runtimes } from './node-runtimes.mjs';
import { bundlePath, bundleSource, importBundle } from './parser-bundles.mjs';
import { atOneMiB, SHAPES } from './hostile-shapes.mjs';

const run = promisify(execFile);
const CHILD = join(ROOT, 'bench/hostile-child.mjs');

const RUNS = 3;
/** A run longer than this is not repeated: the minimum is then of fewer runs (marked *). */
const REPEAT_UNDER_MS = 2000;
/** How long one parse of a 1 MiB document may take before its worker is stopped. */
const CAP_MS = 15_000;
const TARGET_MS = 2000;
const MIB = 1024 * 1024;

/**
 * Minimum of up to RUNS runs, in ms (on a shared machine a descheduled run only adds time); a run
 * over REPEAT_UNDER_MS is not repeated.
 */
function timed(fn) {
  const times = [];
  while (times.length < RUNS) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    if (times.at(-1) > REPEAT_UNDER_MS) break;
  }
  return { ms: Math.min(...times), runs: times.length };
}

const cell = ({ ms: value, runs }) => `${ms(value)}${runs < RUNS ? '*' : ''}`;
const kib = (text) => (text.length / 1024).toFixed(1);

/**
 * Parses shape `index` at 1 MiB once in a fresh process of `runtime` (bench/hostile-child.mjs),
 * stopped after `capMs`. Resolves to ms, or undefined when it was stopped.
 */
async function parseAtOneMiB(runtime, bundle, index, capMs) {
  try {
    const { stdout } = await run(runtime.path, [CHILD, bundle, String(index)], {
      timeout: capMs,
      killSignal: 'SIGKILL',
      maxBuffer: 1024 * 1024,
    });
    return Number(stdout.trim().split('\n').at(-1));
  } catch (error) {
    if (error.killed) return undefined;
    throw error;
  }
}

/** Best of two when the first is over the target: one descheduled run should not decide. */
async function bestAtOneMiB(runtime, bundle, index) {
  const first = await parseAtOneMiB(runtime, bundle, index, CAP_MS);
  if (first === undefined || first <= TARGET_MS) return first;
  return Math.min(first, (await parseAtOneMiB(runtime, bundle, index, CAP_MS)) ?? first);
}

export async function hostileInput() {
  const bundle = await bundlePath('parse');
  const { parseProof, parseOptionsFrom, DEFAULT_CONFIG } = await importBundle('parse');
  const options = parseOptionsFrom(DEFAULT_CONFIG);
  const load = () => loadavg()[0].toFixed(1);
  const loadBefore = load();
  // Warm up the JIT on every shape at a small size.
  for (const [, make, n] of SHAPES) parseProof(make(Math.max(1, Math.floor(n / 8))), options);

  const nodes = runtimes();
  const rowsOut = [];
  // The target is judged on the first runtime: Node 24, which action.yml declares.
  let worst = { ms: 0, label: '' };
  for (const [index, [label, make, n, unit]] of SHAPES.entries()) {
    const [small, large] = [make(n), make(4 * n)];
    const [atN, at4n] = [timed(() => parseProof(small, options)), timed(() => parseProof(large, options))];
    const full = atOneMiB(make, n);
    const took = [];
    for (const node of nodes) took.push(await bestAtOneMiB(node, bundle, index));
    if (took[0] === undefined || took[0] > worst.ms) worst = { ms: took[0] ?? Infinity, label };
    rowsOut.push([
      label,
      `${n} / ${4 * n} ${unit}`,
      `${kib(small)} / ${kib(large)}`,
      cell(atN),
      cell(at4n),
      (at4n.ms / atN.ms).toFixed(1),
      (full.length / MIB).toFixed(3),
      ...took.map((value) => (value === undefined ? `not done after ${CAP_MS / 1000} s` : ms(value))),
    ]);
  }
  table(
    `Hostile input: parseProof at n and 4n on node ${process.version} (minimum of ${RUNS}; * fewer runs), and at 1 MiB in a fresh process of each Node (best of 2 when over ${TARGET_MS / 1000} s) — ${bundleSource()}, load ${loadBefore} → ${load()}`,
    [
      'shape',
      'n / 4n',
      'KiB',
      'ms at n',
      'ms at 4n',
      'growth (4 linear, 16 quadratic)',
      'MiB',
      ...nodes.map((node) => `ms at 1 MiB, ${node.name} (${node.version})`),
    ],
    rowsOut,
  );
  const verdict = worst.ms <= TARGET_MS ? 'under' : 'OVER';
  console.log(
    `\nWorst at 1 MiB on ${nodes[0].name}: ${worst.label}, ${ms(worst.ms)} ms (${verdict} the ${TARGET_MS / 1000} s target).`,
  );
}
