/** The line bounds: only lines past a bound are emptied, and line numbers never move. */
import fc from 'fast-check';
import { boundPathologicalLines } from '../../../src/proof/nesting.js';
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../../../src/proof/markdown.js';

/** Lines covered by a paragraph that sits in a block quote or list item. */
function containerParagraphLines(root: Root): Set<number> {
  const lines = new Set<number>();
  const visit = (node: Nodes, inContainer: boolean): void => {
    if (node.type === 'paragraph' && inContainer && node.position) {
      for (let l = node.position.start.line; l <= node.position.end.line; l += 1) lines.add(l);
    }
    const nested = inContainer || node.type === 'blockquote' || node.type === 'listItem';
    if ('children' in node) for (const child of node.children) visit(child, nested);
  };
  visit(root, false);
  return lines;
}

const bound = (lines: string[], maxDepth = 2, maxLazyLines = 3) =>
  boundPathologicalLines(lines.join('\n'), { maxDepth, maxLazyLines });

describe('nesting', () => {
  it('counts bullets, ordered markers, block quotes and task boxes, but not emphasis', () => {
    const lines = ['- > 1. [x] - x', '*_*_ x', '12) > + y', '1.5 x', '    - indented'];
    expect(bound(lines).skipped).toEqual([
      { line: 1, reason: 'nesting', depth: 3 },
      { line: 3, reason: 'nesting', depth: 3 },
    ]);
  });

  it('handles CRLF line ends and a last line without a newline', () => {
    const { text, skipped } = boundPathologicalLines('a\r\n- - - x\r\nb', { maxDepth: 2 });
    expect(skipped).toEqual([{ line: 2, reason: 'nesting', depth: 3 }]);
    expect(text).toBe('a\r\n\nb');
  });
});

describe('lazy continuation', () => {
  it('blanks the line after the bound in a quoted paragraph continued without >', () => {
    const { skipped } = bound(['> quoted', 'a', 'b', 'c', 'd', 'e']);
    expect(skipped).toEqual([{ line: 5, reason: 'lazy' }]);
  });

  it('counts list continuations only when indented less than the item content', () => {
    expect(bound(['10. item', '    a', '    b', '    c', '    d', '    e']).skipped).toEqual([]);
    expect(bound(['10. item', '  a', '  b', '  c', '  d']).skipped).toEqual([{ line: 5, reason: 'lazy' }]);
  });

  it('restarts the count on a blank line, a new container line or a block that ends the paragraph', () => {
    expect(bound(['> q', 'a', 'b', 'c', '', 'd', 'e', 'f', 'g']).skipped).toEqual([]);
    expect(bound(['> q', 'a', 'b', 'c', '> r', 'd', 'e', 'f']).skipped).toEqual([]);
    expect(bound(['> q', 'a', 'b', 'c', '## H', 'd', 'e', 'f', 'g']).skipped).toEqual([]);
    expect(bound(['- q', 'a', 'b', '| x | y |', '|---|---|', '| 1 | 2 |', '| 3 | 4 |']).skipped).toEqual([]);
  });

  it('does not count after an empty item or a fence in a quote (no paragraph to continue)', () => {
    expect(bound(['- ', 'a', 'b', 'c', 'd']).skipped).toEqual([]);
    expect(bound(['> ```', 'a', 'b', 'c', 'd']).skipped).toEqual([]);
  });

  // Not generated: indented code, after which micromark will not start a list at `10.` even past a
  // blank line. The bound then over-counts, which can only blank a line of a 100-line run.
  it('counts only lines micromark continues lazily: each is inside a quoted or listed paragraph', () => {
    const line = fc.constantFrom(
      '> q',
      '- item',
      '10. n',
      '> - x',
      '- > y',
      'text',
      '  indented',
      '',
      '## h',
      '```',
      '---',
      '| a | b |',
      '|---|---|',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        // With a bound of 0, the first line counted after each container line is reported.
        // A first line `---` would open YAML front matter, which this bound does not model.
        const doc = ['intro', '', ...lines];
        const { skipped } = bound(doc, 100, 0);
        const inContainerParagraph = containerParagraphLines(parseMarkdown(doc.join('\n')));
        for (const { line: number } of skipped)
          expect([number, inContainerParagraph.has(number)]).toEqual([number, true]);
      }),
      { numRuns: 500 },
    );
  });
});

it('empties exactly the lines it reports, keeping every other line and the line count', () => {
  const line = fc.oneof(
    fc
      .constantFrom('- ', '> ', '1. ', '- [ ] ', '  ', '* ')
      .chain((unit) => fc.integer({ min: 0, max: 8 }).map((n) => `${unit.repeat(n)}text`)),
    fc.constantFrom('', 'plain', '  plain', '# h'),
    fc.string({ maxLength: 12 }).filter((s) => !s.includes('\n')),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (lines, max) => {
      const { text, skipped } = bound(lines, max, max);
      const out = text.split('\n');
      expect(out).toHaveLength(Math.max(lines.length, 1));
      const blanked = new Set(skipped.map((s) => s.line));
      lines.forEach((original, i) => expect(out[i]).toBe(blanked.has(i + 1) ? '' : original));
    }),
    { numRuns: 300 },
  );
});

it('a blanked lazy line really ends the paragraph: what follows is no longer in the quote', () => {
  const { text } = bound(['> q', 'a', 'b', 'c', 'd', 'e']);
  const root = parseMarkdown(text);
  expect(root.children.map((node) => node.type)).toEqual(['blockquote', 'paragraph']);
});
