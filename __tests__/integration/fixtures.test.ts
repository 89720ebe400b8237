import { join } from 'node:path';
import type { FileContent, FileReader, PullRequestFacts } from '../../src/model/facts.js';
import type { Evaluation } from '../../src/model/results.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { FixtureSource } from '../../src/sources/fixture.js';
import { configWith } from '../helpers/in-memory-pr.js';

const FIXTURES = join(process.cwd(), '__fixtures__', 'prs');
const PR_743 = join(FIXTURES, 'maturion-isms-pr-743');
const HEAD_REF = 'copilot/deploy-ai-gateway-production';
const PROOF = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080-wave12-deploy-20260301.md';
const MEMORY = '.agent-workspace/foreman-v2/memory/session-080-wave12-deploy-20260301.md';
const OTHER_MEMORY = '.agent-workspace/foreman-v2/memory/session-081-wave12-render-migration-20260301.md';

async function load743(): Promise<{ facts: PullRequestFacts; reader: FileReader }> {
  const source = new FixtureSource(PR_743, { headRef: HEAD_REF });
  return { facts: await source.facts(), reader: source.reader() };
}

/** A reader that answers some paths itself and passes the rest to the fixture. */
function overlay(reader: FileReader, files: Record<string, string>): FileReader {
  return {
    read: async (path): Promise<FileContent> =>
      path in files ? { state: 'ok', text: files[path] as string } : reader.read(path),
  };
}

function states(evaluation: Evaluation): Record<string, string> {
  return Object.fromEntries(evaluation.results.map((r) => [r.check, r.state]));
}

describe('fixture maturion-isms-pr-743 (the seed proof)', () => {
  it('fails only prehandover-proof-check: the proof claims a file as New that its PR never delivered (line 92)', async () => {
    const { facts, reader } = await load743();
    const evaluation = await evaluate(facts, reader, configWith());
    expect(states(evaluation)).toEqual({
      'prehandover-proof-check': 'failure',
      'session-memory-check': 'success',
      'foreman-implementation-check': 'success',
      'builder-involvement-check': 'success',
      'stop-and-fix/enforcement': 'success',
      'governance/alignment': 'success',
      'merge-gate/verdict': 'failure',
    });
    const proof = evaluation.results.find((r) => r.check === 'prehandover-proof-check');
    expect(proof?.description).toBe(
      'apps/mat-ai-gateway/ecs-task-def.json is claimed as created/new under "Files Changed" but this PR does not add or modify it: it is not among the changed files',
    );
    expect(proof?.findings.filter((f) => f.severity === 'failure')).toEqual([
      expect.objectContaining({ file: PROOF, line: 92, configKey: 'evidence.verify' }),
    ]);
    expect(evaluation.governingProof).toBe(PROOF);
  });

  it('passes all seven checks with evidence.verify: off', async () => {
    const { facts, reader } = await load743();
    const evaluation = await evaluate(
      facts,
      reader,
      configWith({ evidence: { ...configWith().evidence, verify: 'off' } }),
    );
    expect(new Set(Object.values(states(evaluation)))).toEqual(new Set(['success']));
    expect(evaluation.governingProof).toBe(PROOF);
    expect(evaluation.relatedProofs).toEqual([expect.stringContaining('PREHANDOVER-session-081')]);
    expect(evaluation.role).toBe('foreman');
  });

  it('fails session-memory-check when the PR no longer writes the session memory, naming it', async () => {
    const { facts, reader } = await load743();
    const without = { ...facts, changedFiles: facts.changedFiles.filter((f) => f.path !== MEMORY) };
    const evaluation = await evaluate(without, reader, configWith());
    const memory = evaluation.results.find((r) => r.check === 'session-memory-check');
    expect(memory?.state).toBe('failure');
    expect(memory?.findings.map((f) => f.message).join('\n')).toContain(
      'session-080-wave12-deploy-20260301.md',
    );
    expect(evaluation.verdict).toBe('failure');
  });

  it('fails prehandover-proof-check when the token is PENDING, pointing at the token line', async () => {
    const { facts, reader } = await load743();
    const original = await reader.read(PROOF);
    if (original.state !== 'ok') throw new Error('fixture proof missing');
    const pending = original.text.replace(
      '`iaa_audit_token: IAA-session-029-20260301-PASS`',
      '`iaa_audit_token: PENDING`',
    );
    const evaluation = await evaluate(facts, overlay(reader, { [PROOF]: pending }), configWith());
    const proof = evaluation.results.find((r) => r.check === 'prehandover-proof-check');
    expect(proof?.state).toBe('failure');
    expect(proof?.description).toContain('PENDING');
    const line = proof?.findings.find((f) => f.message.includes('PENDING'))?.line ?? 0;
    expect(pending.split('\n')[line - 1]).toContain('iaa_audit_token: PENDING');
  });

  it('fails foreman-implementation-check on an implementation file without delegation evidence, naming the file and the fix', async () => {
    const { facts, reader } = await load743();
    const file = 'apps/mat-ai-gateway/src/deploy.ts';
    // Remove the evidence: the builder table in the proof and agents_delegated_to in the memory.
    const proof = await reader.read(PROOF);
    const memory = await reader.read(MEMORY);
    if (proof.state !== 'ok' || memory.state !== 'ok') throw new Error('fixture files missing');
    const noTable = proof.text.replace(/## Builder Deliverables[\s\S]*?\n---\n/, '---\n');
    const noDelegation = memory.text.replace(/## Agents Delegated To[\s\S]*?\n---\n/, '---\n');
    // The PR also writes session 081's memory, whose delegation counts too (any changed foreman memory).
    const other = await reader.read(OTHER_MEMORY);
    if (other.state !== 'ok') throw new Error('fixture files missing');
    const otherNoDelegation = other.text.replace(/## Agents Delegated To[\s\S]*?\n---\n/, '---\n');
    const changed = {
      ...facts,
      changedFiles: [
        ...facts.changedFiles,
        { path: file, status: 'added' as const, additions: 10, deletions: 0 },
      ],
    };
    const evaluation = await evaluate(
      changed,
      overlay(reader, { [PROOF]: noTable, [MEMORY]: noDelegation, [OTHER_MEMORY]: otherNoDelegation }),
      configWith(),
    );
    const foreman = evaluation.results.find((r) => r.check === 'foreman-implementation-check');
    expect(foreman?.state).toBe('failure');
    expect(foreman?.description).toContain(file);
    expect(foreman?.findings[0]?.message).toContain('delegate it to a builder');
  });

  it('still passes foreman-implementation-check with the same file when the builders are recorded', async () => {
    const { facts, reader } = await load743();
    const changed = {
      ...facts,
      changedFiles: [
        ...facts.changedFiles,
        { path: 'apps/mat-ai-gateway/src/deploy.ts', status: 'added' as const, additions: 1, deletions: 0 },
      ],
    };
    const evaluation = await evaluate(changed, reader, configWith());
    expect(evaluation.results.find((r) => r.check === 'foreman-implementation-check')?.state).toBe('success');
  });
});

describe('every real fixture', () => {
  const names = [
    '1048',
    '1081',
    '1122',
    '1334',
    '1429',
    '1666',
    '1772',
    '297',
    '308',
    '479',
    '580',
    '702',
    '712',
    '743',
    '856',
    '861',
  ];
  it.each(names)('maturion-isms-pr-%s evaluates to seven results, none of them an error', async (name) => {
    const source = new FixtureSource(join(FIXTURES, `maturion-isms-pr-${name}`));
    const evaluation = await evaluate(await source.facts(), source.reader(), configWith());
    expect(evaluation.results).toHaveLength(7);
    for (const result of evaluation.results) {
      expect(['success', 'failure']).toContain(result.state);
      expect(result.description.length).toBeGreaterThan(0);
    }
  });
});
