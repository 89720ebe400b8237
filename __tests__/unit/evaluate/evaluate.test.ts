import { CHECK_IDS } from '../../../src/model/contexts.js';
import type { FileReader } from '../../../src/model/facts.js';
import { evaluate, errorEvaluation } from '../../../src/evaluate/evaluate.js';
import { evaluatePr, goodForemanPr, result } from '../../helpers/evaluate-pr.js';
import { configWith, InMemoryPr } from '../../helpers/in-memory-pr.js';

describe('evaluate', () => {
  it('returns the seven checks, verdict last', async () => {
    const evaluation = await evaluatePr(goodForemanPr());
    expect(evaluation.results.map((r) => r.check)).toEqual([...CHECK_IDS]);
    expect(evaluation.results.at(-1)?.check).toBe('merge-gate/verdict');
  });

  it('exempts PRs by dependabot on every context, saying why', async () => {
    const pr = new InMemoryPr().change('packages/x/src/a.ts', 'x\n').with({ author: 'dependabot[bot]' });
    const evaluation = await evaluatePr(pr);
    expect(
      evaluation.results.every((r) => r.state === 'success' && r.description.includes('dependabot[bot]')),
    ).toBe(true);
  });

  it('honours docs-only only when every changed file is documentation', async () => {
    const docs = new InMemoryPr().change('docs/guide.md', '# Guide\n').with({ labels: ['docs-only'] });
    expect((await evaluatePr(docs)).verdict).toBe('success');
    docs.change('packages/x/src/a.ts', 'x\n');
    const evaluation = await evaluatePr(docs);
    expect(evaluation.verdict).toBe('failure');
    expect(evaluation.notes.join('\n')).toContain('Label "docs-only" ignored');
  });

  it('does not match labels by substring', async () => {
    const pr = new InMemoryPr().change('docs/guide.md', '# Guide\n').with({ labels: ['docs-only-please'] });
    expect((await evaluatePr(pr)).verdict).toBe('failure');
  });

  it('waives failing checks with the override label, saying so', async () => {
    const pr = goodForemanPr({ token: 'PENDING' }).with({ labels: ['CS sign-off: approved'] });
    const evaluation = await evaluatePr(pr);
    const proof = result(evaluation, 'prehandover-proof-check');
    expect(proof).toMatchObject({ state: 'success', waivedBy: 'CS sign-off: approved' });
    expect(proof.description).toMatch(/^waived by label "CS sign-off: approved": /);
    expect(evaluation.verdict).toBe('success');
  });

  it('in advisory mode posts success with an advisory description and keeps the would-be failures', async () => {
    const evaluation = await evaluatePr(
      goodForemanPr({ token: 'PENDING' }),
      configWith({ mode: 'advisory' }),
    );
    const proof = result(evaluation, 'prehandover-proof-check');
    expect(proof).toMatchObject({ state: 'success', advisory: { wouldBe: 'failure' } });
    expect(proof.description).toMatch(/^advisory: /);
    const verdict = result(evaluation, 'merge-gate/verdict');
    expect(verdict).toMatchObject({ state: 'success', advisory: { wouldBe: 'failure' } });
    expect(verdict.description).toContain('prehandover-proof-check');
  });

  it('turns a reader failure into error results instead of throwing', async () => {
    const pr = goodForemanPr();
    const broken: FileReader = { read: async () => Promise.reject(new Error('API answered 502')) };
    const evaluation = await evaluate(pr.pullRequest(), broken, configWith());
    expect(evaluation.results).toHaveLength(7);
    expect(evaluation.results.every((r) => r.state === 'error' && r.description.includes('502'))).toBe(true);
  });

  it('reads each file at most once per evaluation', async () => {
    const pr = goodForemanPr();
    await evaluatePr(pr);
    expect(pr.reads.length).toBe(new Set(pr.reads).size);
  });

  it('errorEvaluation gives all seven contexts an error with the reason', () => {
    const evaluation = errorEvaluation('bad config: mode must be one of enforce, advisory');
    expect(evaluation.results.map((r) => [r.check, r.state])).toEqual(CHECK_IDS.map((c) => [c, 'error']));
  });
});
