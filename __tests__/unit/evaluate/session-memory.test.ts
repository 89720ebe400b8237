import { evaluatePr, failures, goodForemanPr, result } from '../../helpers/evaluate-pr.js';
import { InMemoryPr } from '../../helpers/in-memory-pr.js';
import { MEMORY_PATH, memoryText, proofText } from '../../helpers/proofs.js';

const CHECK = 'session-memory-check';

describe('session-memory-check', () => {
  it('passes when the memory the proof references is written in this PR', async () => {
    const r = result(await evaluatePr(goodForemanPr()), CHECK);
    expect(r.state).toBe('success');
    expect(r.description).toContain('session-090-wave14-20260305.md');
  });

  it('fails when the PR adds no session memory, even if older ones exist in the repository', async () => {
    const pr = goodForemanPr().remove(MEMORY_PATH).atHead(MEMORY_PATH, memoryText());
    const r = result(await evaluatePr(pr), CHECK);
    expect(r.state).toBe('failure');
    expect(r.description).toContain('No session memory');
  });

  it('fails when the referenced memory is not among the changed files, naming it', async () => {
    const pr = goodForemanPr({
      memoryPath: '.agent-workspace/foreman-v2/memory/session-089-old-20260304.md',
    });
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(
      expect.stringContaining('session-089-old-20260304.md'),
    );
  });

  it('fails when the memory is for another session, and passes across a -R round suffix', async () => {
    const pr = goodForemanPr().change(MEMORY_PATH, memoryText({ sessionId: '088' }));
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(expect.stringContaining('session 088'));
    pr.change(MEMORY_PATH, memoryText({ sessionId: 'session-090-R2' }));
    expect(result(await evaluatePr(pr), CHECK).state).toBe('success');
  });

  it('fails when the memory lacks a required field', async () => {
    const pr = goodForemanPr().change(MEMORY_PATH, memoryText().replace('| date | 2026-03-05 |\n', ''));
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(expect.stringContaining('No date field'));
  });

  it('without a reference, uses the memories under the proof agent workspace', async () => {
    const proof = proofText().replace(/- \[x\] Session memory: .*\n/, '');
    const pr = new InMemoryPr()
      .change('.agent-workspace/foreman-v2/memory/PREHANDOVER-session-090.md', proof)
      .change(
        '.agent-workspace/qa-builder/memory/session-777.md',
        memoryText({ sessionId: '777', agent: 'qa-builder' }),
      )
      .change(MEMORY_PATH, memoryText());
    expect(result(await evaluatePr(pr), CHECK).state).toBe('success');
  });

  it('is not applicable to a builder PR without a proof', async () => {
    const pr = new InMemoryPr()
      .change('apps/web/src/page.tsx', 'export const x = 1;\n')
      .with({ labels: ['copilot-builder-role'] });
    const r = result(await evaluatePr(pr), CHECK);
    expect(r.state).toBe('success');
    expect(r.description).toMatch(/^Not applicable/);
  });
});
