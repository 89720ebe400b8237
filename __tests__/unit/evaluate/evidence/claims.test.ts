/**
 * Which paths of a real proof are claims (SPEC §9.1, §9.2), read from verbatim excerpts of merged
 * proofs (__fixtures__/evidence/README.md names each one's PR and commit).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../../../src/config/defaults.js';
import { fileClaims } from '../../../../src/evaluate/evidence/file-claims.js';
import { hashClaims } from '../../../../src/evaluate/evidence/hash-claims.js';
import { readWrittenPath } from '../../../../src/evaluate/evidence/paths.js';
import { parseOptionsFrom, parseProof } from '../../../../src/proof/parse.js';

const excerpt = (name: string) =>
  parseProof(
    readFileSync(join(process.cwd(), '__fixtures__/evidence', name), 'utf8'),
    parseOptionsFrom(DEFAULT_CONFIG),
  );
const seed = () =>
  parseProof(
    readFileSync(join(process.cwd(), '__fixtures__/seed/PREHANDOVER-session-080-wave12-deploy.md'), 'utf8'),
    parseOptionsFrom(DEFAULT_CONFIG),
  );
const claimed = (name: string) =>
  fileClaims(excerpt(name)).map((c) => (c.written.kind === 'path' ? c.written.path : c.written.name));

describe('readWrittenPath: one repository path, or nothing', () => {
  it.each([
    [
      'apps/mat-ai-gateway/ecs-task-def.json',
      { kind: 'path', path: 'apps/mat-ai-gateway/ecs-task-def.json' },
    ],
    ['./docs/guide.md', { kind: 'path', path: 'docs/guide.md' }],
    ['app/(dashboard)/[id]/page.tsx', { kind: 'path', path: 'app/(dashboard)/[id]/page.tsx' }],
    ['src/app.ts:42', { kind: 'path', path: 'src/app.ts' }],
    ['ecs-task-def.json', { kind: 'bare', name: 'ecs-task-def.json' }],
    ['apps/web/Dockerfile', { kind: 'path', path: 'apps/web/Dockerfile' }],
    [
      'supabase/functions/invoke-ai-parse-criteria/',
      { kind: 'skip', reason: 'directory', path: 'supabase/functions/invoke-ai-parse-criteria/' },
    ],
    [
      '/home/runner/work/repo/proof.md',
      { kind: 'skip', reason: 'absolute', path: '/home/runner/work/repo/proof.md' },
    ],
    ['../other-repo/README.md', { kind: 'skip', reason: 'relative', path: '../other-repo/README.md' }],
    [
      'APGI-cmy/maturion-foreman-governance:governance/canon/X.md',
      expect.objectContaining({ reason: 'other-repository' }),
    ],
  ])('%s', (text, expected) => {
    expect(readWrittenPath(text)).toEqual(expected);
  });

  it.each([
    'foreman-v2-agent v6.2.0',
    '559/559',
    'v1.6.4',
    'PASS/FAIL',
    'governance/canon/<file>.md',
    '.agent-workspace/governance-liaison-isms-agent/memory/session-030-*.md',
    'https://github.com/APGI-cmy/maturion-isms/pull/743',
    'DELIVERED — QP: PASS',
    'e.g.',
  ])('%s is not a path', (text) => {
    const written = readWrittenPath(text);
    expect(written === undefined || written.kind === 'skip').toBe(true);
  });
});

describe('fileClaims: the path cell and its row status, from real proofs', () => {
  it('reads the seed: the workflow (changed) and the task definition, claimed New (PR #743)', () => {
    const claims = fileClaims(seed());
    expect(claims.map((c) => [c.written, c.saysCreated, c.line])).toEqual([
      [{ kind: 'path', path: '.github/workflows/deploy-mat-ai-gateway.yml' }, false, 91],
      [{ kind: 'path', path: 'apps/mat-ai-gateway/ecs-task-def.json' }, true, 92],
      // The bundle checklist's session memory, the subject after "Session memory:".
      [
        { kind: 'path', path: '.agent-workspace/foreman-v2/memory/session-080-wave12-deploy-20260301.md' },
        false,
        99,
      ],
    ]);
  });

  it('skips the left side of an old → new mapping table (PR #1456)', () => {
    expect(claimed('mapping-old-new.md')).toEqual([
      '.github/workflows/deploy-mmm-ai-gateway.yml',
      '.github/workflows/deploy-mmm-edge-functions.yml',
    ]);
  });

  it('skips a section that lists files not delivered, of another repository (PR #875)', () => {
    expect(claimed('not-layered-down.md')).toEqual([]);
  });

  it('skips forward references ("awaiting Foreman commit") and reads the delivered rows (PR #1565)', () => {
    const claims = claimed('forward-reference.md');
    // 18 delivered rows; row 18 names its file twice (the bare name in the Deliverable column too).
    expect(claims).toHaveLength(19);
    expect(claims).toContain('wave-current-tasks.md');
    expect(claims).toContain('.admin/prs/pr-1565.json');
    expect(claims.filter((p) => p.includes('execution-ceremony-admin-agent/bundles'))).toEqual([]);
  });

  it('reads "✅ Created (NEW)" as created, "✅ Updated" as not (PR #1565)', () => {
    const created = fileClaims(excerpt('forward-reference.md')).filter((c) => c.saysCreated);
    expect(created.map((c) => c.written)).toEqual([
      { kind: 'path', path: 'modules/MMM/11-build/wave-execution-standard.md' },
      { kind: 'path', path: '.admin/prs/pr-1565.json' },
      { kind: 'path', path: '.agent-admin/scope-declarations/pr-1565.md' },
    ]);
  });

  it('skips directories and cells that only mention a directory (PR #1182)', () => {
    expect(claimed('directories.md')).toEqual([
      'modules/mat/frontend/src/components/criteria/CriteriaUpload.tsx',
      'modules/mat/frontend/src/pages/CriteriaManagementPage.tsx',
      'modules/mat/frontend/src/lib/hooks/useCriteria.ts',
    ]);
  });

  it('skips inventory tables: "Added" there is an inventory entry, not a file (PR #1431)', () => {
    expect(claimed('inventory-tables.md')).toEqual([]);
  });

  it('keeps package-relative paths and bare names as written, for resolution (PR #544, #1622)', () => {
    expect(claimed('package-relative.md')).toContain(
      'src/__tests__/adapters/OpenAIAdapter.embeddings.test.ts',
    );
    expect(fileClaims(excerpt('version-bumps.md')).map((c) => c.written.kind)).toEqual([
      'bare',
      'path',
      'bare',
      'bare',
      'path',
      'path',
    ]);
  });

  it('skips a row "to be created" and a glob, keeps "✅ Created" (PR #739)', () => {
    const claims = fileClaims(excerpt('created-earlier.md'));
    expect(claims.map((c) => [c.written.kind === 'path' && c.written.path, c.saysCreated])).toEqual([
      ['packages/ai-centre/src/agents/maturion-advisor.md', true],
      ['packages/ai-centre/src/__tests__/personas/PersonaLoader.test.ts', false],
      ['governance/aimc/AIMC_PERSONA_LIFECYCLE.md', false],
      ['.agent-workspace/foreman-v2/memory/PREHANDOVER-session-079-wave-CL1-20260301.md', false],
    ]);
  });
});

describe('hashClaims: a path paired with 64 hex digits', () => {
  it('reads a path / action / SHA-256 table, leaving inventory rows to governance/alignment (PR #1196)', () => {
    expect(
      hashClaims(excerpt('stale-hashes.md')).map((c) => [c.written, c.sha256.slice(0, 8), c.line]),
    ).toEqual([
      [{ kind: 'path', path: 'governance/canon/GOVERNANCE_WATCHDOG_CANON.md' }, '0ae44a6f', 5],
      [{ kind: 'path', path: 'governance/canon/GOVERNANCE_CANON_MANIFEST.md' }, 'ede3270a', 6],
      [{ kind: 'path', path: 'governance/sync_state.json' }, '565ce07a', 9],
    ]);
  });

  it('reads a sha256sum line in a code block (PR #308)', () => {
    expect(hashClaims(excerpt('empty-input-hash.md'))).toEqual([
      {
        written: { kind: 'path', path: 'src/lib/hooks/useAuditMetrics.ts' },
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        line: 4,
      },
    ]);
  });

  it('ignores hashes quoted next to the canon inventory (PR #1431)', () => {
    expect(hashClaims(excerpt('inventory-tables.md'))).toEqual([]);
  });
});
