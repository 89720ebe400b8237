/** Sections, checklists, tables, code blocks and text lines, with their source lines. */
import { parseLines } from './parse-helper.js';

describe('sections', () => {
  it('records each heading with its depth, line and end line', () => {
    const doc = parseLines('# Proof', 'intro', '## A', 'a', '### A.1', 'a1', '## B', 'b', '');
    expect(doc.sections).toEqual([
      { heading: 'Proof', depth: 1, line: 1, endLine: 9 },
      { heading: 'A', depth: 2, line: 3, endLine: 6 },
      { heading: 'A.1', depth: 3, line: 5, endLine: 6 },
      { heading: 'B', depth: 2, line: 7, endLine: 9 },
    ]);
  });

  it('keeps heading text without its markup', () => {
    expect(parseLines('## **IAA** `Audit` Token').sections[0]?.heading).toBe('IAA Audit Token');
  });
});

describe('checklist', () => {
  it('reads GFM task list items with their state, line and headings', () => {
    const doc = parseLines(
      '## OPOJD Gate',
      '',
      '- [x] Zero test failures',
      '- [ ] Zero skipped tests',
      '- plain item',
    );
    expect(doc.checklist).toEqual([
      { text: 'Zero test failures', checked: true, line: 3, headings: ['OPOJD Gate'] },
      { text: 'Zero skipped tests', checked: false, line: 4, headings: ['OPOJD Gate'] },
    ]);
  });

  it('keeps an item to its own text, not its nested items', () => {
    const doc = parseLines('- [x] Evidence', '  - [ ] nested detail');
    expect(doc.checklist.map((item) => [item.text, item.checked, item.line])).toEqual([
      ['Evidence', true, 1],
      ['nested detail', false, 2],
    ]);
  });
});

describe('tables', () => {
  it('reads every table as rows of cells named by normalised header, with a line per row', () => {
    const doc = parseLines(
      '## Builder Deliverables',
      '',
      '| Builder | Task | **Status** |',
      '|---|---|---|',
      '| api-builder | Deploy `ECS` | DELIVERED — QP: PASS |',
      '| qa-builder | CWT job | ❌ FAIL |',
    );
    expect(doc.tables).toEqual([
      {
        headers: ['Builder', 'Task', 'Status'],
        keys: ['builder', 'task', 'status'],
        rows: [
          {
            cells: { builder: 'api-builder', task: 'Deploy ECS', status: 'DELIVERED — QP: PASS' },
            values: ['api-builder', 'Deploy ECS', 'DELIVERED — QP: PASS'],
            line: 5,
          },
          {
            cells: { builder: 'qa-builder', task: 'CWT job', status: '❌ FAIL' },
            values: ['qa-builder', 'CWT job', '❌ FAIL'],
            line: 6,
          },
        ],
        line: 3,
        headings: ['Builder Deliverables'],
      },
    ]);
  });

  it('names a short row’s missing cells empty', () => {
    const doc = parseLines('| A | B |', '|---|---|', '| only |');
    expect(doc.tables[0]?.rows[0]?.cells).toEqual({ a: 'only', b: '' });
  });
});

describe('code blocks', () => {
  it('records language, content and the line of the opening fence', () => {
    const doc = parseLines('# Evidence', '', '```bash', 'npm test', '```', '', '~~~', 'plain', '~~~');
    expect(doc.codeBlocks).toEqual([
      { lang: 'bash', value: 'npm test', line: 3, headings: ['Evidence'] },
      { lang: '', value: 'plain', line: 7, headings: ['Evidence'] },
    ]);
  });

  it('keeps content line i at line + 1 + i, also for an indented block', () => {
    const doc = parseLines('Text', '', '    first', '    second');
    const block = doc.codeBlocks[0];
    expect(block?.value.split('\n')).toEqual(['first', 'second']);
    expect((block?.line ?? 0) + 1).toBe(3);
  });
});

describe('text lines', () => {
  it('gives the plain text of paragraph, list and quote lines with their headings', () => {
    const doc = parseLines(
      '## QP Verdict',
      '> QP EVALUATION — api-builder:',
      '>   100% GREEN tests: ✅',
      '>',
      '> QP VERDICT: PASS',
      '',
      '**OPOJD: PASS**',
      '',
      '- [x] Evidence: 557/559 tests GREEN',
    );
    expect(doc.textLines).toEqual([
      { text: 'QP EVALUATION — api-builder:', line: 2, headings: ['QP Verdict'] },
      { text: '100% GREEN tests: ✅', line: 3, headings: ['QP Verdict'] },
      { text: 'QP VERDICT: PASS', line: 5, headings: ['QP Verdict'] },
      { text: 'OPOJD: PASS', line: 7, headings: ['QP Verdict'] },
      { text: 'Evidence: 557/559 tests GREEN', line: 9, headings: ['QP Verdict'] },
    ]);
  });

  it('drops struck-through text, which the author retracted', () => {
    const doc = parseLines(
      '| Finding | Status |',
      '|---|---|',
      '| F-1 | ~~❌ FAIL~~ ✅ FIXED |',
      '',
      'Verdict: ~~FAIL~~ PASS',
    );
    expect(doc.tables[0]?.rows[0]?.cells['status']).toBe('✅ FIXED');
    expect(doc.textLines.map((t) => t.text)).toEqual(['Verdict: PASS']);
  });

  it('leaves tables, code and headings out', () => {
    const doc = parseLines('# Heading', '| A |', '|---|', '| cell |', '', '```', 'code', '```');
    expect(doc.textLines).toEqual([]);
  });

  it('counts lines after front matter and across Windows line endings', () => {
    const doc = parseLines(
      '---',
      'a: 1',
      '---',
      '',
      'first line\r',
      'second line\r',
      '**Date**: 2026-03-01\r',
    );
    expect(doc.textLines.map((t) => [t.text, t.line])).toEqual([
      ['first line', 5],
      ['second line', 6],
      ['Date: 2026-03-01', 7],
    ]);
    expect(doc.fields.find((f) => f.canonical === 'date')).toMatchObject({ value: '2026-03-01', line: 7 });
  });
});
