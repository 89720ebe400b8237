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

    private lineAt(pos: number): number {
      // Positions move back only inside a link's label (its tokens are made after its end was
      // found), never past a line break already counted twice: count both ways to be exact.
      const step = pos >= this.countedTo ? 1 : -1;
      for (let i = this.countedTo; i !== pos; i += step) {
        const at = step === 1 ? i : i - 1;
        if (this.src.charCodeAt(at) === 0x0a) this.lineOffset += step;
      }
      this.countedTo = pos;
      return this.lineOffset;
    }
  };
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
