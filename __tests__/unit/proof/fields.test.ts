/** Field syntaxes, key normalisation and synonyms (SPEC §3 "Proof fields", §8.3, §8.4). */
import { firstField, normaliseKey, parseProof } from '../../../src/proof/parse.js';
import { DEFAULT_OPTIONS, parseLines } from './parse-helper.js';

const only = (lines: string[]) => {
  const doc = parseLines(...lines);
  return doc.fields.map(({ key, canonical, value, line, syntax }) => ({
    key,
    canonical,
    value,
    line,
    syntax,
  }));
};

describe('normaliseKey', () => {
  it.each([
    ['Session ID', 'session_id'],
    ['IAA Audit Token', 'iaa_audit_token'],
    ['iaa_audit_token (expected reference)', 'iaa_audit_token'],
    ['iaa_audit_token (expected reference):', 'iaa_audit_token'],
    ['**Agent:**', 'agent'],
    ['`Branch`', 'branch'],
    ['PR-Branch', 'pr_branch'],
    ['  Producing   Agent  ', 'producing_agent'],
    ['Date:', 'date'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseKey(raw)).toBe(expected);
  });
});

describe('field syntaxes', () => {
  it('reads each row of a | Field | Value | table, with the row line', () => {
    expect(only(['| Field | Value |', '|---|---|', '| Session ID | 080 |', '| Date | 2026-03-01 |'])).toEqual(
      [
        { key: 'session_id', canonical: 'session_id', value: '080', line: 3, syntax: 'table' },
        { key: 'date', canonical: 'date', value: '2026-03-01', line: 4, syntax: 'table' },
      ],
    );
  });

  it.each([
    ['Key', 'Value'],
    ['Item', 'Value'],
    ['Property', 'Value'],
  ])('reads a | %s | %s | table as fields', (left, right) => {
    const doc = parseLines(`| ${left} | ${right} |`, '|---|---|', '| Branch | copilot/x |');
    expect(firstField(doc, 'branch')).toMatchObject({ value: 'copilot/x', syntax: 'table', line: 3 });
  });

  it('does not read tables of other shapes as fields', () => {
    const doc = parseLines('| Check | Result |', '|---|---|', '| Branch | PASS |');
    expect(doc.fields).toEqual([]);
    expect(doc.tables).toHaveLength(1);
  });

  it.each([
    ['**Agent**: foreman-v2-agent', 'bold'],
    ['**Agent:** foreman-v2-agent', 'bold'],
    ['- **Agent**: foreman-v2-agent', 'bold'],
    ['> **Agent**: foreman-v2-agent', 'bold'],
    ['Agent: foreman-v2-agent', 'key-value'],
    ['- Agent: foreman-v2-agent', 'key-value'],
    ['`agent: foreman-v2-agent`', 'key-value'],
    ['## Agent: foreman-v2-agent', 'heading'],
  ])('reads %j', (markdown, syntax) => {
    expect(only(['# Proof', '', markdown])).toEqual([
      { key: 'agent', canonical: 'agent', value: 'foreman-v2-agent', line: 3, syntax },
    ]);
  });

  it('reads consecutive bold lines of one paragraph, with and without hard breaks', () => {
    const doc = parseLines('**Agent**: a  ', '**Session**: 027  ', '**Date**: 2026-03-01', '**Branch**: b');
    expect(doc.fields.map((f) => [f.canonical, f.value, f.line])).toEqual([
      ['agent', 'a', 1],
      ['session_id', '027', 2],
      ['date', '2026-03-01', 3],
      ['branch', 'b', 4],
    ]);
  });

  it('strips backticks and emphasis from values', () => {
    const doc = parseLines('**Date**: `2026-03-01`', '**Agent**: *foreman*', '**Branch**: **copilot/x**');
    expect(doc.fields.map((f) => f.value)).toEqual(['2026-03-01', 'foreman', 'copilot/x']);
  });

  it('does not read prose, URLs or times as fields', () => {
    const doc = parseLines(
      'The foreman wrote no code in this wave at all: every change was delegated.',
      '',
      'See https://example.com/x for details.',
      '',
      'Start at 11:25:10',
    );
    expect(doc.fields).toEqual([]);
    expect(doc.textLines).toHaveLength(3);
  });

  it('reads YAML front matter with its lines, keeping scalars as written', () => {
    expect(
      only(['---', 'session_id: 080', 'date: 2026-03-01', 'agent_version: "foreman v6"', '---', '# T']),
    ).toEqual([
      { key: 'session_id', canonical: 'session_id', value: '080', line: 2, syntax: 'front-matter' },
      { key: 'date', canonical: 'date', value: '2026-03-01', line: 3, syntax: 'front-matter' },
      { key: 'agent_version', canonical: 'agent', value: 'foreman v6', line: 4, syntax: 'front-matter' },
    ]);
  });

  it('reads the top-level keys of a fenced yaml block, list values as items', () => {
    const doc = parseLines(
      '## Delegation',
      '```yaml',
      'agents_delegated_to:',
      '  - api-builder',
      '  - qa-builder',
      'wave: 8',
      'inline: [a, b]',
      '```',
    );
    expect(
      doc.fields.map(({ key, value, items, line, syntax, fence, headings }) => ({
        key,
        value,
        items,
        line,
        syntax,
        fence,
        headings,
      })),
    ).toEqual([
      {
        key: 'agents_delegated_to',
        value: 'api-builder, qa-builder',
        items: ['api-builder', 'qa-builder'],
        line: 3,
        syntax: 'yaml-block',
        fence: 'yaml',
        headings: ['Delegation'],
      },
      {
        key: 'wave',
        value: '8',
        items: undefined,
        line: 6,
        syntax: 'yaml-block',
        fence: 'yaml',
        headings: ['Delegation'],
      },
      {
        key: 'inline',
        value: 'a, b',
        items: ['a', 'b'],
        line: 7,
        syntax: 'yaml-block',
        fence: 'yaml',
        headings: ['Delegation'],
      },
    ]);
  });

  it('shows list items that are one-entry maps as written', () => {
    const doc = parseLines(
      '```yaml',
      'agents_delegated_to:',
      '  - api-builder: wired the deploy job',
      '  - qa-builder: CWT',
      '```',
    );
    expect(doc.fields[0]?.items).toEqual(['api-builder: wired the deploy job', 'qa-builder: CWT']);
  });

  it('reads no ordinary field from an untyped fence, but reads the token key there', () => {
    const doc = parseLines('```', 'branch: copilot/x', 'iaa_audit_token: IAA-session-1-20260301-PASS', '```');
    expect(doc.fields.map(({ key, line, fence }) => ({ key, line, fence }))).toEqual([
      { key: 'iaa_audit_token', line: 3, fence: '' },
    ]);
    expect(doc.token).toMatchObject({ kind: 'PASS', token: 'IAA-session-1-20260301-PASS', line: 3 });
  });

  it('reads the token key in a JSON fence', () => {
    const doc = parseLines(
      '```json',
      '{',
      '  "iaa_audit_token": "IAA-s-1-REJECT",',
      '  "branch": "x"',
      '}',
      '```',
    );
    expect(doc.fields.map((f) => [f.key, f.value])).toEqual([['iaa_audit_token', 'IAA-s-1-REJECT']]);
  });

  it('records the headings enclosing each field, outermost first', () => {
    const doc = parseLines('# Proof', '## Identity', '### Details', '**Agent**: a', '## Other', 'Wave: 3');
    expect(doc.fields.map((f) => [f.key, f.headings])).toEqual([
      ['agent', ['Proof', 'Identity', 'Details']],
      ['wave', ['Proof', 'Other']],
    ]);
  });
});

describe('synonyms', () => {
  it.each([
    ['Producing Agent', 'agent'],
    ['agent_id', 'agent'],
    ['Issue Reference', 'issue'],
    ['Triggering Issue', 'issue'],
    ['PR Branch', 'branch'],
    ['IAA Token', 'iaa_audit_token'],
  ])('maps %j to %s', (key, canonical) => {
    expect(parseLines(`**${key}**: x`).fields[0]?.canonical).toBe(canonical);
  });

  it('leaves a near key that is not a synonym without a canonical name, keeping it as written', () => {
    expect(parseLines('**Prepared by**: someone').fields[0]).toMatchObject({
      key: 'prepared_by',
      rawKey: 'Prepared by',
    });
    expect(parseLines('**Prepared by**: someone').fields[0]?.canonical).toBeUndefined();
  });

  it('uses the configured synonyms', () => {
    const doc = parseProof('**Prepared by**: someone', {
      ...DEFAULT_OPTIONS,
      synonyms: { agent: ['Prepared by'] },
    });
    expect(firstField(doc, 'agent')?.value).toBe('someone');
  });
});

describe('firstField', () => {
  it('returns the first occurrence (SPEC §8.3)', () => {
    const doc = parseLines(
      '| Field | Value |',
      '|---|---|',
      '| Date | 2026-03-01 |',
      '',
      '*Date: 2026-04-01*',
    );
    expect(firstField(doc, 'date')).toMatchObject({ value: '2026-03-01', line: 3 });
  });

  it('lets an empty occurrence give way to the first one with a value', () => {
    const doc = parseLines('**Date**:', '', '- **Date**: 2026-03-01');
    expect(firstField(doc, 'date')).toMatchObject({ value: '2026-03-01', line: 3 });
    expect(firstField(parseLines('**Date**:'), 'date')).toMatchObject({ value: '', line: 1 });
  });

  it('finds a field that is no canonical name by its key', () => {
    expect(firstField(parseLines('merge_gate_parity: PASS'), 'merge_gate_parity')?.value).toBe('PASS');
  });

  it('returns undefined when the field is absent', () => {
    expect(firstField(parseLines('# Nothing here'), 'branch')).toBeUndefined();
  });
});
