import picomatch from 'picomatch';

/** A compiled glob list: true when any glob matches the path. */
export type PathMatcher = (path: string) => boolean;

const cache = new Map<string, PathMatcher>();

/**
 * Compiles a glob list once per evaluation run (and per process: configs repeat).
 * Globs match dot-directories and are case-sensitive unless asked (SPEC §8.12).
 */
export function globMatcher(globs: readonly string[], options: { nocase?: boolean } = {}): PathMatcher {
  const key = `${options.nocase ? 'i' : 's'}\0${globs.join('\0')}`;
  let matcher = cache.get(key);
  if (!matcher) {
    const compiled =
      globs.length === 0
        ? () => false
        : picomatch([...globs], { dot: true, nocase: options.nocase ?? false });
    matcher = (path: string) => compiled(path);
    cache.set(key, matcher);
  }
  return matcher;
}
