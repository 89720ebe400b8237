/**
 * Bounds on two line shapes that make micromark and mdast quadratic (issue #5, docs/benchmarks.md):
 *
 * - a line that opens n nested lists or block quotes costs O(n²) (1,000 levels ~135 ms a line);
 * - each lazy continuation line (`> a` then `b`, `c`, … without `>`) walks back over the whole
 *   paragraph, so a lazy paragraph of n lines costs O(n²) (a megabyte of them: over an hour).
 *
 * Real proofs nest a few levels and wrap a quoted paragraph over a few lines. A line past either
 * bound is blanked before parsing (line numbers stay right; a blank line also ends the lazy
 * paragraph) and reported, so the rest of the document is still read.
 */

/** Container levels one line may open. */
export const MAX_LINE_NESTING = 100;
/** Lazy continuation lines one paragraph may have before a line of it is blanked. */
export const MAX_LAZY_LINES = 100;

export interface SkippedLine {
  /** 1-based. */
  line: number;
  reason: 'nesting' | 'lazy';
  /** For `nesting`: the containers the line opens, counted up to the point it went over the bound. */
  depth?: number;
}

export interface LineBounds {
  maxDepth?: number;
  maxLazyLines?: number;
}

/** The container a paragraph sits in, as its opening line shows it. */
interface Container {
  /** Any block quote in the prefix: then every line without `>` continues lazily. */
  quoted: boolean;
  /** Where the innermost list item's content starts: a line indented less continues lazily. */
  contentColumn: number;
  lazyLines: number;
}

/** `text` with every line past a bound emptied, and which lines those were. */
export function boundPathologicalLines(
  text: string,
  { maxDepth = MAX_LINE_NESTING, maxLazyLines = MAX_LAZY_LINES }: LineBounds = {},
): { text: string; skipped: SkippedLine[] } {
  const skipped: SkippedLine[] = [];
  const kept: string[] = [];
  let container: Container | undefined;
  // After paragraph text, `2.` does not start a list (CommonMark): the line continues the paragraph.
  let inParagraph = false;
  let fence: string | undefined;
  let previousHasPipe = false;
  let start = 0;
  let copiedUpTo = 0;
  for (let line = 1; start <= text.length; line += 1) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const prefix = containerPrefix(text, start, end, maxDepth);
    let skip: SkippedLine | undefined;
    const head = text.slice(start, Math.min(end, start + 200));
    if (fence) {
      // Inside a top-level fenced code block every line is literal: nothing to bound.
      if (prefix.depth === 0 && closesFence(head, fence)) fence = undefined;
    } else if (prefix.depth === 0 && (fence = openedFence(head))) {
      container = undefined;
      inParagraph = false;
    } else if (prefix.depth > maxDepth) {
      skip = { line, reason: 'nesting', depth: prefix.depth };
    } else if (prefix.depth > 0 && (prefix.interrupts || !inParagraph)) {
      // Only a paragraph continues lazily: not an empty item, nor a heading or fence in a quote.
      const rest = text.slice(prefix.contentStart, Math.min(end, prefix.contentStart + 200));
      const paragraph = !isBlank(rest, 0, rest.length) && !startsBlock(rest);
      container = paragraph
        ? { quoted: prefix.quoted, contentColumn: prefix.contentColumn, lazyLines: 0 }
        : undefined;
      inParagraph = paragraph;
    } else if (isBlank(text, start, end) || startsBlock(head, inParagraph && previousHasPipe)) {
      container = undefined;
      inParagraph = false;
    } else {
      inParagraph = true;
      if (container && (container.quoted || prefix.indent < container.contentColumn)) {
        container.lazyLines += 1;
        if (container.lazyLines > maxLazyLines) skip = { line, reason: 'lazy' };
      }
    }
    if (skip) {
      skipped.push(skip);
      kept.push(text.slice(copiedUpTo, start));
      copiedUpTo = end;
      container = undefined;
      inParagraph = false;
    }
    previousHasPipe = head.includes('|');
    if (newline === -1) break;
    start = newline + 1;
  }
  if (skipped.length === 0) return { text, skipped };
  kept.push(text.slice(copiedUpTo));
  return { text: kept.join(''), skipped };
}

const SPACE = new Set([' ', '\t']);
const BULLETS = new Set(['-', '*', '+']);

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (!SPACE.has(text[i] as string) && text[i] !== '\r') return false;
  return true;
}

/** Lines that end a paragraph instead of continuing it: headings, fences, rules, HTML. */
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|<|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;
/** A table's delimiter row: it turns the paragraph line above (with a `|` of its own) into a table header. */
const TABLE_RULE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*\|/;

/** The opening run of a fence (```` ``` ```` or `~~~`, up to three spaces in), or undefined. */
function openedFence(head: string): string | undefined {
  return /^ {0,3}(`{3,}(?!.*`)|~{3,})/.exec(head)?.[1];
}

/** Whether `head` closes a fence opened with `fence`: the same character, at least as many. */
function closesFence(head: string, fence: string): boolean {
  const run = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(head)?.[1];
  return run !== undefined && run[0] === fence[0] && run.length >= fence.length;
}

function startsBlock(head: string, afterHeaderCandidate = false): boolean {
  return BLOCK_START.test(head) || (afterHeaderCandidate && TABLE_RULE.test(head));
}

/**
 * Block-quote and list markers (with an optional task box) at the start of a line, counted up to
 * `limit + 1`; the indentation of the line; and where the innermost list item's content starts.
 */
function containerPrefix(
  text: string,
  start: number,
  end: number,
  limit: number,
): {
  depth: number;
  quoted: boolean;
  contentColumn: number;
  indent: number;
  contentStart: number;
  /** Whether the first marker may interrupt a paragraph: `>`, a bullet, or an ordered `1.`. */
  interrupts: boolean;
} {
  let depth = 0;
  let quoted = false;
  let contentColumn = 0;
  let interrupts = true;
  let i = start;
  while (i < end && SPACE.has(text[i] as string)) i += 1;
  const indent = i - start;
  while (i < end && depth <= limit) {
    const char = text[i] as string;
    if (SPACE.has(char)) {
      i += 1;
    } else if (char === '>') {
      depth += 1;
      quoted = true;
      i += 1;
    } else {
      const after = listMarkerEnd(text, i, end);
      if (after === undefined) break;
      if (depth === 0 && !BULLETS.has(char)) interrupts = /^0*1[.)]/.test(text.slice(i, after));
      depth += 1;
      contentColumn = after - start;
      i = skipTaskBox(text, after, end);
    }
  }
  return { depth, quoted, contentColumn, indent, contentStart: i, interrupts };
}

/** The index after a list marker and its space (`- `, `12. `, `3) `), or undefined. */
function listMarkerEnd(text: string, i: number, end: number): number | undefined {
  let j = i;
  if (BULLETS.has(text[j] as string)) {
    j += 1;
  } else {
    while (j < end && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j += 1;
    if (j === i || (text[j] !== '.' && text[j] !== ')')) return undefined;
    j += 1;
  }
  return j < end && SPACE.has(text[j] as string) ? j + 1 : undefined;
}

function skipTaskBox(text: string, i: number, end: number): number {
  const box = /^\[[ xX]\][ \t]/;
  return i + 3 < end && box.test(text.slice(i, i + 4)) ? i + 4 : i;
}
