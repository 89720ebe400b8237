/**
 * Top-level keys of YAML front matter and fenced `yaml` blocks, with their source lines.
 */
import { LineCounter, isMap, isScalar, visit, type Document } from 'yaml';
import { parseYamlDocument, tooDeep } from '../config/yaml-nesting.js';
import { cleanValue, splitKeyValue, unquote, type KeyLimits, type KeyValue } from './fields.js';

/** One top-level YAML key as a field. */
export interface YamlEntry extends KeyValue {
  line: number;
  /** Set when the value is a list (`agents_delegated_to:` with `- item` lines, or `[a, b]`). */
  items?: string[];
}

/** What a YAML block yielded; `problem` is set when it is not valid YAML (read line by line instead). */
export interface YamlRead {
  entries: YamlEntry[];
  problem?: string;
}

/** A few aliases are normal; an alias bomb multiplies them, so expanding more than this is refused. */
const MAX_ALIAS_COUNT = 50;
/** A nested value is rendered as compact text up to this length. */
const MAX_RENDERED = 1000;
/** YAML keys are identifiers, not prose: allow long ones. */
const YAML_KEY: KeyLimits = { maxChars: 80, maxWords: 12 };

/**
 * Reads the top-level keys of a YAML text whose first line is document line `firstLine`.
 * Scalars are kept as written (failsafe schema: `080` stays `080`, dates stay text). Invalid YAML
 * (duplicate keys, syntax errors, alias bombs) is reported as `problem` and read line by line, the
 * way a human would read it.
 */
export function readYamlEntries(source: string, firstLine: number): YamlRead {
  try {
    const lineCounter = new LineCounter();
    const doc = parseYamlDocument(source, {
      schema: 'failsafe',
      lineCounter,
      uniqueKeys: false,
      logLevel: 'silent',
    });
    if ('tooDeepAt' in doc) return { entries: readLineByLine(source, firstLine), problem: tooDeep('read') };
    const problem = firstProblem(doc);
    if (problem) return { entries: readLineByLine(source, firstLine), problem: firstLineOf(problem) };
    const values: unknown = doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT });
    if (!isMap(doc.contents) || !(values instanceof Map)) return { entries: [] };
    const entries: YamlEntry[] = [];
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue;
      const key = pair.key.value;
      const offset = pair.key.range?.[0] ?? 0;
      const line = firstLine + lineCounter.linePos(offset).line - 1;
      entries.push({ rawKey: String(key), line, ...renderValue(values.get(key)) });
    }
    return { entries };
  } catch (error) {
    // toJS throws on an alias bomb and deep nesting may exhaust the stack: never let it escape.
    return { entries: readLineByLine(source, firstLine), problem: firstLineOf(messageOf(error)) };
  }
}

/** The first problem in source order: a syntax error, or a duplicate key (see {@link firstDuplicateKey}). */
function firstProblem(doc: Document): string | undefined {
  const error = doc.errors[0];
  const duplicate = firstDuplicateKey(doc);
  if (duplicate !== undefined && (!error || duplicate < (error.pos[0] ?? 0)))
    return 'Map keys must be unique';
  return error?.message;
}

/**
 * Where the first repeated key of a mapping is. The package's own `uniqueKeys` check compares each
 * key with every earlier one, which is quadratic (a fence of 32,000 keys took half a minute); this
 * is the same check in one pass.
 */
function firstDuplicateKey(doc: Document): number | undefined {
  let first: number | undefined;
  visit(doc, {
    Map(_, map) {
      const keys = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const at = key.range?.[0] ?? 0;
        if (keys.has(key.value) && (first === undefined || at < first)) first = at;
        keys.add(key.value);
      }
    },
  });
  return first;
}

function renderValue(value: unknown): { value: string; items?: string[] } {
  if (Array.isArray(value)) {
    // `- api-builder: wired the deploy job` is a one-entry map: shown as written, without braces.
    const items = value.map((item) =>
      typeof item === 'string' ? cleanValue(item) : item instanceof Map ? renderEntries(item) : render(item),
    );
    return { value: items.join(', '), items };
  }
  return { value: typeof value === 'string' ? cleanValue(value) : render(value) };
}

/** Compact text for a nested map or list: `{a: 1, b: [x, y]}`. */
function render(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : Array.isArray(value)
          ? `[${value.map(render).join(', ')}]`
          : value instanceof Map
            ? `{${renderEntries(value)}}`
            : String(value);
  return text.length > MAX_RENDERED ? `${text.slice(0, MAX_RENDERED)}…` : text;
}

/** A map's entries as `key: value, …`, clipped like {@link render}. */
function renderEntries(map: Map<unknown, unknown>): string {
  const text = [...map].map(([key, value]) => `${render(key)}: ${render(value)}`).join(', ');
  return text.length > MAX_RENDERED ? `${text.slice(0, MAX_RENDERED)}…` : text;
}

/** Unindented `key: value` lines, for YAML that does not parse. */
function readLineByLine(source: string, firstLine: number): YamlEntry[] {
  const entries: YamlEntry[] = [];
  source.split(/\r\n|\r|\n/).forEach((text, index) => {
    if (text === '' || /^[\s#-]/.test(text)) return;
    const pair = splitKeyValue(text, YAML_KEY);
    if (pair)
      entries.push({
        rawKey: unquote(pair.rawKey),
        value: cleanValue(unquote(pair.value)),
        line: firstLine + index,
      });
  });
  return entries;
}

function firstLineOf(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
