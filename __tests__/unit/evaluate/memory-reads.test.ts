/**
 * Which session memories an evaluation reads: the one the proof references (or, without a
 * reference, the candidates SPEC §8.7 picks) and a foreman's own (delegation evidence), never a
 * memory only for being changed. The results are those of every other suite, unchanged.
 */
import { join } from 'node:path';
import { evaluate } from '../../../src/evaluate/evaluate.js';
import type { FileContent, FileReader } from '../../../src/model/facts.js';
import { FixtureSource } from '../../../src/sources/fixture.js';
import { evaluatePr, goodForemanPr, result } from '../../helpers/evaluate-pr.js';
import { configWith, InMemoryPr } from '../../helpers/in-memory-pr.js';
import { MEMORY_PATH, memoryText, proofText } from '../../helpers/proofs.js';

const IAA_MEMORY = '.agent-workspace/independent-assurance-agent/memory/session-031-20260305.md';
const IAA_TEXT = memoryText({ sessionId: '031', agent: 'independent-assurance-agent' });
const IMPL = 'packages/ai-centre/src/memory/Adapter.ts';
const FIXTURES = join(process.cwd(), '__fixtures__', 'prs');

const memoriesRead = (pr: InMemoryPr) => [
  ...new Set(pr.reads.filter((path) => /\/memory\/session-/.test(path))),
];

describe('session memories read by an evaluation', () => {
  it("reads the memory the proof references, never another agent's", async () => {
    const pr = goodForemanPr().change(IAA_MEMORY, IAA_TEXT);
    const evaluation = await evaluatePr(pr);
    expect(result(evaluation, 'session-memory-check').state).toBe('success');
    expect(evaluation.verdict).toBe('success');
    expect(memoriesRead(pr)).toEqual([MEMORY_PATH]);
  });

  it("without a reference, reads only the proof agent's own memories", async () => {
    const proof = proofText({ agent: 'qa-builder' }).replace(/- \[x\] Session memory: .*\n/, '');
    const own = '.agent-workspace/qa-builder/memory/session-090.md';
    const pr = new InMemoryPr()
      .change('.agent-workspace/qa-builder/memory/PREHANDOVER-session-090.md', proof)
      .change(own, memoryText({ agent: 'qa-builder' }))
      .change(IAA_MEMORY, IAA_TEXT);
    expect(result(await evaluatePr(pr), 'session-memory-check').state).toBe('success');
    expect(memoriesRead(pr)).toEqual([own]);
  });

  it('reads a foreman memory the proof does not reference: it is delegation evidence', async () => {
    const other = '.agent-workspace/foreman-v2/memory/session-089-wave14-20260304.md';
    const pr = goodForemanPr({ builders: '' })
      .change(MEMORY_PATH, memoryText({ delegated: '  []' }))
      .change(other, memoryText({ sessionId: '089', delegated: '  - ui-builder: the page' }))
      .change(IMPL, 'export class Adapter {}\n');
    const r = result(await evaluatePr(pr), 'foreman-implementation-check');
    expect(r.state).toBe('success');
    expect(r.description).toContain('ui-builder');
    expect(memoriesRead(pr)).toEqual([MEMORY_PATH, other]);
  });

  it('reads no memory at all when no check applies to one', async () => {
    const pr = new InMemoryPr()
      .change('apps/web/src/page.tsx', 'export const x = 1;\n')
      .change(IAA_MEMORY, IAA_TEXT)
      .with({ labels: ['copilot-builder-role'] });
    expect(result(await evaluatePr(pr), 'session-memory-check').description).toMatch(/^Not applicable/);
    expect(memoriesRead(pr)).toEqual([]);
  });
});

/** A reader over a fixture that records every path read. */
function recording(source: FixtureSource, reads: Set<string>): FileReader {
  const reader = source.reader();
  return {
    read: async (path): Promise<FileContent> => {
      reads.add(path);
      return reader.read(path);
    },
  };
}

describe('the seed fixture', () => {
  it('maturion-isms-pr-743 reads its two proofs and the two foreman memories, not the assurance agent’s two', async () => {
    const source = new FixtureSource(join(FIXTURES, 'maturion-isms-pr-743'));
    const reads = new Set<string>();
    const evaluation = await evaluate(await source.facts(), recording(source, reads), configWith());
    expect(evaluation.verdict).toBe('success');
    expect([...reads].sort()).toEqual([
      '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080-wave12-deploy-20260301.md',
      '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-081-wave12-render-20260301.md',
      '.agent-workspace/foreman-v2/memory/session-080-wave12-deploy-20260301.md',
      '.agent-workspace/foreman-v2/memory/session-081-wave12-render-migration-20260301.md',
      '.github/workflows/deploy-mat-ai-gateway.yml', // changed YAML: its syntax is checked
    ]);
  });
});
