/**
 * When the evidence lookups leave (SPEC §9): as soon as the proofs are read, so that on the API
 * they share a round trip with what is still being read and parsed, instead of following it.
 * Which lookups are made is unchanged (`rules.test.ts`, and the request counts of the bench).
 */
import { evaluate } from '../../../../src/evaluate/evaluate.js';
import type { FileContent, FileReader } from '../../../../src/model/facts.js';
import { goodForemanPr, result } from '../../../helpers/evaluate-pr.js';
import { configWith, type InMemoryPr } from '../../../helpers/in-memory-pr.js';
import { MEMORY_PATH, PROOF_PATH } from '../../../helpers/proofs.js';

/** A passing foreman PR whose proof claims a triggering issue and green tests (two lookups). */
function claimingPr(): InMemoryPr {
  const pr = goodForemanPr();
  pr.issues.set('octo/repo#900', 'issue');
  pr.checks = ['CI / build-and-test'];
  return pr;
}

/**
 * The PR's reader, except that the foreman memory (read with the proofs, as delegation evidence) is
 * answered only once a lookup has been made, or after `patienceMs`: what came first is recorded.
 */
function memoryHeldUntilLookup(pr: InMemoryPr, order: string[], patienceMs: number): FileReader {
  const reader = pr.reader();
  const lookupMade = async () => {
    const deadline = Date.now() + patienceMs;
    while (pr.lookups.length === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  };
  return {
    read: async (path): Promise<FileContent> => {
      if (path === MEMORY_PATH) {
        await lookupMade();
        order.push(pr.lookups.length > 0 ? 'memory after a lookup' : 'memory before any lookup');
      }
      return reader.read(path);
    },
  };
}

describe('the evidence lookups', () => {
  it('leave once the proofs are read, without waiting for the memories read with them', async () => {
    const pr = claimingPr();
    const order: string[] = [];
    const evaluation = await evaluate(
      pr.pullRequest(),
      memoryHeldUntilLookup(pr, order, 1000),
      configWith(),
      {
        evidence: pr.evidence(),
      },
    );
    expect(order).toEqual(['memory after a lookup']);
    expect(pr.lookups).toEqual(expect.arrayContaining([expect.stringMatching(/^issue /), 'checks']));
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('success');
    expect(evaluation.verdict).toBe('success');
  });

  it('are each made once, and the same as when nothing is held', async () => {
    const held = claimingPr();
    await evaluate(held.pullRequest(), memoryHeldUntilLookup(held, [], 1000), configWith(), {
      evidence: held.evidence(),
    });
    expect(new Set(held.lookups).size).toBe(held.lookups.length);
    const free = claimingPr();
    await evaluate(free.pullRequest(), free.reader(), configWith(), { evidence: free.evidence() });
    expect([...held.lookups].sort()).toEqual([...free.lookups].sort());
  });

  it('are not made when the proof check would not look: its proof could not be read', async () => {
    const pr = claimingPr();
    const reader = pr.reader();
    const proofUnserved: FileReader = {
      read: async (path) => (path === PROOF_PATH ? { state: 'absent' } : reader.read(path)),
    };
    const evaluation = await evaluate(pr.pullRequest(), proofUnserved, configWith(), {
      evidence: pr.evidence(),
    });
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('error');
    expect(pr.lookups).toEqual([]);
  });

  it('are not made when another proof of the PR could not be read (the check ends in error)', async () => {
    const other = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-089-wave13-20260301.md';
    const pr = claimingPr().change(other, '# PREHANDOVER Proof\n');
    const reader = pr.reader();
    const otherUnserved: FileReader = {
      read: async (path) => (path === other ? { state: 'absent' } : reader.read(path)),
    };
    const evaluation = await evaluate(pr.pullRequest(), otherUnserved, configWith(), {
      evidence: pr.evidence(),
    });
    expect(evaluation.governingProof).toBe(PROOF_PATH);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('error');
    expect(pr.lookups).toEqual([]);
  });
});
