/** Helpers shared by the bench sections: medians, tables, and bundling a bench-only entry with ncc. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

export const ROOT = process.cwd();
export const TMP = join(ROOT, '.bench-tmp');
export const RUNS = 5;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time of `fn` (synchronous) over `runs` runs, in ms. */
export function time(fn, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Prints a Markdown table, so a run can be pasted into docs/benchmarks.md as is. */
export function table(title, header, rows) {
  console.log(`\n## ${title}\n`);
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(all[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of all.slice(1)) console.log(line(row));
}

export function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

export const ms = (value) => value.toFixed(1);

/** "0 success ×9, 0 failure ×1": how often each outcome occurred, so a flaky run stands out. */
export function tally(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value} ×${n}`).join(', ');
}

const built = new Map();

/**
 * Bundles a TypeScript entry of bench/ into `.bench-tmp/<name>/` and imports it (once per process):
 * the bench runs as plain Node, so sources and test helpers reach it through ncc, like dist/ does.
 */
export function importEntry(entry, name) {
  if (!built.has(name)) {
    const out = join(TMP, name);
    execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--quiet'], { stdio: 'ignore' });
    built.set(name, import(pathToFileURL(join(out, 'index.js')).href));
  }
  return built.get(name);
}
