import { MAX_ANNOTATIONS, annotationsFor } from '../../../src/action/annotations.js';
import { CHECK_IDS, contextName, type CheckId } from '../../../src/model/contexts.js';
import type { CheckResult, Evaluation, Finding } from '../../../src/model/results.js';

function evaluation(results: Partial<CheckResult>[]): Evaluation {
  return {
    results: results.map((r, i) => ({
      check: CHECK_IDS[i] ?? 'merge-gate/verdict',
      state: 'failure',
      description: '',
      findings: [],
      ...r,
    })),
    verdict: 'failure',
    relatedProofs: [],
    role: 'foreman',
    notes: [],
  };
}
const plain = (check: CheckId) => contextName(check);
const proof = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080.md';

describe('annotationsFor', () => {
  it('annotates findings that have a file and a line, titled with the context', () => {
    const findings: Finding[] = [
      { severity: 'failure', message: 'The IAA token is PENDING', file: proof, line: 42 },
      { severity: 'failure', message: 'No session memory changed' },
      { severity: 'failure', message: 'file without line', file: proof },
    ];
    expect(annotationsFor(evaluation([{ findings }]), plain)).toEqual([
      {
        level: 'error',
        message: 'The IAA token is PENDING',
        props: { title: 'prehandover-proof-check', file: proof, startLine: 42 },
      },
    ]);
  });

  it('keeps warnings and notices at their level', () => {
    const findings: Finding[] = [
      { severity: 'warning', message: 'w', file: 'a.md', line: 1 },
      { severity: 'notice', message: 'n', file: 'a.md', line: 2 },
    ];
    expect(annotationsFor(evaluation([{ findings }]), plain).map((a) => a.level)).toEqual([
      'warning',
      'notice',
    ]);
  });

  it('makes failures of a check that still passed (waived or advisory) warnings', () => {
    const findings: Finding[] = [{ severity: 'failure', message: 'x', file: 'a.md', line: 3 }];
    const [annotation] = annotationsFor(
      evaluation([{ state: 'success', waivedBy: 'CS sign-off: approved', findings }]),
      plain,
    );
    expect(annotation?.level).toBe('warning');
  });

  it('annotates a line once even when two checks report the same finding', () => {
    const finding: Finding = { severity: 'failure', message: 'same', file: 'a.md', line: 3 };
    expect(
      annotationsFor(evaluation([{ findings: [finding] }, { findings: [finding] }]), plain),
    ).toHaveLength(1);
  });

  it(`stops at ${MAX_ANNOTATIONS}`, () => {
    const findings: Finding[] = Array.from({ length: 80 }, (_, i) => ({
      severity: 'failure',
      message: `m${i}`,
      file: 'a.md',
      line: i + 1,
    }));
    expect(annotationsFor(evaluation([{ findings }]), plain)).toHaveLength(MAX_ANNOTATIONS);
  });
});
