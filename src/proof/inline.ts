/**
 * Plain text of Markdown nodes, and the source lines of a paragraph as plain text. Both walk the
 * tree with an explicit stack: hostile input may nest emphasis or links thousands deep.
 */
import type { Nodes, Parent } from 'mdast';

const LINE_BREAK = /\r\n|\r|\n/;

/** The text a reader sees in `node`: markers, emphasis and link targets dropped, code spans kept. */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    switch (current.type) {
      case 'text':
      case 'inlineCode':
        parts.push(current.value);
        break;
      case 'image':
      case 'imageReference':
        parts.push(current.alt ?? '');
        break;
      case 'break':
        parts.push('\n');
        break;
      case 'html':
      case 'code':
      case 'yaml':
        // Raw HTML (comments, `<br>`) is not text a reader sees; code blocks are not inline text.
        break;
      case 'delete':
        // Struck-through text is retracted (`~~❌ FAIL~~ ✅ FIXED`): a reader does not take it as said.
        break;
      default:
        if ('children' in current) {
          for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
        }
    }
  }
  return parts.join('');
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

/**
 * Splits a paragraph (or heading) into its source lines as plain text. Lines come from node
 * positions, never from re-scanning the document, and each line records whether it starts with
 * bold text so `**Key**: value` can be told from a plain `key: value`.
 */
export function inlineLines(parent: Parent): InlineLine[] {
  const first = parent.position?.start.line ?? 1;
  const lines: InlineLine[] = [];
  // Whether a line has only whitespace so far, as a flag: trimming the growing line for every
  // child would be quadratic on a long line.
  const blank: boolean[] = [];
  const indexOf = (line: number) => {
    const index = Math.max(0, line - first);
    if (!lines[index]) {
      lines[index] = { line: first + index, text: '' };
      blank[index] = true;
    }
    return index;
  };
  let cursor = first;
  for (const child of parent.children as Nodes[]) {
    const start = child.position?.start.line ?? cursor;
    const pieces = plainText(child).split(LINE_BREAK);
    const opening = indexOf(start);
    const startsLine = blank[opening] === true;
    pieces.forEach((piece, offset) => {
      const index = indexOf(start + offset);
      (lines[index] as InlineLine).text += piece;
      if (blank[index] && piece.trim() !== '') blank[index] = false;
    });
    const entry = lines[opening] as InlineLine;
    if (child.type === 'strong' && startsLine && pieces.length === 1 && entry.bold === undefined) {
      entry.bold = pieces[0];
      entry.afterBold = entry.text.length;
    }
    cursor = start + pieces.length - 1;
  }
  return lines.filter((entry): entry is InlineLine => entry !== undefined);
}
