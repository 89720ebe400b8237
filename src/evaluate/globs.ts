import picomatch from 'picomatch';
import { DEFAULT_GLOB_SOURCES } from '../config/generated/default-glob-sources.js';

/** A compiled glob list: true when any glob matches the path. */
export type PathMatcher = (path: string) => boolean;

const cache = new Map<string, PathMatcher>();

/**
 * Compiles a glob list once per evaluation run (and per process: configs repeat).
 * Globs match dot-directories and are case-sensitive unless asked (SPEC §8.12).
 *
 * The list becomes one regular expression made of picomatch's own, one alternative per glob, and
 * a path is tested with it directly: what picomatch's matcher decides (a path equal to a glob
 * also matches), without the result object it builds per call. On a 3000-file PR that took the
 * path matching from about 30 ms to a few (docs/benchmarks.md). The default config's globs were
 * compiled when the package was built (scripts/build-glob-sources.mjs): a run on the defaults
 * never starts picomatch's parser, 4–6 ms of a cold first evaluation.
 */
export function globMatcher(globs: readonly string[], options: { nocase?: boolean } = {}): PathMatcher {
  const key = `${options.nocase ? 'i' : 's'}\0${globs.join('\0')}`;
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = compile(globs, options.nocase ?? false);
    cache.set(key, matcher);
  }
  return matcher;
}

function compile(globs: readonly string[], nocase: boolean): PathMatcher {
  if (globs.length === 0) return () => false;
  const sources = globs.map(
    (glob) => DEFAULT_GLOB_SOURCES.get(glob) ?? picomatch.makeRe(glob, { dot: true, nocase }).source,
  );
  const anyGlob = new RegExp(sources.map((source) => `(?:${source})`).join('|'), nocase ? 'i' : '');
  const literal = new Set(globs);
  return (path) => path !== '' && (literal.has(path) || anyGlob.test(path));
}
