/**
 * YAML parsing with a bound on nesting, measured before any recursion happens.
 *
 * Why: the `yaml` package's composer recurses once per level and, some 800 levels deep, catches
 * its own stack overflow and carries on building an error at the very edge of the stack. If V8
 * must compile (or tier up) a regular expression there, it cannot, and it aborts the whole process
 * with "RegExpCompiler Allocation failed - process out of memory", beyond the reach of any `catch`.
 * The package's parser (text → CST) is iterative, so the depth is read from the CST, and documents
 * deeper than the bound are never composed. Every caller then stays well inside the stack.
 */
import {
  Composer,
  LineCounter,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import type { CST } from 'yaml';

/** Levels a YAML file may nest. Workflows, compose files and inventories stay under 20. */
export const MAX_YAML_NESTING = 200;

/** The message for YAML refused for its depth: "nested too deeply to read (over 200 levels)". */
export function tooDeep(verb: 'read' | 'check'): string {
  return `nested too deeply to ${verb} (over ${MAX_YAML_NESTING} levels)`;
}

/** The package's options for parsing and composing (`prettyErrors` aside: errors are located by line). */
export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** Nesting passed the bound at this 1-based line; nothing was composed. */
export interface TooDeep {
  tooDeepAt: number;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** The offset of the first collection nested more than `limit` deep in a CST token, walked without recursion. */
export function cstNestingExcess(token: CST.Token, limit = MAX_YAML_NESTING): number | undefined {
  const stack: [CST.Token, number][] = [[token, 0]];
  while (stack.length > 0) {
    const [node, outer] = stack.pop() as [CST.Token, number];
    const depth = COLLECTIONS.has(node.type) ? outer + 1 : outer;
    if (depth > limit) return node.offset;
    if ('value' in node && node.value && typeof node.value === 'object') stack.push([node.value, depth]);
    if (!('items' in node)) continue;
    for (const item of node.items as CST.CollectionItem[]) {
      if (item.key) stack.push([item.key, depth]);
      if (item.value) stack.push([item.value, depth]);
    }
  }
  return undefined;
}

/** Parses to CST tokens and refuses them when any collection nests past the bound. */
function tokensWithin(text: string, lineCounter: LineCounter): CST.Token[] | TooDeep {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  for (const token of tokens) {
    const offset = cstNestingExcess(token);
    if (offset !== undefined) return { tooDeepAt: lineCounter.linePos(offset).line };
  }
  return tokens;
}

/** `parseAllDocuments` from the package's own parser and composer, refusing deep nesting first. */
export function parseYamlStream(text: string, options: YamlOptions = {}): Document.Parsed[] | TooDeep {
  const lineCounter = options.lineCounter ?? new LineCounter();
  const tokens = tokensWithin(text, lineCounter);
  if (!Array.isArray(tokens)) return tokens;
  return [...new Composer({ ...options, lineCounter }).compose(tokens)];
}

/**
 * `parseDocument` likewise: one document, a second one being a MULTIPLE_DOCS error unless the
 * log level is `silent`. Errors are not prettified (callers locate them with the line counter).
 */
export function parseYamlDocument(text: string, options: YamlOptions = {}): Document.Parsed | TooDeep {
  const lineCounter = options.lineCounter ?? new LineCounter();
  const tokens = tokensWithin(text, lineCounter);
  if (!Array.isArray(tokens)) return tokens;
  let first: Document.Parsed | undefined;
  for (const document of new Composer({ ...options, lineCounter }).compose(tokens, true, text.length)) {
    if (!first) {
      first = document;
      continue;
    }
    if (options.logLevel !== 'silent') {
      const start = document.range[0];
      first.errors.push(
        new YAMLParseError([start, start + 1], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
    }
    break;
  }
  // Composing with forceDoc always yields a document, as in the package's own parseDocument.
  return first as Document.Parsed;
}
