/** Hostile and broken input: the parser reports problems as warnings and never throws. */
import fc from 'fast-check';
import { firstField, parseProof } from '../../../src/proof/parse.js';
import { MAX_BLOCK_LEVEL, MAX_QUOTE_DEPTH } from '../../../src/proof/depth-bounds.js';
import { DEFAULT_OPTIONS, parseLines } from './parse-helper.js';

describe('never throws', () => {
  it('for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const doc = parseProof(text, DEFAULT_OPTIONS);
        expect(Array.isArray(doc.fields)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('for Markdown-shaped noise', () => {
    const piece = fc.constantFrom(
      '# ',
      '## IAA ',
      '- ',
      '- [x] ',
      '> ',
      '| a | b |\n|---|---|\n',
      '```yaml\n',
      '```\n',
      '---\n',
      '**',
      '*',
      '`',
      'iaa_audit_token: ',
      'IAA-s-1-PASS',
      'PENDING',
      ': ',
      '&a ',
      '*a ',
      '[',
      ']',
      '\n',
      '\n\n',
      'text ',
      '    ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const doc = parseProof(pieces.join(''), DEFAULT_OPTIONS);
        expect(['PASS', 'PENDING', 'REJECT', 'ADVISORY', 'PATH', 'MISSING']).toContain(doc.token.kind);
      }),
      { numRuns: 300 },
    );
  });
});

/** A list is two levels of nesting (the list and its item), a block quote one. */
const MAX_LISTS = MAX_BLOCK_LEVEL / 2 - 1;
/** Block quotes have a lower bound of their own: each one scans lazy lines again. */
const MAX_QUOTES = MAX_QUOTE_DEPTH;
const TOO_DEEP = `nested more than ${MAX_BLOCK_LEVEL} levels deep`;
const TOO_MANY_QUOTES = `inside more than ${MAX_QUOTE_DEPTH} block quotes`;

describe('deep nesting', () => {
  it('reads a field at the bottom of the most nested lists one line may open', () => {
    const doc = parseProof(`${'- '.repeat(MAX_LISTS)}**Agent**: deep`, DEFAULT_OPTIONS);
    expect(firstField(doc, 'agent')?.value).toBe('deep');
    expect(doc.warnings).toEqual([]);
  });

  it('reads a token at the bottom of the most nested blockquotes one line may open', () => {
    const doc = parseProof(
      `# IAA\n\n${'>'.repeat(MAX_QUOTES)} iaa_audit_token: IAA-s-1-PASS`,
      DEFAULT_OPTIONS,
    );
    expect(doc.token).toMatchObject({ kind: 'PASS', line: 3, underIaaHeading: true });
  });

  it('skips a list one level deeper than the bound, saying which line', () => {
    const doc = parseProof(
      `**Date**: 2026-03-05\n\n${'- '.repeat(MAX_LISTS + 1)}**Agent**: deep`,
      DEFAULT_OPTIONS,
    );
    expect(firstField(doc, 'agent')).toBeUndefined();
    expect(firstField(doc, 'date')?.value).toBe('2026-03-05');
    expect(doc.warnings).toEqual([{ message: expect.stringContaining(TOO_DEEP), line: 3 }]);
  });

  it('skips a line opening 5,000 lists or block quotes, says which, and reads the rest', () => {
    const text = [
      '**Agent**: foreman',
      `${'- '.repeat(5000)}**Session ID**: hidden`,
      `${'> '.repeat(5000)}deep quote`,
      '**Date**: 2026-03-05',
    ].join('\n\n');
    const doc = parseProof(text, DEFAULT_OPTIONS);
    expect(firstField(doc, 'agent')?.value).toBe('foreman');
    expect(firstField(doc, 'date')).toMatchObject({ value: '2026-03-05', line: 7 });
    expect(firstField(doc, 'session_id')).toBeUndefined();
    expect(doc.warnings).toEqual([
      { message: expect.stringContaining(TOO_DEEP), line: 3 },
      { message: expect.stringContaining(TOO_MANY_QUOTES), line: 5 },
    ]);
  });

  it('skips a block quote inside the deepest quotes read, and reads what encloses it', () => {
    const quote = (depth: number, text: string) => `${'> '.repeat(depth)}${text}`;
    const doc = parseProof(
      [
        quote(MAX_QUOTES, '**Agent**: deepest read'),
        quote(MAX_QUOTES, ''),
        quote(MAX_QUOTES + 1, '**Session ID**: hidden'),
        quote(MAX_QUOTES + 1, 'still hidden'),
        quote(MAX_QUOTES, ''),
        quote(MAX_QUOTES, '**Date**: 2026-03-05'),
      ].join('\n'),
      DEFAULT_OPTIONS,
    );
    expect(firstField(doc, 'agent')?.value).toBe('deepest read');
    expect(firstField(doc, 'session_id')).toBeUndefined();
    expect(firstField(doc, 'date')).toMatchObject({ value: '2026-03-05', line: 6 });
    expect(doc.warnings).toEqual([{ message: `lines 3–4 not read: ${TOO_MANY_QUOTES}`, line: 3 }]);
  });

  it('counts the block quotes around a line, whatever lists stand between them', () => {
    const opens = Array.from({ length: MAX_QUOTES + 1 }, (_, i) => (i % 2 === 0 ? '> - ' : '> ')).join('');
    const doc = parseProof(`**Date**: 2026-03-05\n\n${opens}**Agent**: deep`, DEFAULT_OPTIONS);
    expect(firstField(doc, 'agent')).toBeUndefined();
    expect(doc.warnings).toEqual([{ message: expect.stringContaining(TOO_MANY_QUOTES), line: 3 }]);
  });

  it('survives 5,000 nested emphasis markers and 5,000-deep task lists', () => {
    expect(() => parseProof(`${'*_'.repeat(5000)}x${'_*'.repeat(5000)}`, DEFAULT_OPTIONS)).not.toThrow();
    // After a task box the rest of the line is the item's text (GFM), so this is one item.
    const flat = parseProof(`- [x] first\n\n${'- [x] '.repeat(5000)}done`, DEFAULT_OPTIONS);
    expect(flat.checklist.map((item) => [item.line, item.text.slice(0, 11)])).toEqual([
      [1, 'first'],
      [3, '- [x] - [x]'],
    ]);
    expect(flat.warnings).toEqual([]);
    const tasks = parseProof(`- [x] first\n\n${'- '.repeat(5000)}[x] done`, DEFAULT_OPTIONS);
    expect(tasks.checklist.length).toBeGreaterThan(0);
    expect(tasks.warnings).toHaveLength(1);
  });
});

describe('broken YAML', () => {
  it('reports invalid front matter as a warning and still reads its key lines', () => {
    const doc = parseLines('---', 'session_id: 080', 'session_id: 081', 'title: a: b', '---', '# Proof');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({ line: 1 });
    expect(doc.warnings[0]?.message).toMatch(/^front matter is not valid YAML/);
    expect(firstField(doc, 'session_id')).toMatchObject({ value: '080', line: 2, syntax: 'front-matter' });
  });

  it('refuses an alias bomb', () => {
    const names = 'abcdefghij';
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < names.length; i++) {
      const previous = `*${names[i - 1]}`;
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(previous).join(', ')}]`);
    }
    const doc = parseLines('```yaml', ...lines, '```');
    expect(doc.warnings[0]?.message).toContain('Excessive alias count');
    expect(doc.fields.find((f) => f.key === 'j')?.value).toBe('&j [*i, *i, *i, *i, *i, *i, *i, *i, *i]');
  });

  it('reports YAML nested too deep to read instead of overflowing', () => {
    const doc = parseLines('```yaml', `k: ${'['.repeat(20000)}${']'.repeat(20000)}`, '```');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]?.message).toMatch(/^yaml block is not valid YAML/);
    expect(doc.warnings[0]?.message).toContain('nested too deeply to read (over 200 levels)');
  });
});

describe('long input', () => {
  it('bounds the token search on a very long token line', () => {
    const doc = parseProof(`iaa_audit_token: ${'IAA-'.repeat(250_000)}`, DEFAULT_OPTIONS);
    expect(doc.token.kind).toBe('MISSING');
  });

  it('matches the IAA heading pattern on the start of a very long heading', () => {
    const doc = parseProof(`# IAA ${'x '.repeat(500_000)}\n\niaa_audit_token: IAA-1-PASS`, DEFAULT_OPTIONS);
    expect(doc.token).toMatchObject({ kind: 'PASS', underIaaHeading: true });
  });

  it('keeps a long run of underscores in a table header linear', () => {
    const doc = parseProof(`| ${'_'.repeat(200_000)} | b |\n|---|---|\n| c | d |`, DEFAULT_OPTIONS);
    expect(doc.tables[0]?.keys).toEqual(['', 'b']);
  });
});

describe('bad options', () => {
  it('falls back to the default token pattern when the configured one is not a regex', () => {
    const doc = parseProof('iaa_audit_token: IAA-s-1-PASS', { ...DEFAULT_OPTIONS, tokenPattern: '(' });
    expect(doc.token).toMatchObject({ kind: 'PASS', token: 'IAA-s-1-PASS' });
    expect(doc.warnings[0]?.message).toMatch(/^invalid token pattern/);
  });
});
