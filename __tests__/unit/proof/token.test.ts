/** IAA token occurrences and the authoritative token (SPEC §3, §8.5). */
import type { TokenOccurrence } from '../../../src/model/proof.js';
import { parseProof } from '../../../src/proof/parse.js';
import { chooseAuthoritativeToken, classifyTokenValue } from '../../../src/proof/token.js';
import { DEFAULT_OPTIONS, parseLines } from './parse-helper.js';

const pattern = new RegExp(DEFAULT_OPTIONS.tokenPattern);

describe('classifying a token value', () => {
  it.each([
    ['IAA-session-029-20260301-PASS', 'PASS', 'IAA-session-029-20260301-PASS'],
    ['IAA-025-20260301-REJECT', 'REJECT', 'IAA-025-20260301-REJECT'],
    ['IAA-025-20260301-REJECTION', 'REJECT', 'IAA-025-20260301-REJECTION'],
    ['IAA-025-20260301-REJECTED (see rejection package)', 'REJECT', 'IAA-025-20260301-REJECTED'],
    ['IAA-025-20260301-FAIL', 'REJECT', 'IAA-025-20260301-FAIL'],
    [
      'IAA-session-wave-node-ripple-20260316-REJECT-R1',
      'REJECT',
      'IAA-session-wave-node-ripple-20260316-REJECT',
    ],
    [
      'IAA-session-wave-node-ripple-20260316-PENDING',
      'PENDING',
      'IAA-session-wave-node-ripple-20260316-PENDING',
    ],
    ['IAA-wave5-20260220-PHASE_A_ADVISORY', 'ADVISORY', 'IAA-wave5-20260220-PHASE_A_ADVISORY'],
    ['ASSURANCE-TOKEN — IAA-026-20260301-PASS', 'PASS', 'IAA-026-20260301-PASS'],
  ])('%j is %s', (value, kind, token) => {
    expect(classifyTokenValue(value, pattern)).toEqual({ kind, token, value });
  });

  it.each(['PENDING', 'PENDING — third IAA invocation in progress', 'Pending IAA review', '⏳ PENDING'])(
    '%j is PENDING because its first word is PENDING',
    (value) => {
      expect(classifyTokenValue(value, pattern)).toEqual({ kind: 'PENDING', value });
    },
  );

  it('reads a value that starts with a path as PATH, ignoring the prose after it', () => {
    const value = '.agent-admin/assurance/iaa-token-session-029-20260301.md (committed separately)';
    expect(classifyTokenValue(value, pattern)).toEqual({
      kind: 'PATH',
      path: '.agent-admin/assurance/iaa-token-session-029-20260301.md',
      value,
    });
  });

  it('reads a token inside a file name as the path to read', () => {
    const value = '.agent-admin/assurance/IAA-session-1-PASS.md';
    expect(classifyTokenValue(value, pattern)).toMatchObject({ kind: 'PATH', path: value });
  });

  it.each([
    'N/A',
    'see below',
    'PASS (token reference recorded at commit time)',
    'https://example.com/token.md',
    '',
  ])('%j is MISSING, kept to be quoted', (value) => {
    expect(classifyTokenValue(value, pattern)).toEqual({ kind: 'MISSING', value });
  });
});

describe('the authoritative token', () => {
  it('is the last concrete one through REJECT → PENDING → PASS rounds', () => {
    const doc = parseLines(
      '## IAA Agent Response',
      '`iaa_audit_token: IAA-025-20260301-REJECT`',
      '',
      '`iaa_audit_token: PENDING — re-invocation in progress`',
      '',
      '`iaa_audit_token: IAA-026-20260301-PASS`',
    );
    expect(doc.tokens.map((t) => t.kind)).toEqual(['REJECT', 'PENDING', 'PASS']);
    expect(doc.token).toMatchObject({ kind: 'PASS', token: 'IAA-026-20260301-PASS', line: 6 });
  });

  it('is PENDING when no concrete token follows the PENDING', () => {
    const doc = parseLines(
      '## IAA',
      'iaa_audit_token: IAA-025-20260301-REJECT',
      '',
      'iaa_audit_token: PENDING',
    );
    expect(doc.token).toMatchObject({ kind: 'PENDING', value: 'PENDING', line: 4, underIaaHeading: true });
  });

  it('prefers a token under an IAA heading to a later one elsewhere', () => {
    const doc = parseLines(
      '## IAA Audit Token',
      'iaa_audit_token: IAA-session-2-PASS',
      '## Appendix: earlier rounds',
      'iaa_audit_token: IAA-session-1-REJECT',
    );
    expect(doc.token).toMatchObject({ token: 'IAA-session-2-PASS', underIaaHeading: true, line: 2 });
  });

  it('does not let a PENDING under an IAA heading outrank a concrete token that follows it', () => {
    const doc = parseLines(
      '## IAA Audit',
      'iaa_audit_token: PENDING',
      '## Final',
      'iaa_audit_token: IAA-s-3-PASS',
    );
    expect(doc.token).toMatchObject({ kind: 'PASS', line: 4 });
  });

  it('never counts the word PENDING in prose', () => {
    const doc = parseLines(
      '## IAA Audit',
      'The IAA token is PENDING until the audit is re-invoked.',
      '',
      'Status: PENDING',
      '',
      '- [x] IAA audit token recorded: PENDING',
    );
    expect(doc.tokens).toEqual([]);
    expect(doc.token).toEqual({ kind: 'MISSING', value: '', line: 0, underIaaHeading: false });
  });

  it('is the last MISSING occurrence when nothing else is there, quoting its value', () => {
    const doc = parseLines('iaa_audit_token: TBD', '', '**IAA Audit Token**: to be recorded');
    expect(doc.token).toMatchObject({ kind: 'MISSING', value: 'to be recorded', line: 3 });
  });

  it('is a PATH when the token line names the token file', () => {
    const doc = parseLines('iaa_audit_token: .agent-admin/assurance/iaa-wave-record-pr1-20260518.md');
    expect(doc.token).toMatchObject({
      kind: 'PATH',
      path: '.agent-admin/assurance/iaa-wave-record-pr1-20260518.md',
      line: 1,
    });
  });

  it('follows the configured token pattern', () => {
    const doc = parseProof('iaa_audit_token: ASSURE/7/PASS', {
      ...DEFAULT_OPTIONS,
      tokenPattern: 'ASSURE/\\d+/(PASS|FAIL)',
    });
    expect(doc.token).toMatchObject({ kind: 'PASS', token: 'ASSURE/7/PASS' });
  });

  it('chooses among occurrences without looking at anything else', () => {
    const at = (kind: TokenOccurrence['kind'], line: number, underIaaHeading = false): TokenOccurrence => ({
      kind,
      value: kind,
      line,
      underIaaHeading,
    });
    expect(chooseAuthoritativeToken([at('PASS', 1, true), at('REJECT', 2)])).toEqual(at('PASS', 1, true));
    expect(chooseAuthoritativeToken([at('PASS', 1), at('REJECT', 2)])).toEqual(at('REJECT', 2));
    expect(chooseAuthoritativeToken([at('MISSING', 1), at('PENDING', 2), at('MISSING', 3)])).toEqual(
      at('PENDING', 2),
    );
    expect(chooseAuthoritativeToken([at('MISSING', 1), at('MISSING', 3)])).toEqual(at('MISSING', 3));
  });
});

describe('documents without an iaa_audit_token key (IAA token files)', () => {
  it('take the token from a token key line under an IAA heading, marked inferred', () => {
    const doc = parseLines(
      '# IAA Wave Record — PR #1666',
      '## TOKEN',
      'PR: #1666',
      'PHASE_B_BLOCKING_TOKEN: IAA-session-pr1666-20260518-PASS',
      'Verdict: PASS',
    );
    expect(doc.token).toEqual({
      kind: 'PASS',
      token: 'IAA-session-pr1666-20260518-PASS',
      value: 'IAA-session-pr1666-20260518-PASS',
      line: 4,
      underIaaHeading: true,
      inferred: true,
    });
  });

  it('read token references inside a pasted IAA response', () => {
    const doc = parseLines(
      '# IAA ASSURANCE-TOKEN',
      '```',
      'All checks PASS.',
      'Token reference: IAA-w16-20260310-PASS',
      '```',
    );
    expect(doc.token).toMatchObject({
      kind: 'PASS',
      token: 'IAA-w16-20260310-PASS',
      line: 4,
      inferred: true,
    });
  });

  it('ignore prose and tokens outside IAA sections', () => {
    const doc = parseLines(
      '# Session Memory',
      '## IAA Learning Notes',
      'Use the template IAA-session-NNN-YYYYMMDD-PASS next time.',
      '## Prior Sessions',
      'Token reference: IAA-session-9-PASS',
    );
    expect(doc.tokens).toEqual([]);
  });

  it('do not apply when the key is present, even with no token in it', () => {
    const doc = parseLines(
      '# IAA Audit',
      'iaa_audit_token: to be issued',
      'Token reference: IAA-session-9-PASS',
    );
    expect(doc.token).toMatchObject({ kind: 'MISSING', value: 'to be issued' });
    expect(doc.tokens).toHaveLength(1);
  });
});
