/**
 * The two depths markdown-it does not bound by itself in a way the proof checks can report.
 *
 * - **Block nesting.** markdown-it stops at `maxNesting` levels (a block quote is one level, a list
 *   two: the list and its item) and then silently drops the rest of the enclosing container,
 *   which can be the rest of the document. The rule below takes over first and skips only the
 *   block that is too deep (up to the next blank or less indented line), as a `nesting_limit`
 *   token whose lines the parser reports as not read. Nesting also multiplies the cost of lazy
 *   lines: each enclosing block quote scans them again, so the bound keeps that factor small.
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
/** Image descriptions nested in image descriptions that are still parsed as Markdown. */
export const MAX_IMAGE_DEPTH = 8;

/** The token type of a skipped block; its `map` gives the lines skipped. */
export const NESTING_LIMIT = 'nesting_limit';

const IMAGE_DEPTH = Symbol('image description depth');

/** Installs both bounds on `md` (whose `maxNesting` must be {@link MAX_NESTING}). */
export function depthBounds(md: MarkdownIt): void {
  md.block.ruler.before('table', NESTING_LIMIT, skipTooDeep);
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

/** Skips a block nested past {@link MAX_BLOCK_LEVEL}: up to a blank or a less indented line. */
function skipTooDeep(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (silent || state.level < MAX_BLOCK_LEVEL) return false;
  let next = startLine + 1;
  while (next < endLine && !state.isEmpty(next) && (state.sCount[next] as number) >= state.blkIndent)
    next += 1;
  const token = state.push(NESTING_LIMIT, '', 0);
  token.map = [startLine, next];
  token.hidden = true;
  state.line = next;
  return true;
}
