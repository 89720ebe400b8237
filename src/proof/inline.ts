/**
 * Plain text of inline tokens, and the source lines of a paragraph as plain text. markdown-it's
 * inline tokens are a flat list (`strong_open`, text, `strong_close`), so both are one loop.
 */
import type { Token } from './markdown.js';
import { codeSpanLines, lineOffsetOf } from './source-lines.js';

/**
 * The text a reader sees in inline tokens: markers, emphasis and link targets dropped, code spans
 * and image descriptions kept, raw HTML (comments, `<br>`) dropped, and struck-through text
 * dropped, since the author retracted it (`~~❌ FAIL~~ ✅ FIXED`).
 */
export function plainText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  let struck = 0;
  for (const token of tokens) {
    if (token.type === 's_open') struck += 1;
    else if (token.type === 's_close') struck = Math.max(0, struck - 1);
    else if (struck === 0) parts.push(textOf(token));
  }
  return parts.join('');
}

/** One token's own text: '' for markup. */
function textOf(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'text_special':
    case 'code_inline':
      return token.content;
    case 'image':
      return plainText(token.children ?? []).replace(/\n/g, ' ');
    case 'softbreak':
    case 'hardbreak':
      return '\n';
    default:
      return '';
  }
}

/** One source line of a paragraph, as plain text. */
export interface InlineLine {
  line: number;
  text: string;
  /** The bold text the line starts with (`**Key**: value`), when it does. */
  bold?: string;
  /** Where the text after `bold` starts in `text`. */
  afterBold?: number;
}

/** An open `**…**` at the top level of a paragraph: where it began, and whether it began a line. */
interface OpenStrong {
  entry: InlineLine;
  startsLine: boolean;
  textStart: number;
  oneLine: boolean;
}

/**
 * Splits a paragraph (or heading) into its source lines as plain text; `firstLine` is the line of
 * its first one. Each token goes to the line it starts on (source-lines.ts), and each line records
 * whether it starts with bold text so `**Key**: value` can be told from a plain `key: value`.
 */
export function inlineLines(inline: Token, firstLine: number): InlineLine[] {
  const lines: InlineLine[] = [];
  // Whether a line has only whitespace so far, as a flag: trimming the growing line for every
  // token would be quadratic on a long line.
  const blank: boolean[] = [];
  const entryAt = (offset: number): InlineLine => {
    const entry = (lines[offset] ??= { line: firstLine + offset, text: '' });
    blank[offset] ??= true;
    return entry;
  };
  let depth = 0;
  let struck = 0;
  let strong: OpenStrong | undefined;
  for (const token of inline.children ?? []) {
    const offset = lineOffsetOf(token);
    const entry = entryAt(offset);
    if (token.type === 's_open' || token.type === 's_close') {
      struck = Math.max(0, struck + token.nesting);
      continue;
    }
    if (struck > 0) continue;
    if (token.nesting === 1) {
      if (depth === 0 && token.type === 'strong_open' && entry.bold === undefined)
        strong = { entry, startsLine: blank[offset] === true, textStart: entry.text.length, oneLine: true };
      depth += 1;
      continue;
    }
    if (token.nesting === -1) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && strong) {
        if (strong.startsLine && strong.oneLine && strong.entry === entry) {
          entry.bold = entry.text.slice(strong.textStart);
          entry.afterBold = entry.text.length;
        }
        strong = undefined;
      }
      continue;
    }
    const pieces = token.type === 'code_inline' ? codeSpanLines(token, inline.content) : [textOf(token)];
    if (pieces.length > 1 || pieces[0] === '\n') {
      if (strong) strong.oneLine = false;
      if (pieces[0] === '\n') continue;
    }
    pieces.forEach((piece, index) => {
      const at = offset + index;
      entryAt(at).text += piece;
      if (blank[at] && piece.trim() !== '') blank[at] = false;
    });
  }
  return lines.filter((entry): entry is InlineLine => entry !== undefined);
}
