import { isMap } from 'yaml';
import { DEFAULT_CONFIG } from './defaults.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { displayPath, lineOfPath, valueAt } from './key-path.js';
import { describeValue, schemaProblems } from './schema-problems.js';
import type { Config } from './types.js';
import { parseConfigYaml, type ParsedConfigFile } from './yaml-source.js';

/**
 * A configuration is a few kilobytes (the defaults written out are ~4 kB). The cap keeps a hostile
 * file (a PR may change it) cheap: the yaml package's duplicate-key check is quadratic in a mapping's size.
 */
const MAX_CONFIG_CHARS = 64 * 1024;
/** Regex-valued keys, with the flags the checks compile them with. */
const REGEX_KEYS: { path: [string, string]; flags: string }[] = [
  { path: ['roles', 'foreman_agent_pattern'], flags: 'i' },
  { path: ['token', 'pattern'], flags: '' },
  { path: ['token', 'heading_pattern'], flags: 'i' },
  { path: ['evidence', 'test_check_pattern'], flags: 'i' },
];

/**
 * Reads `.github/merge-gate.yml` text into a complete Config: no text (or only comments) gives
 * the defaults; otherwise the file is validated against `schema/merge-gate.schema.json` and merged
 * over the defaults (objects key by key, lists replaced, `synonyms` per name). Pure: the caller reads the file.
 * @throws ConfigError listing every problem with its key path and line.
 */
export function loadConfig(text: string | undefined, fileName: string): Config {
  if (text === undefined || text.trim() === '') return structuredClone(DEFAULT_CONFIG);
  if (text.length > MAX_CONFIG_CHARS) {
    throw new ConfigError(fileName, [
      { path: '', message: `the file is over ${MAX_CONFIG_CHARS / 1024} KiB; is it the right file?` },
    ]);
  }
  const parsed = parseConfigYaml(text, fileName);
  if (parsed.value === null || parsed.value === undefined) return structuredClone(DEFAULT_CONFIG);
  if (!isMap(parsed.doc.contents)) {
    const message = `the config must be a mapping of keys, got ${describeValue(parsed.value)}`;
    const start = parsed.doc.contents?.range?.[0];
    throw new ConfigError(fileName, [
      { path: '', message, line: start === undefined ? undefined : parsed.lineCounter.linePos(start).line },
    ]);
  }
  const problems = [...schemaProblems(parsed), ...regexProblems(parsed)];
  if (problems.length > 0) throw new ConfigError(fileName, sortByLine(dedupe(problems)));
  return mergeOver(structuredClone(DEFAULT_CONFIG), parsed.value) as Config;
}

function regexProblems(file: ParsedConfigFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const { path, flags } of REGEX_KEYS) {
    const pattern = valueAt(file.value, path);
    if (typeof pattern !== 'string') continue;
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^.*: /, '') : String(error);
      const message = `must be a valid regular expression (${reason})`;
      problems.push({ path: displayPath(path), message, line: lineOfPath(file, path) });
    }
  }
  return problems;
}

/** Objects merged key by key, everything else (lists included) replaced (SPEC §6). */
function mergeOver(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  // fromEntries defines own properties, so a `__proto__` synonym name stays a plain key.
  const merged = Object.entries(override).map(([key, value]) => [
    key,
    mergeOver(Object.hasOwn(base, key) ? base[key] : undefined, value),
  ]);
  return Object.fromEntries([...Object.entries(base), ...merged]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const id = `${problem.path}\u0000${problem.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function sortByLine(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
