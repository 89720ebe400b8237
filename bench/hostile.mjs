/**
 * Hostile input: parseProof on pathological Markdown shapes (bench/hostile-shapes.mjs) at n and 4n.
 * The growth ratio (ms at 4n / ms at n) is ~4 for a linear parse and ~16 for a quadratic one. Then
 * every shape built up to the 1 MiB default of limits.max_markdown_bytes and parsed once in a
 * worker, stopped after CAP_MS: the figure the target is about (the worst under 2 s).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ms, table } from './lib.mjs';
import { bundlePath, bundleSource, importBundle } from './parser-bundles.mjs';
import { SHAPES } from './hostile-shapes.mjs';

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

/** The largest text `make(count)` builds within 1 MiB. */
function atOneMiB(make, n) {
  let count = n;
  while (make(count * 2).length <= MIB) count *= 2;
  let step = Math.floor(count / 2);
  while (step >= 1) {
    if (make(count + step).length <= MIB) count += step;
    step = Math.floor(step / 2);
  }
  return make(count);
}

/** Parses `text` once in a worker; stops it after `capMs`. Resolves to ms or undefined. */
function parseInWorker(bundle, text, capMs) {
  const entry = pathToFileURL(bundle).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.entry).then(({ parseProof, parseOptionsFrom, DEFAULT_CONFIG }) => {
      const options = parseOptionsFrom(DEFAULT_CONFIG);
      parseProof('# warm-up\\n\\n- a\\n> b\\n', options);
      const start = performance.now();
      parseProof(workerData.text, options);
      parentPort.postMessage(performance.now() - start);
    });`;
  const worker = new Worker(code, { eval: true, workerData: { entry, text } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => worker.terminate().then(() => resolve(undefined)), capMs);
    worker.once('message', (value) => {
      clearTimeout(timer);
      worker.terminate().then(() => resolve(value));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export async function hostileInput() {
  const bundle = await bundlePath('parse');
  const { parseProof, parseOptionsFrom, DEFAULT_CONFIG } = await importBundle('parse');
  const options = parseOptionsFrom(DEFAULT_CONFIG);
  const load = () => loadavg()[0].toFixed(1);
  const loadBefore = load();
  // Warm up the JIT on every shape at a small size.
  for (const [, make, n] of SHAPES) parseProof(make(Math.max(1, Math.floor(n / 8))), options);

  const rowsOut = [];
  let worst = { ms: 0, label: '' };
  for (const [label, make, n, unit] of SHAPES) {
    const [small, large] = [make(n), make(4 * n)];
    const [atN, at4n] = [timed(() => parseProof(small, options)), timed(() => parseProof(large, options))];
    const full = atOneMiB(make, n);
    // Best of two when the first is over the target: one descheduled run should not decide.
    let took = await parseInWorker(bundle, full, CAP_MS);
    if (took !== undefined && took > TARGET_MS)
      took = Math.min(took, (await parseInWorker(bundle, full, CAP_MS)) ?? took);
    if (took === undefined || took > worst.ms) worst = { ms: took ?? Infinity, label };
    rowsOut.push([
      label,
      `${n} / ${4 * n} ${unit}`,
      `${kib(small)} / ${kib(large)}`,
      cell(atN),
      cell(at4n),
      (at4n.ms / atN.ms).toFixed(1),
      (full.length / MIB).toFixed(3),
      took === undefined ? `not done after ${CAP_MS / 1000} s` : ms(took),
    ]);
  }
  table(
    `Hostile input: parseProof at n and 4n (minimum of ${RUNS}; * fewer runs), and at 1 MiB in a worker (best of 2 when over ${TARGET_MS / 1000} s) — ${bundleSource()}, node ${process.version}, load ${loadBefore} → ${load()}`,
    [
      'shape',
      'n / 4n',
      'KiB',
      'ms at n',
      'ms at 4n',
      'growth (4 linear, 16 quadratic)',
      'MiB',
      'ms at 1 MiB',
    ],
    rowsOut,
  );
  const verdict = worst.ms <= TARGET_MS ? 'under' : 'OVER';
  console.log(
    `\nWorst at 1 MiB: ${worst.label}, ${ms(worst.ms)} ms (${verdict} the ${TARGET_MS / 1000} s target).`,
  );
}
