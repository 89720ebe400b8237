/**
 * A file the source could not serve is never judged as absent (SPEC §2): the checks that needed it
 * end in `error` naming it, the others decide as usual.
 */
import { createHash } from 'node:crypto';
import type { FileContent, FileReader } from '../../../src/model/facts.js';
import type { CheckId } from '../../../src/model/contexts.js';
import type { Evaluation } from '../../../src/model/results.js';
import { evaluate } from '../../../src/evaluate/evaluate.js';
import { evaluatePr, goodForemanPr, result } from '../../helpers/evaluate-pr.js';
import { configWith, type InMemoryPr } from '../../helpers/in-memory-pr.js';
import { PROOF_PATH } from '../../helpers/proofs.js';

const INVENTORY = 'governance/CANON_INVENTORY.json';
const CANON = 'governance/canon/MERGE_POLICY.md';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The PR's own reader, except that `unserved` paths answer as a source that could not serve them. */
function evaluateWithout(
  pr: InMemoryPr,
  unserved: Record<string, 'absent' | 'unavailable'>,
): Promise<Evaluation> {
  const reader = pr.reader();
  const failing: FileReader = {
    read: async (path): Promise<FileContent> => {
      const how = unserved[path];
      if (how === 'absent') return { state: 'absent' };
      if (how === 'unavailable') return { state: 'unavailable', reason: 'GitHub API error: HTTP 502' };
      return reader.read(path);
    },
  };
  return evaluate(pr.pullRequest(), failing, configWith(), { mergeBaseReader: pr.mergeBaseReader() });
}

function states(evaluation: Evaluation): Record<string, string> {
  return Object.fromEntries(evaluation.results.map((r) => [r.check, r.state]));
}

function errorNaming(evaluation: Evaluation, check: CheckId, path: string): void {
  const r = result(evaluation, check);
  expect(r.state).toBe('error');
  expect(r.description).toContain(path);
  expect(r.findings).toContainEqual(expect.objectContaining({ severity: 'error', file: path }));
}

function canonPr(): InMemoryPr {
  const canon = '# Merge policy v2\n';
  return goodForemanPr()
    .change(CANON, { status: 'modified', content: canon })
    .change(INVENTORY, {
      status: 'modified',
      content: JSON.stringify({ total_canons: 1, canons: [{ path: CANON, file_hash_sha256: sha(canon) }] }),
    });
}

describe('a changed file the source does not serve', () => {
  it('is an error on every check that reads the proof, never "no proof"; governance still decides', async () => {
    const evaluation = await evaluateWithout(goodForemanPr(), { [PROOF_PATH]: 'absent' });
    for (const check of [
      'prehandover-proof-check',
      'session-memory-check',
      'stop-and-fix/enforcement',
    ] as const) {
      errorNaming(evaluation, check, PROOF_PATH);
    }
    expect(result(evaluation, 'merge-gate/verdict').state).toBe('error');
    expect(result(evaluation, 'governance/alignment').state).toBe('success');
    // Without implementation files the delegation checks need no proof.
    expect(result(evaluation, 'foreman-implementation-check').state).toBe('success');
  });

  it('fails governance/alignment closed: an inventory that reads as absent is an error naming it, not "no inventory"', async () => {
    const evaluation = await evaluateWithout(canonPr(), { [INVENTORY]: 'absent' });
    errorNaming(evaluation, 'governance/alignment', INVENTORY);
    expect(result(evaluation, 'governance/alignment').description).toContain('adds or modifies it');
    expect(evaluation.verdict).toBe('error');
    expect(states(evaluation)['prehandover-proof-check']).toBe('success');
  });

  it('is an error when the API failed on a changed canon file whose hash must be verified', async () => {
    errorNaming(await evaluateWithout(canonPr(), { [CANON]: 'unavailable' }), 'governance/alignment', CANON);
  });

  it('is an error on the delegation checks when a delegation order cannot be read and code changed', async () => {
    const order = '.agent-admin/control/delegation-orders/pr-900.json';
    const pr = goodForemanPr()
      .change(order, '{"result": "DELEGATION_ORDER_VERIFIED", "builder_agent": "api-builder"}')
      .change('packages/api/src/endpoint.ts', 'export const x = 1;\n');
    expect(states(await evaluatePr(pr))['foreman-implementation-check']).toBe('success');
    const evaluation = await evaluateWithout(pr, { [order]: 'unavailable' });
    errorNaming(evaluation, 'foreman-implementation-check', order);
    errorNaming(evaluation, 'builder-involvement-check', order);
    expect(states(evaluation)['prehandover-proof-check']).toBe('success');
  });

  it("makes the verdict's own syntax gate an error, never a pass", async () => {
    const workflow = '.github/workflows/deploy.yml';
    const evaluation = await evaluateWithout(goodForemanPr(), { [workflow]: 'absent' });
    const verdict = result(evaluation, 'merge-gate/verdict');
    expect(verdict.state).toBe('error');
    expect(verdict.description).toContain(workflow);
    expect(verdict.findings).toContainEqual(expect.objectContaining({ severity: 'error', file: workflow }));
  });

  it('leaves a file the PR does not change absent when it is absent: no inventory is a note, not an error', async () => {
    const pr = goodForemanPr().change('governance/policy/README.md', '# Policy\n');
    const r = result(await evaluatePr(pr), 'governance/alignment');
    expect(r).toMatchObject({ state: 'success', description: expect.stringContaining('no canon inventory') });
  });
});
