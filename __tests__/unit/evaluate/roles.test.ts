import { evaluatePr, failures, goodForemanPr, result } from '../../helpers/evaluate-pr.js';
import { InMemoryPr } from '../../helpers/in-memory-pr.js';
import { MEMORY_PATH, memoryText, PROOF_PATH, proofText } from '../../helpers/proofs.js';

const FOREMAN = 'foreman-implementation-check';
const BUILDERS = 'builder-involvement-check';
const IMPL = 'packages/ai-centre/src/memory/Adapter.ts';

describe('foreman-implementation-check', () => {
  it('passes when no implementation file changed', async () => {
    expect(result(await evaluatePr(goodForemanPr()), FOREMAN).description).toBe(
      'No implementation files changed',
    );
  });

  it('passes a foreman PR whose implementation was delegated (builder table)', async () => {
    const pr = goodForemanPr().change(IMPL, 'export class Adapter {}\n');
    const r = result(await evaluatePr(pr), FOREMAN);
    expect(r.state).toBe('success');
    expect(r.description).toContain('api-builder');
  });

  it('fails a foreman PR with implementation and no delegation evidence, naming the file and the fix', async () => {
    const pr = goodForemanPr({ builders: '' })
      .change(MEMORY_PATH, memoryText({ delegated: '  []' }))
      .change(IMPL, 'export class Adapter {}\n');
    const r = result(await evaluatePr(pr), FOREMAN);
    expect(r.state).toBe('failure');
    expect(r.description).toContain(IMPL);
    expect(r.findings[0]).toMatchObject({ file: IMPL });
    expect(r.findings[0]?.message).toContain('delegate it to a builder');
  });

  it('counts agents_delegated_to in a changed foreman memory as evidence, but not `none`', async () => {
    const pr = goodForemanPr({ builders: '' }).change(IMPL, 'x\n');
    expect(result(await evaluatePr(pr), FOREMAN).state).toBe('success');
    pr.change(
      MEMORY_PATH,
      memoryText({ delegated: '  none' }).replace(
        'agents_delegated_to:\n  none',
        'agents_delegated_to: none',
      ),
    );
    expect(result(await evaluatePr(pr), FOREMAN).state).toBe('failure');
  });

  it('counts a verified delegation order', async () => {
    const pr = goodForemanPr({ builders: '' })
      .change(MEMORY_PATH, memoryText({ delegated: '  []' }))
      .change(IMPL, 'x\n')
      .change(
        '.agent-admin/control/delegation-orders/pr-12.json',
        JSON.stringify({ result: 'DELEGATION_ORDER_VERIFIED', builder_agent: 'ui-builder' }),
      );
    expect(result(await evaluatePr(pr), FOREMAN).state).toBe('success');
  });

  it('does not read roles from prose: "the foreman wrote no code" is not evidence of anything', async () => {
    const pr = new InMemoryPr()
      .change(IMPL, 'x\n')
      .change('NOTES.md', 'The foreman wrote no code. api-builder did.\n');
    const r = result(await evaluatePr(pr), FOREMAN);
    expect(r.state).toBe('failure');
    expect(r.description).toContain('Role unresolved');
  });

  it('treats the exact builder label as a builder PR; a near label does not count', async () => {
    const pr = new InMemoryPr().change(IMPL, 'x\n').with({ labels: ['copilot-builder-role'] });
    expect(result(await evaluatePr(pr), FOREMAN).state).toBe('success');
    pr.with({ labels: ['copilot-builder-role-v2'] });
    expect(result(await evaluatePr(pr), FOREMAN).state).toBe('failure');
  });

  it('treats a newly added test as implementation but a modified one as not', async () => {
    const pr = goodForemanPr({ builders: '' }).change(MEMORY_PATH, memoryText({ delegated: '  []' }));
    pr.change('api/ai/request.test.ts', { status: 'modified', content: 'it("works", () => {});\n' });
    expect(result(await evaluatePr(pr), FOREMAN).state).toBe('success');
    pr.change('api/ai/new.test.ts', 'it("works", () => {});\n');
    expect(result(await evaluatePr(pr), FOREMAN).state).toBe('failure');
  });
});

describe('builder-involvement-check', () => {
  it('is not required without implementation files', async () => {
    expect(result(await evaluatePr(goodForemanPr()), BUILDERS).description).toMatch(/^Not required/);
  });

  it('passes when a known builder delivered with QP PASS', async () => {
    const r = result(await evaluatePr(goodForemanPr().change(IMPL, 'x\n')), BUILDERS);
    expect(r).toMatchObject({ state: 'success', description: 'Builders involved: api-builder' });
  });

  it('fails naming the builder whose row is not delivered', async () => {
    const pr = goodForemanPr({
      builders:
        '| api-builder | Wire it | DELIVERED — QP: PASS |\n| ui-builder | Page | BLOCKED — waiting on API |',
    });
    pr.change(IMPL, 'x\n');
    const messages = failures(await evaluatePr(pr), BUILDERS);
    expect(messages).toEqual([expect.stringContaining('ui-builder')]);
  });

  it('fails when no evidence names a known builder', async () => {
    const pr = goodForemanPr({ builders: '| helper-bot | Wire it | DELIVERED |' })
      .change(MEMORY_PATH, memoryText({ delegated: '  - helper-bot: wire it' }))
      .change(IMPL, 'x\n');
    const r = result(await evaluatePr(pr), BUILDERS);
    expect(r.state).toBe('failure');
    expect(r.description).toContain('no evidence names a known builder');
  });

  it('ignores a table in a proof that is not the governing one', async () => {
    const pr = goodForemanPr({ builders: '' })
      .change(MEMORY_PATH, memoryText({ delegated: '  []' }))
      .change('x/PREHANDOVER-old.md', proofText({ branch: 'copilot/old', date: '2026-01-01' }))
      .change(IMPL, 'x\n');
    expect(result(await evaluatePr(pr), BUILDERS).state).toBe('failure');
    expect((await evaluatePr(pr)).governingProof).toBe(PROOF_PATH);
  });
});
