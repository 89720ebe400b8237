/** Line offsets stamped on inline tokens (src/proof/source-lines.ts), on a bare markdown-it. */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { inlineSourceLines } from '../../../src/proof/source-lines.js';

/** The inline tokens of every paragraph, as `[text or, for other tokens, type, line offset]`. */
function stamped(md: MarkdownIt, text: string): [string, number][] {
  return md
    .parse(text, {})
    .filter((token) => token.type === 'inline')
    .flatMap((inline) =>
      (inline.children ?? []).map((child: Token): [string, number] => [
        child.type === 'text' || child.type === 'code_inline' ? child.content : child.type,
        child.map![0],
      ]),
    );
}

function lineStamping(): MarkdownIt {
  const md = new MarkdownIt();
  inlineSourceLines(md);
  return md;
}

describe('inline tokens carry the line they start on', () => {
  it('in a paragraph of several lines, with emphasis, code and links', () => {
    const text = 'one *two*\nthree `four`\n\n[five\nsix](u) seven\neight';
    expect(stamped(lineStamping(), text)).toEqual([
      ['one ', 0],
      ['em_open', 0],
      ['two', 0],
      ['em_close', 0],
      ['softbreak', 0],
      ['three ', 1],
      ['four', 1],
      ['link_open', 0],
      ['five', 0],
      ['softbreak', 0],
      ['six', 1],
      ['link_close', 1],
      [' seven', 1],
      ['softbreak', 1],
      ['eight', 2],
    ]);
  });

  it('when a rule makes a token past a line break and then one before it (the count goes back)', () => {
    // A rule of our own on `@`: a token where the next `@` is, then one right after this `@`.
    const md = lineStamping();
    md.inline.ruler.before('text', 'rewind', (state, silent) => {
      if (state.src.charCodeAt(state.pos) !== 0x40 || silent) return false;
      const far = state.src.indexOf('@', state.pos + 1);
      if (far === -1) return false;
      const start = state.pos;
      if (state.pending) state.pushPending();
      state.pos = far;
      state.push('far', '', 0);
      state.pos = start + 1;
      state.push('near', '', 0);
      return true;
    });
    expect(stamped(md, 'a @b\nc\nd@ e\nf')).toEqual([
      ['a ', 0],
      ['far', 2],
      ['near', 0],
      ['b', 0],
      ['softbreak', 0],
      ['c', 1],
      ['softbreak', 1],
      ['d@ e', 2],
      ['softbreak', 2],
      ['f', 3],
    ]);
  });

  it('on the line of the source where the token starts, for any paragraph of words and breaks', () => {
    // Words, each followed by a space or a line break: one paragraph, no blank line.
    const word = fc.tuple(
      fc.constantFrom('a', 'bb', '*c*', '`d`', '[e](f)', '**g h**'),
      fc.constantFrom(' ', '\n'),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), (words) => {
        const text = `x ${words.map(([text, after]) => text + after).join('')}`;
        const lines = text.split('\n').map((line) => line.trim());
        for (const [content, line] of stamped(lineStamping(), text)) {
          // Plain text tokens hold text of the line they are stamped with.
          if (/^[a-h ]+$/.test(content) && content.trim() !== '') {
            expect(lines[line]).toContain(content.trim());
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
