/**
 * The parser against the real proofs in __fixtures__: every file the proof globs match parses, and
 * the identity fields and the token are found where a human reading the file finds them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import type { ProofDocument } from '../../../src/model/proof.js';
import { firstField, parseProof } from '../../../src/proof/parse.js';
import { DEFAULT_OPTIONS } from './parse-helper.js';

const FIXTURES = join(process.cwd(), '__fixtures__');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const isProof = picomatch(DEFAULT_CONFIG.proof.globs, { nocase: true, dot: true });
const proofFiles = filesUnder(FIXTURES)
  .map((file) => relative(FIXTURES, file))
  .filter((file) =>
    isProof(
      file
        .split('/')
        .slice(file.startsWith('prs/') ? 3 : 1)
        .join('/'),
    ),
  )
  .sort();

function parseFixture(path: string): ProofDocument {
  return parseProof(readFileSync(join(FIXTURES, path), 'utf8'), DEFAULT_OPTIONS);
}

const value = (doc: ProofDocument, name: string) => firstField(doc, name)?.value;

describe('real proofs', () => {
  it('finds the proof files of the fixtures', () => {
    expect(proofFiles.length).toBeGreaterThanOrEqual(20);
  });

  it.each(proofFiles)('%s parses without warnings about its Markdown and yields fields', (path) => {
    const doc = parseFixture(path);
    expect(doc.fields.length).toBeGreaterThan(0);
    expect(doc.warnings.filter((w) => w.message.includes('Markdown'))).toEqual([]);
  });
});

interface Expected {
  path: string;
  session_id?: string;
  date: string;
  agent?: string;
  branch?: string;
  token: { kind: string; token?: string; path?: string; line: number };
}

const expectations: Expected[] = [
  {
    path: 'seed/PREHANDOVER-session-080-wave12-deploy.md',
    session_id: '080',
    date: '2026-03-01',
    agent: 'foreman-v2-agent v6.2.0',
    branch: 'copilot/deploy-ai-gateway-production',
    token: { kind: 'PASS', token: 'IAA-session-029-20260301-PASS', line: 115 },
  },
  {
    path: 'prs/maturion-isms-pr-743/head/.agent-workspace/foreman-v2/memory/PREHANDOVER-session-081-wave12-render-20260301.md',
    session_id: '081',
    date: '2026-03-01',
    agent: 'foreman-v2-agent v6.2.0',
    branch: 'copilot/update-deploy-mat-ai-gateway-workflow',
    token: { kind: 'PASS', token: 'IAA-session-030-20260301-PASS', line: 107 },
  },
  {
    path: 'prs/maturion-isms-pr-712/head/.agent-admin/prehandover/proof-session-027-governance-20260301.md',
    session_id: 'session-027-20260301',
    date: '2026-03-01',
    agent: 'governance-liaison-isms',
    branch: 'copilot/propagate-governance-changes-another-one',
    token: { kind: 'PASS', token: 'IAA-026-20260301-PASS', line: 175 },
  },
  {
    path: 'prs/maturion-isms-pr-861/head/.agent-admin/prehandover/PREHANDOVER_PROOF_session-042-20260303.md',
    session_id: 'session-042-20260303',
    date: '2026-03-03',
    agent: 'governance-liaison-isms',
    branch: 'copilot/verify-governance-ripple-yet-again',
    token: { kind: 'PENDING', line: 31 },
  },
  {
    path: 'prs/maturion-isms-pr-1122/head/.agent-workspace/foreman-v2/memory/PREHANDOVER-session-wave-node-ripple-20260316.md',
    session_id: 'session-wave-node-ripple-20260316',
    date: '2026-03-16',
    agent: 'foreman-v2-agent v6.2.0 (contract v2.7.0)',
    branch: 'copilot/update-node-supabase-cli-workflows',
    token: { kind: 'PENDING', token: 'IAA-session-wave-node-ripple-20260316-PENDING', line: 100 },
  },
  {
    path: 'prs/maturion-isms-pr-1666/head/.agent-admin/prehandover/proof-pr-1666-qa-rejection-package-20260518.md',
    date: '',
    token: {
      kind: 'PATH',
      path: '.agent-admin/assurance/iaa-wave-record-pr1666-qa-rejection-package-20260518.md',
      line: 8,
    },
  },
  {
    path: 'prs/maturion-isms-pr-1048/head/.agent-workspace/foreman-v2/memory/PREHANDOVER-session-wave16-2R-20260310.md',
    session_id: 'session-wave16-2R-20260310',
    date: '2026-03-10',
    agent: 'foreman-v2-agent v6.2.0',
    branch: 'copilot/implement-deferred-frontend-ux-gaps',
    token: { kind: 'PASS', token: 'IAA-session-wave16-2R-20260310-PASS', line: 10 },
  },
  {
    path: 'prs/maturion-isms-pr-297/head/PREHANDOVER_PROOF.md',
    date: '2026-02-16',
    agent: 'Foreman (foreman-isms)',
    token: { kind: 'MISSING', line: 0 },
  },
  {
    path: 'prs/maturion-isms-pr-580/head/.agent-admin/prehandover/proof-wave8-20260225.md',
    session_id: 'session-057-20260225',
    date: '2026-02-25',
    agent: 'foreman-v2-agent',
    token: { kind: 'PASS', token: 'IAA-WAVE8-20260225-PASS', line: 117 },
  },
  {
    path: 'prs/maturion-isms-pr-1334/head/.agent-workspace/foreman-v2/memory/PREHANDOVER-session-f-d3-002-pending-20260410.md',
    session_id: 'session-f-d3-002-pending-jwt-bearer-20260410',
    date: '2026-04-10',
    agent: 'foreman-v2-agent v6.2.0 (contract v2.10.0)',
    branch: 'copilot/f-d3-002-enforce-cs2-on-jwt-bearer',
    token: { kind: 'PASS', token: 'IAA-session-f-d3-002-pending-jwt-bearer-20260410-PASS', line: 145 },
  },
  {
    path: 'prs/maturion-isms-pr-1429/head/modules/MMM/12-phase4-ecap/PREHANDOVER.md',
    session_id: 'mmm-stage12-build-execution-20260420',
    date: '2026-04-26',
    agent: 'execution-ceremony-admin-agent v1.0.0',
    branch: 'copilot/mmm-stage-12-build-execution-evidence',
    token: { kind: 'PASS', token: 'IAA-session-mmm-stage12-build-execution-20260420-PASS', line: 45 },
  },
  {
    path: 'prs/maturion-isms-pr-856/head/.agent-workspace/foreman-v2/memory/PREHANDOVER-session-094-wave13addendum-20260303.md',
    session_id: '094',
    date: '2026-03-03',
    agent: 'foreman-v2-agent v6.2.0 (contract v2.5.0)',
    branch: 'copilot/fix-first-user-signup-auth-failure',
    token: { kind: 'PASS', token: 'IAA-session-094-20260303-PASS', line: 113 },
  },
];

describe.each(expectations)('$path', (expected) => {
  const doc = parseFixture(expected.path);

  it('finds the session id, date, agent and branch', () => {
    expect(value(doc, 'session_id')).toBe(expected.session_id);
    expect(value(doc, 'date') ?? '').toBe(expected.date);
    expect(value(doc, 'agent')).toBe(expected.agent);
    expect(value(doc, 'branch')).toBe(expected.branch);
  });

  it('finds the authoritative token', () => {
    expect(doc.token).toMatchObject(expected.token);
  });
});

describe('details of real proofs', () => {
  it('reads the IAA rounds of pr-712 in order: REJECT, PENDING, then PASS', () => {
    const doc = parseFixture(expectations[2]!.path);
    expect(doc.tokens.map((t) => [t.kind, t.line])).toEqual([
      ['REJECT', 84],
      ['PENDING', 138],
      ['PASS', 175],
    ]);
  });

  it('reads pr-1048 from its front matter and keeps the Markdown copy as a later occurrence', () => {
    const doc = parseFixture(expectations[6]!.path);
    expect(firstField(doc, 'session_id')).toMatchObject({ syntax: 'front-matter', line: 2 });
    expect(doc.fields.filter((f) => f.canonical === 'session_id').map((f) => f.line)).toEqual([2, 17]);
    // The checklist line "IAA audit token: PASS (token reference recorded …)" holds no token.
    expect(doc.tokens.map((t) => [t.kind, t.line])).toEqual([
      ['PASS', 10],
      ['MISSING', 186],
    ]);
  });

  it('reads the token file a PATH token of pr-1666 points at', () => {
    const doc = parseFixture(
      'prs/maturion-isms-pr-1666/head/.agent-admin/assurance/iaa-wave-record-pr1666-qa-rejection-package-20260518.md',
    );
    expect(doc.token).toMatchObject({
      kind: 'PASS',
      token: 'IAA-session-pr1666-20260518-PASS',
      line: 13,
      inferred: true,
    });
  });

  it('picks the issued token of a wave record, not the upstream ones it quotes', () => {
    const doc = parseFixture(
      'prs/maturion-isms-pr-1429/head/.agent-admin/assurance/iaa-wave-record-mmm-stage12-build-execution-20260420.md',
    );
    expect(doc.token).toMatchObject({
      token: 'IAA-session-mmm-stage12-build-execution-20260420-PASS',
      line: 403,
    });
  });

  it('reports the duplicate keys of the pr-1429 yaml block and still reads it', () => {
    const doc = parseFixture(expectations[10]!.path);
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]?.line).toBe(18);
    expect(doc.warnings[0]?.message).toContain('Map keys must be unique');
    expect(doc.fields.find((f) => f.key === 'foreman_session')).toMatchObject({
      syntax: 'yaml-block',
      line: 25,
    });
  });
});
