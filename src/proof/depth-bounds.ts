/**
 * The two depths markdown-it does not bound by itself in a way the proof checks can report.
 *
 * - **Block nesting.** markdown-it stops at `maxNesting` levels (a block quote is one level, a list
 *   two: the list and its item) and then silently drops the rest of the enclosing container,
 *   which can be the rest of the document. The rule below takes over first and skips only the
 *   block that is too deep (up to the next blank or less indented line), as a `nesting_limit`
 *   token whose lines the parser reports as not read.
 * - **Block quotes.** Each enclosing block quote scans a paragraph's lazy lines again (markdown-it
 *   finds a quote's end line by line), so their depth multiplies the cost of the worst hostile
 *   proof. Quotes get a bound of their own, lower than the nesting bound, skipped the same way.
 * - **Nested images.** An image's description is parsed by a fresh inline parse, whose nesting
 *   count starts again at zero; `![![![…](u)](u)](u)` nests one parse per image, each scanning the
 *   rest of the text, which is quadratic and deep enough to overflow the stack. Past
 *   {@link MAX_IMAGE_DEPTH} nested descriptions the innermost is kept as plain text.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

/**
 * The deepest block level read: content nested deeper is skipped and reported. Real proofs nest up
 * to 7 (three lists). Each level multiplies the cost of lazy lines, so the bound is what keeps the
 * worst 1 MiB proof under 2 s: at 20 levels, lazy lines under 19 block quotes took 2.5 s on an idle
 * machine (docs/benchmarks.md, hostile input).
 */
export const MAX_BLOCK_LEVEL = 12;
/**
 * markdown-it's `maxNesting`, two above ours so that its silent cut is never reached: a list opens
 * two levels at once, and the rule below must see the level first. The inline parser applies it to
 * nested links, which bounds its bracket matching.
 */
export const MAX_NESTING = MAX_BLOCK_LEVEL + 2;
/**
 * The deepest block quotes read: a quote inside this many is skipped and reported. Real proofs
 * quote one level deep. 1 MiB of lazy lines took 1.3 s under one quote, 1.7 s under 5 and 2.4 s
 * under 11 (Node 20, on a slow phase of the benchmark machine; docs/benchmarks.md, hostile input).
 */
export const MAX_QUOTE_DEPTH = 5;
/** Image descriptions nested in image descriptions that are still parsed as Markdown. */
export const MAX_IMAGE_DEPTH = 8;

/** The token type of a skipped block; its `map` gives the lines skipped. */
export const NESTING_LIMIT = 'nesting_limit';

/** A `nesting_limit` token's `info` when it is a block quote past {@link MAX_QUOTE_DEPTH}. */
export const TOO_MANY_QUOTES = 'block quotes';

const IMAGE_DEPTH = Symbol('image description depth');
const QUOTES = Symbol('block quotes open');
interface QuoteCount {
  tokens: StateBlock['tokens'];
  counted: number;
  open: number;
}

/** Installs the bounds on `md` (whose `maxNesting` must be {@link MAX_NESTING}). */
export function depthBounds(md: MarkdownIt): void {
  md.block.ruler.before('table', NESTING_LIMIT, skipTooDeep);
  md.block.ruler.before('blockquote', 'quote_limit', skipQuoteTooDeep);
  const parseInline = md.inline.parse.bind(md.inline);
  const TextToken = new md.core.State('', md, {}).Token;
  md.inline.parse = (text, parser, env, tokens) => {
    const depths = env as Record<symbol, number | undefined>;
    const depth = depths[IMAGE_DEPTH] ?? 0;
    if (depth > MAX_IMAGE_DEPTH) {
      const token = new TextToken('text', '', 0);
      token.content = text;
      tokens.push(token);
      return;
    }
    depths[IMAGE_DEPTH] = depth + 1;
    try {
      parseInline(text, parser, env, tokens);
    } finally {
      depths[IMAGE_DEPTH] = depth;
    }
  };
}

/** Skips a block nested past {@link MAX_BLOCK_LEVEL}. */
function skipTooDeep(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (silent || state.level < MAX_BLOCK_LEVEL) return false;
  return skipBlock(state, startLine, endLine);
}

/** Skips a block quote that starts inside {@link MAX_QUOTE_DEPTH} others. */
function skipQuoteTooDeep(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (silent || quotesOpen(state) < MAX_QUOTE_DEPTH) return false;
  // markdown-it's own test for a quote's first line: a `>` indented less than a code block.
  const start = (state.bMarks[startLine] as number) + (state.tShift[startLine] as number);
  if ((state.sCount[startLine] as number) - state.blkIndent >= 4 || state.src.charCodeAt(start) !== 0x3e)
    return false;
  return skipBlock(state, startLine, endLine, TOO_MANY_QUOTES);
}

/**
 * The block quotes open where the block parser is: counted on its tokens (a quote's content is
 * parsed between its open and close tokens), from where the last count stopped, so each token is
 * counted once. The count belongs to one token list, that is to one parse.
 */
function quotesOpen(state: StateBlock): number {
  const env = state.env as Record<symbol, QuoteCount | undefined>;
  let count = env[QUOTES];
  if (count?.tokens !== state.tokens) count = env[QUOTES] = { tokens: state.tokens, counted: 0, open: 0 };
  for (; count.counted < state.tokens.length; count.counted += 1) {
    const type = state.tokens[count.counted]?.type;
    if (type === 'blockquote_open') count.open += 1;
    else if (type === 'blockquote_close') count.open -= 1;
  }
  return count.open;
}

/** Skips the block at `startLine`, up to a blank or a less indented line, as a `nesting_limit` token. */
function skipBlock(state: StateBlock, startLine: number, endLine: number, info = ''): boolean {
  let next = startLine + 1;
  while (next < endLine && !state.isEmpty(next) && (state.sCount[next] as number) >= state.blkIndent)
    next += 1;
  const token = state.push(NESTING_LIMIT, '', 0);
  token.map = [startLine, next];
  token.info = info;
  token.hidden = true;
  state.line = next;
  return true;
}
