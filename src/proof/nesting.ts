/**
 * A bound on how many lists and block quotes one line may open.
 *
 * Parsing a line that opens n nested lists costs O(n²) in micromark and mdast (5,000 levels take
 * ~5 s, a megabyte of `- ` would take hours), while real proofs nest a few levels. Lines past the
 * bound are blanked before parsing (line numbers stay right) and reported, so the rest of the
 * document is still read (issue #5).
 */

/** Container levels one line may open; far above anything a proof needs. */
export const MAX_LINE_NESTING = 1000;

export interface SkippedLine {
  /** 1-based. */
  line: number;
  /** Containers the line opens, counted up to the point it went over the bound. */
  depth: number;
}

/** `text` with every line that opens more than `maxDepth` containers emptied. */
export function blankDeeplyNestedLines(
  text: string,
  maxDepth = MAX_LINE_NESTING,
): { text: string; skipped: SkippedLine[] } {
  const skipped: SkippedLine[] = [];
  const kept: string[] = [];
  let start = 0;
  let copiedUpTo = 0;
  for (let line = 1; start <= text.length; line += 1) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const depth = containerDepth(text, start, end, maxDepth);
    if (depth > maxDepth) {
      skipped.push({ line, depth });
      kept.push(text.slice(copiedUpTo, start));
      copiedUpTo = end;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  if (skipped.length === 0) return { text, skipped };
  kept.push(text.slice(copiedUpTo));
  return { text: kept.join(''), skipped };
}

const SPACE = new Set([' ', '\t']);
const BULLETS = new Set(['-', '*', '+']);

/** Block-quote markers and list markers (with an optional task box) at the start of a line, up to `limit + 1`. */
function containerDepth(text: string, start: number, end: number, limit: number): number {
  let depth = 0;
  let i = start;
  while (i < end && depth <= limit) {
    const char = text[i] as string;
    if (SPACE.has(char)) {
      i += 1;
    } else if (char === '>') {
      depth += 1;
      i += 1;
    } else {
      const after = listMarkerEnd(text, i, end);
      if (after === undefined) break;
      depth += 1;
      i = skipTaskBox(text, after, end);
    }
  }
  return depth;
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
