/**
 * The parser on the hostile shapes of docs/benchmarks.md: each is read completely and every fact
 * keeps its source line (what is asserted here); how long it takes grows linearly with the size
 * (what `npm run bench -- hostile` measures). Only nesting past the bound is skipped, and said.
 */
import fc from 'fast-check';
import { MAX_IMAGE_DEPTH } from '../../../src/proof/depth-bounds.js';
import { firstField, parseProof } from '../../../src/proof/parse.js';
import { DEFAULT_OPTIONS, parseLines } from './parse-helper.js';

const parse = (text: string) => parseProof(text, DEFAULT_OPTIONS);

describe('containers', () => {
  it('reads 4,000 sibling block quotes and nested lists, each line where it is', () => {
    const text = Array.from({ length: 4000 }, (_, i) => `> q${i}\n\n- - n${i}\n`).join('\n');
    const doc = parse(text);
    expect(doc.textLines).toHaveLength(8000);
    expect(doc.textLines.every((t, i) => t.line === 2 * i + 1)).toBe(true);
    expect(doc.textLines.at(-1)).toMatchObject({ text: 'n3999', line: 15_999 });
    expect(doc.warnings).toEqual([]);
  });

  it('reads a quoted paragraph continued lazily for 100,000 lines to its last line', () => {
    const doc = parse(`> quoted\n${'more text\n'.repeat(100_000)}**Date**: 2026-03-05`);
    expect(doc.textLines).toHaveLength(100_002);
    expect(firstField(doc, 'date')).toMatchObject({ value: '2026-03-05', line: 100_002 });
    expect(doc.warnings).toEqual([]);
  });

  it('skips a block nested past the bound up to its next blank line, and reads on', () => {
    const deep = `${'- '.repeat(5000)}a`;
    const doc = parseLines(
      '**Agent**: foreman',
      '',
      deep,
      `${' '.repeat(10_000)}b`,
      '',
      '**Date**: 2026-03-05',
    );
    expect(doc.warnings).toEqual([
      { message: expect.stringMatching(/^lines 3–4 not read: nested/), line: 3 },
    ]);
    expect(firstField(doc, 'agent')?.value).toBe('foreman');
    expect(firstField(doc, 'date')).toMatchObject({ value: '2026-03-05', line: 6 });
  });

  // Every line of text carries the number of its own line (`w7` on line 7): whatever the
  // containers, lazy lines, code spans or fences around it, it must be read on that line.
  it('reads every text line on its own source line, in generated container-heavy Markdown', () => {
    const line = fc.constantFrom(
      '- W',
      '  - W',
      '- - W',
      '> W',
      '> - W',
      '- > W',
      '>> W',
      '1. W',
      '10) W',
      '   W',
      'W',
      '',
      '| W | x |',
      '|---|---|',
      '- [x] W',
      '```',
      '    W',
      '**Key**: W',
      'a `W',
      'W` b',
      '<b>W</b>',
      '[W](',
      '/u) W',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.map((l, i) => l.replace('W', `w${i + 1}`)).join('\n');
        const doc = parse(text);
        for (const { text: lineText, line: number } of doc.textLines)
          for (const [, n] of lineText.matchAll(/w(\d+)/g))
            expect([lineText, Number(n)]).toEqual([lineText, number]);
        for (const field of doc.fields)
          for (const [, n] of field.value.matchAll(/w(\d+)/g)) expect(Number(n)).toBe(field.line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('YAML', () => {
  it('reads a yaml fence of 20,000 keys, each on its line, and finds a repeated one', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `key_${i}: value ${i}`);
    const doc = parseLines('```yaml', ...keys, '```');
    expect(doc.fields).toHaveLength(20_000);
    expect(doc.fields.at(-1)).toMatchObject({ key: 'key_19999', value: 'value 19999', line: 20_001 });
    expect(doc.warnings).toEqual([]);
    const repeated = parseLines('---', ...keys, 'key_7: again', '---');
    expect(repeated.warnings).toEqual([
      { message: expect.stringContaining('Map keys must be unique'), line: 1 },
    ]);
    expect(repeated.fields).toHaveLength(20_001);
  });
});

describe('inline runs', () => {
  it('pairs emphasis however many pairs a paragraph holds', () => {
    const doc = parse(`${'**a** '.repeat(5000).trim()}\n\n**Agent**: foreman`);
    expect(doc.textLines[0]?.text === 'a '.repeat(5000).trim()).toBe(true);
    expect(firstField(doc, 'agent')).toMatchObject({ value: 'foreman', syntax: 'bold' });
  });

  it('reads a paragraph of 40,000 emphasis markers as markers, and pairs the next paragraph', () => {
    const doc = parse(`${'_*'.repeat(20_000)}\n\n**Agent**: foreman`);
    // Booleans, not the 40,000-character text, so a failure stays readable.
    expect(/^[_*]{1000,}$/.test(doc.textLines[0]?.text ?? '')).toBe(true);
    expect(firstField(doc, 'agent')).toMatchObject({ value: 'foreman', line: 3, syntax: 'bold' });
  });

  it('drops 10,000 struck-through words and keeps the rest', () => {
    expect(parse('~~a~~ b '.repeat(10_000)).textLines[0]?.text === 'b '.repeat(10_000).trim()).toBe(true);
  });

  it('keeps 50,000 unclosed brackets as text', () => {
    const brackets = `${'['.repeat(50_000)}a`;
    expect(parse(brackets).textLines[0]?.text === brackets).toBe(true);
  });

  it('reads image descriptions nested past the bound as text, and the lines after them', () => {
    const nested = (n: number) => `${'!['.repeat(n)}a${'](u)'.repeat(n)}`;
    expect(parse(nested(MAX_IMAGE_DEPTH)).textLines[0]?.text).toBe('a');
    const deep = parse(`${nested(5000)}\n\n**Agent**: foreman`);
    expect(deep.textLines[0]?.text).toMatch(/^!\[!\[.*a\]\(u\)/);
    expect(firstField(deep, 'agent')).toMatchObject({ value: 'foreman', line: 3 });
  });
});
