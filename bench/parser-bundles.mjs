/**
 * The bundles the parser sections time: `parse` (bench/parse-entry.ts) and `eval`
 * (bench/eval-entry.ts), built from the working tree into `.bench-tmp/`. With BENCH_BUNDLES=DIR
 * they are DIR/parse/index.js and DIR/eval/index.js instead: the same entries built at another
 * commit (`npx ncc build bench/parse-entry.ts -o DIR/parse`), to compare two parsers in one run.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importEntry, TMP } from './lib.mjs';

const ENTRIES = { parse: 'bench/parse-entry.ts', eval: 'bench/eval-entry.ts' };

/** The path of bundle `name`, built first when it comes from the working tree. */
export async function bundlePath(name) {
  const dir = process.env.BENCH_BUNDLES;
  if (dir) return join(dir, name, 'index.js');
  await importEntry(ENTRIES[name], name);
  return join(TMP, name, 'index.js');
}

/** The module of bundle `name`. */
export async function importBundle(name) {
  return import(pathToFileURL(await bundlePath(name)).href);
}

/** Where the bundles come from, for the tables' titles. */
export function bundleSource() {
  return process.env.BENCH_BUNDLES ? `bundles of ${process.env.BENCH_BUNDLES}` : 'the working tree';
}
