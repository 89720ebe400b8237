/**
 * The GFM rules the parser adds to markdown-it (task list items, YAML front matter) and how it
 * reads inline text: as GitHub reads them, with every fact on its own source line.
 */
import { firstField } from '../../../src/proof/parse.js';
import { parseLines } from './parse-helper.js';

const checklistOf = (...lines: string[]) =>
  parseLines(...lines).checklist.map((item) => [item.line, item.checked, item.text]);

describe('task list items', () => {
  it('reads [ ], [x] and [X] followed by a space or a tab and text, or by a line break', () => {
    expect(checklistOf('- [ ] a', '- [x] b', '- [X]\tc', '- [x]', '  continued')).toEqual([
      [1, false, 'a'],
      [2, true, 'b'],
      [3, true, 'c'],
      [4, true, 'continued'],
    ]);
  });

  it('needs text after the box, a box of one character, and the start of the item', () => {
    expect(checklistOf('- [x]', '', '- [x] ', '', '- [xx] a', '', '- a [x] b', '', '[x] no list')).toEqual(
      [],
    );
    expect(parseLines('- [x]').textLines.map((t) => t.text)).toEqual(['[x]']);
  });

  it('reads the box before links: a [x] reference definition does not turn it into a link', () => {
    expect(checklistOf('- [x] done', '', '[x]: https://example.com')).toEqual([[1, true, 'done']]);
  });

  it('reads a field written after the box', () => {
    const doc = parseLines('- [x] **Agent**: foreman-v2-agent');
    expect(firstField(doc, 'agent')).toMatchObject({ value: 'foreman-v2-agent', line: 1, syntax: 'bold' });
  });

  it('reads boxes in ordered, nested and quoted lists, not in a later paragraph of the item', () => {
    expect(
      checklistOf('1. [x] one', '   - [ ] nested', '> - [x] quoted', '', '- intro', '', '  [x] later'),
    ).toEqual([
      [1, true, 'one'],
      [2, false, 'nested'],
      [3, true, 'quoted'],
    ]);
  });
});

describe('front matter', () => {
  it('reads YAML between --- lines at the very start, with the lines of its keys', () => {
    const doc = parseLines('---  ', 'session_id: 080', 'agent: foreman', '---', '# Proof');
    expect(doc.fields.map((f) => [f.key, f.value, f.line, f.syntax])).toEqual([
      ['session_id', '080', 2, 'front-matter'],
      ['agent', 'foreman', 3, 'front-matter'],
    ]);
    expect(doc.sections[0]).toMatchObject({ heading: 'Proof', line: 5 });
  });

  it('is not front matter without its closing line, nor anywhere but the first line', () => {
    expect(parseLines('---', 'session_id: 080').fields.map((f) => f.syntax)).toEqual(['key-value']);
    // Further down, `---` is a thematic break, or underlines a heading.
    const later = parseLines('', '---', 'session_id: 080', '---');
    expect(later.fields.map((f) => [f.syntax, f.line])).toEqual([['heading', 3]]);
  });

  it('needs exactly three dashes on both lines', () => {
    expect(parseLines('----', 'a: 1', '----').fields.map((f) => f.syntax)).not.toContain('front-matter');
    expect(parseLines('---', 'a: 1', '----').fields.map((f) => f.syntax)).not.toContain('front-matter');
    expect(parseLines('---', '---', 'a: 1').fields.map((f) => [f.syntax, f.line])).toEqual([
      ['key-value', 3],
    ]);
  });
});

describe('inline text on its source lines', () => {
  it('puts each line of a code span that spans lines on its own line', () => {
    const doc = parseLines('Result: `first half', 'second half` done', 'Agent: foreman');
    expect(doc.textLines.map((t) => [t.line, t.text])).toEqual([
      [1, 'Result: first half'],
      [2, 'second half done'],
      [3, 'Agent: foreman'],
    ]);
    expect(firstField(doc, 'agent')?.line).toBe(3);
  });

  it('keeps lines exact after a link destination or raw HTML that spans lines', () => {
    const doc = parseLines(
      'See [the log](',
      '/log.md) here',
      '<span',
      'title="x">tag</span>',
      'Date: 2026-03-01',
    );
    expect(doc.textLines.map((t) => [t.line, t.text])).toEqual([
      [1, 'See the log'],
      [2, 'here'],
      [4, 'tag'],
      [5, 'Date: 2026-03-01'],
    ]);
  });

  it('tells a bold key at the start of a line from bold text later on the line or across lines', () => {
    const doc = parseLines('**Agent**: foreman', 'Note **Date**: x', '**Branch', 'name**: main');
    expect(doc.fields.map((f) => [f.key, f.line, f.syntax])).toEqual([
      ['agent', 1, 'bold'],
      ['note_date', 2, 'key-value'],
      ['name', 4, 'key-value'],
    ]);
  });

  it('drops struck-through text and keeps image descriptions and decoded entities', () => {
    const doc = parseLines('Status: ~~FAIL~~ ![passed](badge.svg) &amp; \\*done\\*');
    expect(doc.textLines.map((t) => t.text)).toEqual(['Status: passed & *done*']);
  });
});
