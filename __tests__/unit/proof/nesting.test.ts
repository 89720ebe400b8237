/** The per-line nesting bound: only lines over it are emptied, and line numbers never move. */
import fc from 'fast-check';
import { blankDeeplyNestedLines } from '../../../src/proof/nesting.js';

it('counts bullets, ordered markers, block quotes and task boxes, but not emphasis or rules', () => {
  const lines = ['- > 1. [x] - x', '* * *x', '*_*_ x', '12) > + y', '1.5 x', '    - indented'];
  const { skipped } = blankDeeplyNestedLines(lines.join('\n'), 2);
  expect(skipped).toEqual([
    { line: 1, depth: 3 },
    { line: 4, depth: 3 },
  ]);
});

it('empties exactly the lines over the bound, keeping every other line and the line count', () => {
  const line = fc.oneof(
    fc
      .constantFrom('- ', '> ', '1. ', '- [ ] ', '  ', '* ')
      .chain((unit) => fc.integer({ min: 0, max: 8 }).map((n) => `${unit.repeat(n)}text`)),
    fc.string({ maxLength: 12 }).filter((s) => !s.includes('\n')),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (lines, max) => {
      const { text, skipped } = blankDeeplyNestedLines(lines.join('\n'), max);
      const out = text.split('\n');
      expect(out).toHaveLength(Math.max(lines.length, 1));
      const blanked = new Set(skipped.map((s) => s.line));
      lines.forEach((original, i) => expect(out[i]).toBe(blanked.has(i + 1) ? '' : original));
      for (const s of skipped) expect(s.depth).toBeGreaterThan(max);
    }),
    { numRuns: 300 },
  );
});

it('handles CRLF line ends and a last line without a newline', () => {
  const { text, skipped } = blankDeeplyNestedLines('a\r\n- - - x\r\nb', 2);
  expect(skipped).toEqual([{ line: 2, depth: 3 }]);
  expect(text).toBe('a\r\n\nb');
});
