/**
 * The evidence rules through the whole evaluation (SPEC §9): a PR held in memory whose proof carries
 * a verbatim excerpt of a real proof (__fixtures__/evidence), with the PR's files, head tree,
 * commits, issues and check runs as data. What a user sees: the state, the finding, its line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../../src/config/types.js';
import { evaluate } from '../../../../src/evaluate/evaluate.js';
import type { Evaluation, Finding } from '../../../../src/model/results.js';
import { goodForemanPr, result } from '../../../helpers/evaluate-pr.js';
import { configWith, type InMemoryPr } from '../../../helpers/in-memory-pr.js';
import { PROOF_PATH, proofText } from '../../../helpers/proofs.js';

const excerpt = (name: string) => readFileSync(join(process.cwd(), '__fixtures__/evidence', name), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A passing foreman PR whose proof also carries `extra` (an excerpt of a real proof). */
function prWith(extra: string): InMemoryPr {
  const pr = goodForemanPr({ extra: `\n${extra}\n` });
  pr.issues.set('octo/repo#900', 'issue');
  pr.checks = ['CI / build-and-test'];
  return pr;
}

const evaluateWith = (pr: InMemoryPr, config: Config = configWith()): Promise<Evaluation> =>
  evaluate(pr.pullRequest(), pr.reader(), config, { evidence: pr.evidence() });

function evidenceFindings(evaluation: Evaluation): Finding[] {
  return result(evaluation, 'prehandover-proof-check').findings.filter((f) =>
    f.configKey?.startsWith('evidence.'),
  );
}

/** The 1-based line of the proof holding `text`. */
function lineOf(pr: InMemoryPr, text: string): number {
  const proof = pr.files.get(PROOF_PATH)?.content ?? '';
  return proof.split('\n').findIndex((line) => line.includes(text)) + 1;
}

const withVerify = (verify: Config['evidence']['verify']) =>
  configWith({ evidence: { ...configWith().evidence, verify } });

describe('delivered files (SPEC §9.1)', () => {
  it('passes when every claimed file is changed by the PR or present at head', async () => {
    const pr = prWith(excerpt('package-relative.md'));
    for (const path of [
      'packages/ai-centre/src/types/index.ts',
      'packages/ai-centre/src/__tests__/adapters/OpenAIAdapter.embeddings.test.ts',
      'packages/ai-centre/src/__tests__/memory/MemoryLifecycle.rag.test.ts',
      'packages/ai-centre/src/__tests__/integration/wave5-cst.test.ts',
      'packages/ai-centre/src/adapters/OpenAIAdapter.ts',
      'packages/ai-centre/src/memory/MemoryLifecycle.ts',
    ])
      pr.change(path, 'export {};\n');
    pr.atHead('packages/ai-centre/supabase/migrations/003_ai_knowledge.sql', 'create table t();\n');
    const evaluation = await evaluateWith(pr);
    // Package-relative paths (`src/__tests__/…`) name the one changed file that ends with them (PR #544).
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('success');
    expect(evidenceFindings(evaluation).filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  it('fails on a claimed file the PR never contained, naming it on its row (PR #1376)', async () => {
    const pr = prWith(excerpt('never-committed.md'));
    for (const line of excerpt('never-committed.md').matchAll(/`([^`]+\.(?:ts|sql|md))`/g)) {
      if (!line[1]?.includes('PersonaLoader.validation')) pr.change(line[1] as string, 'x\n');
    }
    const evaluation = await evaluateWith(pr);
    const proof = result(evaluation, 'prehandover-proof-check');
    expect(proof.state).toBe('failure');
    expect(proof.description).toBe(
      'packages/ai-centre/src/__tests__/personas/PersonaLoader.validation.test.ts is listed as delivered under "Bundle Completeness" but does not exist at head',
    );
    expect(proof.findings).toContainEqual({
      severity: 'failure',
      message: proof.description,
      file: PROOF_PATH,
      line: lineOf(pr, 'PersonaLoader.validation.test.ts'),
      configKey: 'evidence.verify',
    });
  });

  it('fails on a file its row says was created that the PR does not change (PR #739)', async () => {
    const pr = prWith(excerpt('created-earlier.md'))
      .atHead('packages/ai-centre/src/agents/maturion-advisor.md', '# Maturion advisor\n')
      .change('packages/ai-centre/src/__tests__/personas/PersonaLoader.test.ts', {
        status: 'modified',
        content: 'x\n',
      })
      .change('governance/aimc/AIMC_PERSONA_LIFECYCLE.md', { status: 'modified', content: '# lifecycle\n' })
      .atHead(
        '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-079-wave-CL1-20260301.md',
        '# old proof\n',
      );
    const evaluation = await evaluateWith(pr);
    expect(evidenceFindings(evaluation).filter((f) => f.severity === 'failure')).toEqual([
      expect.objectContaining({
        message:
          'packages/ai-centre/src/agents/maturion-advisor.md is claimed as created/new under "Artifact Manifest" but this PR does not add or modify it: it exists at head unchanged',
        line: lineOf(pr, 'maturion-advisor.md` | ✅ Created'),
      }),
    ]);
  });

  it('skips the left side of a rename mapping, and checks the new names (PR #1456)', async () => {
    const pr = prWith(excerpt('mapping-old-new.md'))
      .change('.github/workflows/deploy-mmm-ai-gateway.yml', {
        status: 'renamed',
        previousPath: '.github/workflows/deploy-mat-ai-gateway.yml',
        content: 'on: push\n',
      })
      .change('.github/workflows/deploy-mmm-edge-functions.yml', {
        status: 'renamed',
        previousPath: '.github/workflows/deploy-mat-edge-functions.yml',
        content: 'on: push\n',
      });
    expect(evidenceFindings(await evaluateWith(pr)).filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  it('skips forward references, directories, "NOT layered down" files and inventory rows (PRs #1565, #1182, #875, #1431)', async () => {
    const pr = prWith(
      [excerpt('not-layered-down.md'), excerpt('directories.md'), excerpt('inventory-tables.md')].join('\n'),
    );
    for (const path of [
      'modules/mat/frontend/src/components/criteria/CriteriaUpload.tsx',
      'modules/mat/frontend/src/pages/CriteriaManagementPage.tsx',
      'modules/mat/frontend/src/lib/hooks/useCriteria.ts',
    ])
      pr.atHead(path, 'export {};\n');
    const evaluation = await evaluateWith(pr);
    expect(evidenceFindings(evaluation).filter((f) => f.severity !== 'notice')).toEqual([]);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('success');
  });

  it('resolves agent-relative paths and bare names only to a single file (PR #1622)', async () => {
    const pr = prWith(excerpt('version-bumps.md'));
    const knowledge = (agent: string, name: string) => `.agent-workspace/${agent}/knowledge/${name}`;
    pr.change(knowledge('independent-assurance-agent', 'iaa-category-overlays.md'), '# overlays\n')
      .change(knowledge('independent-assurance-agent', 'index.md'), '# index\n')
      .change(knowledge('root-cause-corrective-action-agent', 'rca-trigger-checklist.md'), '# checklist\n')
      .change(knowledge('root-cause-corrective-action-agent', 'rca-operating-guidance.md'), '# guidance\n')
      .change(knowledge('root-cause-corrective-action-agent', 'index.md'), '# index\n');
    // qa-builder's index is not in this PR and not at head: that one claim is false.
    const evaluation = await evaluateWith(pr);
    expect(
      evidenceFindings(evaluation)
        .filter((f) => f.severity === 'failure')
        .map((f) => f.message),
    ).toEqual([
      'qa-builder/knowledge/index.md is listed as delivered under "Version Bumps" but does not exist at head',
    ]);
  });

  it('under warn, a false claim is a warning and the check passes; under off, nothing is looked up', async () => {
    const pr = prWith(excerpt('never-committed.md'));
    const warned = await evaluateWith(pr, withVerify('warn'));
    expect(result(warned, 'prehandover-proof-check').state).toBe('success');
    expect(
      evidenceFindings(warned).some(
        (f) => f.severity === 'warning' && f.message.includes('EpisodicMemoryAdapter.ts'),
      ),
    ).toBe(true);
    pr.lookups.length = 0;
    const off = await evaluateWith(pr, withVerify('off'));
    expect(evidenceFindings(off)).toEqual([]);
    expect(pr.lookups).toEqual([]);
  });

  it('reports a related proof’s false claims as warnings on its own lines', async () => {
    const related = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-089-wave14-20260304.md';
    const pr = prWith('').change(
      related,
      proofText({ sessionId: '089', date: '2026-03-04', extra: `\n${excerpt('never-committed.md')}\n` }),
    );
    const evaluation = await evaluateWith(pr);
    const proof = result(evaluation, 'prehandover-proof-check');
    expect(proof.state).toBe('success');
    expect(proof.findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        file: related,
        message: expect.stringMatching(
          /^Related proof PREHANDOVER-session-089-wave14-20260304\.md: .*EpisodicMemoryAdapter\.ts is listed as delivered/,
        ),
      }),
    );
  });

  it('says what it could not look up when the source has no head tree (a fixture)', async () => {
    const pr = prWith(excerpt('directories.md'));
    pr.unavailable.set('tree', 'a recorded fixture holds only the changed files');
    const evaluation = await evaluateWith(pr);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('success');
    expect(evidenceFindings(evaluation)).toContainEqual(
      expect.objectContaining({
        severity: 'notice',
        message: expect.stringMatching(
          /^3 delivered file\(s\) the PR does not change were not looked up at head \(a recorded fixture holds only the changed files\)/,
        ),
      }),
    );
  });
});

describe('stated SHA-256 (SPEC §9.2)', () => {
  const CANON = 'governance/canon/GOVERNANCE_WATCHDOG_CANON.md';
  /** The real row shape of PR #1196, carrying the hash of this test's content. */
  const row = (hash: string) => `| \`${CANON}\` | Created (new PUBLIC_API canon v1.0.1) | \`${hash}\` |`;
  const table = (hash: string) =>
    `## 1. Files Modified — SHA256 Checksums\n\n| File | Action | SHA256 |\n|------|--------|--------|\n${row(hash)}\n`;

  it('passes when the stated hash is the hash of the file at head', async () => {
    const pr = prWith(table(sha256('# Watchdog v1.0.1\n'))).change(CANON, '# Watchdog v1.0.1\n');
    expect(evidenceFindings(await evaluateWith(pr)).filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  it('says a hash is stale, naming the earlier commit of the PR it matches', async () => {
    const earlier = '70f55ae' + '0'.repeat(33);
    const pr = prWith(table(sha256('# Watchdog v1.0.0\n')))
      .commit(earlier, { [CANON]: '# Watchdog v1.0.0\n' })
      .change(CANON, '# Watchdog v1.0.1\n');
    const [finding] = evidenceFindings(await evaluateWith(pr)).filter((f) => f.severity === 'failure');
    expect(finding).toEqual({
      severity: 'failure',
      message: `The SHA-256 stated for ${CANON} (${sha256('# Watchdog v1.0.0\n').slice(0, 12)}…) is stale: it matches the file at 70f55ae, an earlier commit of this PR; the file changed after the proof was written (head has ${sha256('# Watchdog v1.0.1\n').slice(0, 12)}…)`,
      file: PROOF_PATH,
      line: lineOf(pr, row(sha256('# Watchdog v1.0.0\n'))),
      configKey: 'evidence.verify',
    });
  });

  it('says a hash is of the file before this PR changed it (PR #805 shape)', async () => {
    const pr = prWith(table(sha256('# before\n')));
    pr.base.set(CANON, '# before\n');
    pr.change(CANON, {
      status: 'modified',
      content: '# after\n',
    });
    expect(evidenceFindings(await evaluateWith(pr)).map((f) => f.message)).toContainEqual(
      expect.stringContaining(
        'is stale: it is the hash of the file before this PR changed it (base bbbbbbb)',
      ),
    );
  });

  it('says a hash never matched when no version of the file has it', async () => {
    const pr = prWith(table(sha256('something else\n'))).change(CANON, '# Watchdog\n');
    expect(evidenceFindings(await evaluateWith(pr)).map((f) => f.message)).toContainEqual(
      expect.stringMatching(
        /matches neither the file at head \(.{12}…\) nor any earlier version in this PR .*: it never matched$/,
      ),
    );
  });

  it('says a hash is that of empty input, for a package-relative path (PR #308)', async () => {
    const pr = prWith(excerpt('empty-input-hash.md')).change(
      'apps/mat-frontend/src/lib/hooks/useAuditMetrics.ts',
      'export function useAuditMetrics() {}\n',
    );
    const evaluation = await evaluateWith(pr);
    expect(result(evaluation, 'prehandover-proof-check').description).toBe(
      `The SHA-256 stated for apps/mat-frontend/src/lib/hooks/useAuditMetrics.ts (e3b0c44298fc…) is the hash of empty input, not of the file (head has ${sha256('export function useAuditMetrics() {}\n').slice(0, 12)}…): hash the file itself`,
    );
  });

  it('hashes at most 50 files per run, and says which were not verified', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `| \`docs/f${i}.md\` | Created | \`${sha256(`${i}\n`)}\` |`,
    );
    const pr = prWith(
      `## Files Modified — SHA256 Checksums\n\n| File | Action | SHA256 |\n|---|---|---|\n${rows.join('\n')}\n`,
    );
    for (let i = 0; i < 60; i += 1) pr.change(`docs/f${i}.md`, `${i}\n`);
    const evaluation = await evaluateWith(pr);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('success');
    expect(evidenceFindings(evaluation)).toContainEqual(
      expect.objectContaining({
        severity: 'notice',
        message:
          'Stated SHA-256 not verified for 10 file(s): docs/f50.md (over the limit of 50 hashed files per run), docs/f51.md (over the limit of 50 hashed files per run), docs/f52.md (over the limit of 50 hashed files per run), …',
      }),
    );
    expect(pr.reads.filter((path) => path.startsWith('docs/'))).toHaveLength(50);
  });

  it('says an unchanged file never matched without reading history', async () => {
    const pr = prWith(table(sha256('old\n'))).atHead(CANON, '# Watchdog\n');
    const messages = evidenceFindings(await evaluateWith(pr)).map((f) => f.message);
    expect(messages).toContainEqual(
      expect.stringContaining('which this PR does not change: it never matched'),
    );
    expect(pr.lookups.filter((l) => l.startsWith('commits') || l.startsWith('read'))).toEqual([]);
  });
});

describe('triggering issue (SPEC §9.3)', () => {
  const withIssue = (value: string) => {
    const pr = prWith('');
    const proof = pr.files.get(PROOF_PATH)?.content ?? '';
    return pr.change(PROOF_PATH, proof.replace('[Wave 14] Wire the endpoint — Issue #900', value));
  };
  const issueFindings = async (pr: InMemoryPr) =>
    evidenceFindings(await evaluateWith(pr)).filter((f) => /triggering issue/i.test(f.message));

  it('passes an issue', async () => {
    expect(await issueFindings(withIssue('Issue #900'))).toEqual([]);
  });

  it('fails a pull request, on the field line', async () => {
    const pr = withIssue('maturion-isms#997 — Wave 15R: Foreman orchestration');
    pr.issues.set('octo/maturion-isms#997', 'pull_request');
    expect(await issueFindings(pr)).toEqual([
      {
        severity: 'failure',
        message:
          'The triggering issue maturion-isms#997 is a pull request, not an issue: name the issue the work was for',
        file: PROOF_PATH,
        line: lineOf(pr, 'Triggering Issue'),
        configKey: 'evidence.verify',
      },
    ]);
  });

  it('fails this pull request itself without a lookup', async () => {
    const pr = withIssue('#1');
    expect((await issueFindings(pr)).map((f) => f.message)).toEqual([
      'The triggering issue #1 is this pull request itself: name the issue it resolves',
    ]);
    expect(pr.lookups.filter((l) => l.startsWith('issue'))).toEqual([]);
  });

  it('fails a pull request URL without a lookup, and a number that is no issue', async () => {
    const url = withIssue('https://github.com/octo/repo/pull/77');
    expect((await issueFindings(url)).map((f) => f.message)).toEqual([
      'The triggering issue github.com/octo/repo/pull/77 is a pull request, not an issue: name the issue the work was for',
    ]);
    expect((await issueFindings(withIssue('#404'))).map((f) => f.message)).toEqual([
      'The triggering issue #404 does not exist',
    ]);
  });

  it('looks up the issue a field names after mentioning a PR (`PR #12 for issue #900`)', async () => {
    expect(await issueFindings(withIssue('follow-up of PR #12, issue #900'))).toEqual([]);
  });

  it('says it could not check without the API (local mode)', async () => {
    const pr = withIssue('Issue #900');
    pr.unavailable.set('api', 'a local run has no GitHub API');
    expect(await issueFindings(pr)).toEqual([
      expect.objectContaining({
        severity: 'notice',
        message: 'Triggering issue #900 not looked up: a local run has no GitHub API',
      }),
    ]);
  });
});

describe('test claims without a check run (SPEC §9.4)', () => {
  const testFindings = async (pr: InMemoryPr) =>
    evidenceFindings(await evaluateWith(pr)).filter((f) => /test results/i.test(f.message));

  it('passes when a check run on the head commit runs tests', async () => {
    expect(await testFindings(prWith(''))).toEqual([]);
  });

  it('warns on the line that reports results when no check run runs tests (Merge Gate’s own contexts do not count)', async () => {
    const pr = prWith('');
    pr.checks = ['lint', 'prehandover-proof-check', 'web/merge-gate/verdict'];
    const evaluation = await evaluateWith(pr);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('success');
    expect(await testFindings(pr)).toEqual([
      {
        severity: 'warning',
        message:
          'The proof reports test results ("120/120 tests") but no check run or status on the head commit runs tests (checks on it: lint): were they run on this commit?',
        file: PROOF_PATH,
        line: lineOf(pr, '120/120 tests GREEN'),
        configKey: 'evidence.test_check_pattern',
      },
    ]);
  });

  it('follows evidence.test_check_pattern', async () => {
    const pr = prWith('');
    pr.checks = ['build'];
    const config = configWith({ evidence: { ...configWith().evidence, test_check_pattern: '^build$' } });
    expect(
      evidenceFindings(await evaluateWith(pr, config)).filter((f) => /test results/i.test(f.message)),
    ).toEqual([]);
  });

  it('is a notice when the token may not read check runs', async () => {
    const pr = prWith('');
    pr.checks = undefined;
    expect(await testFindings(pr)).toEqual([
      expect.objectContaining({
        severity: 'notice',
        message:
          'Test results ("120/120 tests") not matched to a check run: the token may not read check runs',
      }),
    ]);
  });
});
