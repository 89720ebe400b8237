/**
 * Source lines for inline tokens. markdown-it gives block tokens a line map but none to the tokens
 * inside a paragraph, and a paragraph is read line by line (`**Key**: value` lines one under the
 * other). Line breaks are tokens of their own, except those inside a code span (turned into
 * spaces), a link destination or raw HTML; so the line is taken from where each token starts.
 *
 * The inline parser's state is replaced by a subclass that stamps every token it creates with
 * `map = [offset, offset + 1]`: the 0-based line of the token's start within its `inline` token's
 * content (one content line per source line). Every inline rule creates its tokens through
 * `push`, and pending text through `pushPending`, so none is missed. A code span also keeps where
 * it starts, so its text can be put back on the lines it spans ({@link codeSpanLines}).
 */
import type { MarkdownIt, Token } from 'markdown-it';

/** Makes every inline token carry its line offset in `map`. */
export function inlineSourceLines(md: MarkdownIt): void {
  const Base = md.inline.State;
  md.inline.State = class LineStampingState extends Base {
    /** Where the line count below was taken, and the count: positions only grow, so this is linear. */
    private countedTo = 0;
    private lineOffset = 0;
    /** The first line break at or after `countedTo` (the text's length when none); -1 until looked up. */
    private nextBreak = -1;

    override pushPending(): Token {
      return this.stamp(super.pushPending());
    }

    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      return this.stamp(super.push(type, tag, nesting));
    }

    private stamp(token: Token): Token {
      const pos = Math.min(this.pos, this.src.length);
      const line = this.lineAt(pos);
      token.map = lineMap(line);
      if (token.type === 'code_inline') token.meta = { ...token.meta, [CODE_START]: pos };
      return token;
    }

    /**
     * Forward, the line breaks are found with `indexOf` from the next one known, not by a loop over
     * every character: the parser's first run is interpreted, where a native scan is several times
     * faster. A move that stays before the next break counts nothing.
     */
    private lineAt(pos: number): number {
      const src = this.src;
      if (pos >= this.countedTo) {
        if (this.nextBreak < 0) this.nextBreak = breakFrom(src, this.countedTo);
        while (this.nextBreak < pos) {
          this.lineOffset += 1;
          this.nextBreak = breakFrom(src, this.nextBreak + 1);
        }
      } else {
        // Back only when a rule makes a token before one it already made (markdown-it's own rules
        // do not; a plugin may): uncount the line breaks passed over, to be exact.
        for (let at = this.countedTo - 1; at >= pos; at -= 1) {
          if (src.charCodeAt(at) === 0x0a) {
            this.lineOffset -= 1;
            this.nextBreak = at;
          }
        }
      }
      this.countedTo = pos;
      return this.lineOffset;
    }
  };
}

/** Where the first line break at or after `from` is; the text's length when there is none. */
function breakFrom(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

const CODE_START = 'sourceStart';

/** One shared, never changed `[offset, offset + 1]` per offset: a megabyte of text has a million tokens. */
const LINE_MAPS: [number, number][] = [];

function lineMap(offset: number): [number, number] {
  return (LINE_MAPS[offset] ??= [offset, offset + 1]);
}

/**
 * A code span's text split at the line breaks it spans in the source (markdown-it turns them into
 * spaces): `inlineSource` is the content of the `inline` token holding it. The closing backticks
 * are found the way markdown-it finds them: the first later run of exactly as many.
 */
export function codeSpanLines(token: Token, inlineSource: string): string[] {
  const start = token.meta?.[CODE_START];
  if (typeof start !== 'number' || !inlineSource.includes('\n', start)) return [token.content];
  const open = token.markup.length;
  let closeEnd = start + open;
  for (;;) {
    const closeStart = inlineSource.indexOf('`', closeEnd);
    if (closeStart === -1) return [token.content];
    closeEnd = closeStart + 1;
    while (inlineSource.charCodeAt(closeEnd) === 0x60) closeEnd += 1;
    if (closeEnd - closeStart === open) return inlineSource.slice(start + open, closeStart).split('\n');
  }
}

/** The line offset {@link inlineSourceLines} stamped on an inline token (0 when there is none). */
export function lineOffsetOf(token: Token): number {
  return token.map?.[0] ?? 0;
}
