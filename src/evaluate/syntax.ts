import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { parseYamlStream, tooDeep } from '../config/yaml-nesting.js';

/** The changed files whose syntax the verdict checks: YAML and JSON. */
export function isSyntaxChecked(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

/** Why a changed YAML or JSON file does not parse, and where (1-based line) when known. */
export interface SyntaxProblem {
  message: string;
  line?: number;
}

/**
 * Nodes that aliases may add once expanded before a file counts as an alias bomb ("billion laughs":
 * nine levels of ten aliases expand to a billion). Workflow and compose files stay far below.
 */
const MAX_ALIAS_EXPANSION = 1_000_000;

type Located = { message: string; offset: number };

/**
 * Checks that every document of a YAML stream parses, with duplicate keys as errors and alias
 * bombs refused (SPEC §4.7). Undefined when the text is valid YAML. Linear in the file size.
 */
export function checkYamlSyntax(text: string): SyntaxProblem | undefined {
  const lineCounter = new LineCounter();
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  try {
    // The package's own uniqueKeys compares each key with every earlier one (minutes on a 10 MB
    // mapping) and its toJS alias accounting re-walks the document per alias (89 s for 400 kB of
    // aliases), so duplicates and alias expansion are checked here, in one pass, without toJS.
    const documents = parseYamlStream(text, { lineCounter, uniqueKeys: false, logLevel: 'error' });
    if ('tooDeepAt' in documents) return { message: tooDeep('check'), line: documents.tooDeepAt };
    for (const document of documents) {
      const error = document.errors[0];
      if (error) return { message: readable(error.message), line: lineAt(error.pos[0]) };
      const problem = new DocumentWalk(text).run(document);
      if (problem) return { message: problem.message, line: lineAt(problem.offset) };
    }
    return undefined;
  } catch (error) {
    if (error instanceof RangeError) return { message: readable(error.message) };
    throw error;
  }
}

/** The parser recurses per nesting level: thousands of levels overflow the stack. */
function readable(message: string): string {
  return /call stack/i.test(message) ? tooDeep('check') : message;
}

/**
 * One walk over a document in source order: the first duplicate key, alias without an anchor, or
 * alias expansion past the budget. An alias means the latest anchor of that name before it, so
 * anchors are recorded as the walk enters them and each anchored node's expanded size is kept.
 */
class DocumentWalk {
  private readonly anchors = new Map<string, YamlNode>();
  private readonly expandedSizes = new Map<YamlNode, number>();
  private expansion = 0;

  constructor(private readonly text: string) {}

  run(document: Document): Located | undefined {
    try {
      this.size(document.contents);
      return undefined;
    } catch (problem) {
      if (problem instanceof Found) return problem.located;
      throw problem;
    }
  }

  /** Nodes in the subtree once aliases are expanded. */
  private size(node: unknown): number {
    if (isAlias(node)) return this.aliasSize(node.source, node.range?.[0] ?? 0);
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) return 0;
    if (node.anchor) this.anchors.set(node.anchor, node);
    let total = 1;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        // Keys compare by value, as the package does (1 and "1" differ); collection keys never collide.
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value))
            throw new Found(`duplicate key ${this.source(pair.key.range)}`, pair.key.range?.[0]);
          seen.add(pair.key.value);
        }
        total += this.size(pair.key) + this.size(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items)
        total += isPair(item) ? this.size(item.key) + this.size(item.value) : this.size(item);
    }
    if (node.anchor) this.expandedSizes.set(node, total);
    return total;
  }

  private aliasSize(source: string, offset: number): number {
    const target = this.anchors.get(source);
    if (!target) throw new Found(`alias *${source} refers to no anchor before it`, offset);
    // An alias inside its own anchor (a recursive structure) is not expanded: count it once.
    const size = this.expandedSizes.get(target) ?? 1;
    this.expansion += size;
    if (this.expansion > MAX_ALIAS_EXPANSION) {
      throw new Found(
        `refused: aliases expand to over ${MAX_ALIAS_EXPANSION.toLocaleString('en')} nodes, a resource-exhaustion guard`,
        offset,
      );
    }
    return size;
  }

  private source(range: readonly number[] | null | undefined): string {
    return quote(range ? this.text.slice(range[0], range[1]) : '');
  }
}

/** Thrown inside the walk to stop at the first problem. */
class Found {
  readonly located: Located;
  constructor(message: string, offset: number | undefined) {
    this.located = { message, offset: offset ?? 0 };
  }
}

function quote(source: string): string {
  const oneLine = source.replace(/\s+/g, ' ').trim();
  const clipped = oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
  return /^["']/.test(clipped) ? clipped : `"${clipped}"`;
}

/** Checks that the text is one JSON value (a leading byte-order mark is tolerated, as RFC 8259 allows). */
export function checkJsonSyntax(text: string): SyntaxProblem | undefined {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    JSON.parse(body);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const message = error.message.replace(/, ".*" is not valid JSON$/s, '');
    const offset = jsonErrorOffset(body, error.message);
    return {
      message: message.replace(/ in JSON at position \d+.*$/s, ''),
      line: offset === undefined ? undefined : lineOf(body, offset),
    };
  }
}

/**
 * Where JSON.parse stopped. V8 names the position for most errors, but not for an unexpected
 * token ("Unexpected token '}', "…" is not valid JSON"); then find the shortest prefix that fails
 * the same way: every prefix before the bad token fails only for ending early.
 */
function jsonErrorOffset(text: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (message.startsWith('Unexpected end of JSON input')) return text.length;
  if (!message.startsWith('Unexpected token')) return undefined;
  const failsOnToken = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      return error instanceof SyntaxError && error.message.startsWith('Unexpected token');
    }
  };
  let low = 0; // a prefix that does not fail on the token
  let high = text.length; // a prefix that does
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (failsOnToken(middle)) high = middle;
    else low = middle;
  }
  return high - 1;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  let newline = text.indexOf('\n');
  while (newline !== -1 && newline < offset) {
    line++;
    newline = text.indexOf('\n', newline + 1);
  }
  return line;
}
