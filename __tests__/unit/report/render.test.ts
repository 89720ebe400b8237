import type { CheckResult, Evaluation } from '../../../src/model/results.js';
import { CHECK_IDS } from '../../../src/model/contexts.js';
import { renderJson, renderMarkdown, renderText } from '../../../src/report/render.js';

const PROOF = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080.md';

/** Seven passing results with the given ones replaced. */
function evaluation(
  overrides: Partial<Record<(typeof CHECK_IDS)[number], Partial<CheckResult>>> = {},
  extra: Partial<Evaluation> = {},
): Evaluation {
  const results = CHECK_IDS.map((check) => ({
    check,
    state: 'success' as const,
    description: `${check} ok`,
    findings: [],
    ...overrides[check],
  }));
  return {
    results,
    // The verdict is what the last check (merge-gate/verdict) says.
    verdict: results[results.length - 1]?.state ?? 'error',
    governingProof: PROOF,
    relatedProofs: ['.agent-workspace/foreman-v2/memory/PREHANDOVER-session-079.md'],
    role: 'foreman',
    notes: [],
    ...extra,
  };
}

const failing = evaluation(
  {
    'prehandover-proof-check': {
      state: 'failure',
      description: 'IAA token is PENDING | round 2',
      findings: [
        {
          severity: 'failure',
          message: 'token is PENDING',
          file: PROOF,
          line: 42,
          configKey: 'proof.pending',
        },
        { severity: 'warning', message: 'related proof has no date' },
      ],
    },
    'governance/alignment': { state: 'error', description: 'cannot read governance/CANON_INVENTORY.json' },
    'merge-gate/verdict': { state: 'failure', description: 'failed: prehandover-proof-check' },
  },
  { notes: ['1 proof excluded: templates/PREHANDOVER_TEMPLATE.md'] },
);

describe('renderText', () => {
  const text = renderText(failing);
  const lines = text.split('\n');

  it('prints one row per check with its state symbol, in check order', () => {
    expect(lines.slice(0, 7).map((l) => l.slice(0, 1))).toEqual(['✖', '✔', '✔', '✔', '✔', '!', '✖']);
    expect(lines[0]).toMatch(/^✖ prehandover-proof-check +IAA token is PENDING \| round 2$/);
  });

  it('aligns the descriptions in one column', () => {
    const starts = lines.slice(0, 7).map((l, i) => l.indexOf(failing.results[i]?.description ?? '?'));
    expect(new Set(starts).size).toBe(1);
  });

  it('lists findings under their check as file:line and message, naming non-failure severities and config keys', () => {
    expect(text).toContain(
      `prehandover-proof-check\n  ${PROOF}:42  token is PENDING  [proof.pending]\n  warning: related proof has no date\n`,
    );
  });

  it('ends with the verdict, the proofs, the role and the notes', () => {
    expect(text).toContain(
      [
        'Verdict: failure',
        `Governing proof: ${PROOF}`,
        'Related proofs: .agent-workspace/foreman-v2/memory/PREHANDOVER-session-079.md',
        'Role: foreman',
        'Notes:',
        '  - 1 proof excluded: templates/PREHANDOVER_TEMPLATE.md',
      ].join('\n'),
    );
  });

  it('uses the context prefix when given', () => {
    expect(renderText(evaluation(), { contextPrefix: 'isms' })).toMatch(/^✔ isms\/prehandover-proof-check /);
  });

  it('says when there is no governing proof', () => {
    expect(renderText(evaluation({}, { governingProof: undefined, relatedProofs: [] }))).toContain(
      'Governing proof: none\nRelated proofs: none\n',
    );
  });
});

describe('renderJson', () => {
  it('has a stable shape: every finding key present, null when unknown', () => {
    const report = JSON.parse(renderJson(failing));
    expect(Object.keys(report)).toEqual([
      'verdict',
      'role',
      'governingProof',
      'relatedProofs',
      'checks',
      'notes',
    ]);
    expect(report.verdict).toBe('failure');
    expect(report.checks).toHaveLength(7);
    expect(report.checks[0]).toEqual({
      context: 'prehandover-proof-check',
      state: 'failure',
      description: 'IAA token is PENDING | round 2',
      findings: [
        {
          severity: 'failure',
          message: 'token is PENDING',
          file: PROOF,
          line: 42,
          configKey: 'proof.pending',
        },
        {
          severity: 'warning',
          message: 'related proof has no date',
          file: null,
          line: null,
          configKey: null,
        },
      ],
    });
  });

  it('adds waivedBy and advisory only to the checks they apply to', () => {
    const report = JSON.parse(
      renderJson(
        evaluation({
          'foreman-implementation-check': { waivedBy: 'CS sign-off: approved' },
          'stop-and-fix/enforcement': {
            description: 'advisory: 1 skipped test',
            advisory: { wouldBe: 'failure' },
          },
        }),
      ),
    );
    expect(report.checks[2].waivedBy).toBe('CS sign-off: approved');
    expect(report.checks[4].advisory).toEqual({ wouldBe: 'failure' });
    expect('waivedBy' in report.checks[0] || 'advisory' in report.checks[0]).toBe(false);
  });

  it('is deterministic', () => {
    expect(renderJson(failing)).toBe(renderJson(structuredClone(failing)));
  });
});

describe('renderMarkdown', () => {
  const url = (file: string, line?: number) =>
    `https://github.com/o/r/blob/abc/${file}${line ? `#L${line}` : ''}`;
  const markdown = renderMarkdown(failing, { fileUrl: url });

  it('starts with a heading that gives the verdict', () => {
    expect(markdown.split('\n')[0]).toBe('## ❌ Merge Gate: blocked');
    expect(renderMarkdown(evaluation()).split('\n')[0]).toBe('## ✅ Merge Gate: may merge');
  });

  it('tables the seven checks, escaping | in cells', () => {
    const rows = markdown.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(8); // header + 7
    expect(rows[1]).toBe('| ❌ | `prehandover-proof-check` | IAA token is PENDING \\| round 2 |');
    expect(rows[6]).toBe('| ⚠️ | `governance/alignment` | cannot read governance/CANON_INVENTORY.json |');
  });

  it('keeps a multi-line description on one table row', () => {
    const md = renderMarkdown(evaluation({ 'session-memory-check': { description: 'first\nsecond' } }));
    expect(md).toContain('| ✅ | `session-memory-check` | first second |');
  });

  it('lists findings of a failing check with links to the proof line', () => {
    expect(markdown).toContain(
      '### ❌ prehandover-proof-check\n\n' +
        `- ❌ [\`${PROOF}:42\`](https://github.com/o/r/blob/abc/${PROOF}#L42): token is PENDING (\`proof.pending\`)\n` +
        '- ⚠️ related proof has no date\n',
    );
    expect(markdown).not.toContain('### ✅');
  });

  it('shows files as code when no link builder is given', () => {
    expect(renderMarkdown(failing)).toContain(`- ❌ \`${PROOF}:42\`: token is PENDING`);
  });

  it('ends with proofs, role and notes', () => {
    expect(markdown).toContain(
      `- **Governing proof:** [\`${PROOF}\`](https://github.com/o/r/blob/abc/${PROOF})\n` +
        '- **Related proofs:** [`.agent-workspace/foreman-v2/memory/PREHANDOVER-session-079.md`]',
    );
    expect(markdown).toContain(
      '- **Role:** foreman\n\n**Notes**\n\n- 1 proof excluded: templates/PREHANDOVER_TEMPLATE.md\n',
    );
  });

  it('marks advisory results as "advisory: would fail"', () => {
    const md = renderMarkdown(
      evaluation({
        'stop-and-fix/enforcement': {
          description: 'advisory: 1 skipped test',
          advisory: { wouldBe: 'failure' },
          findings: [{ severity: 'failure', message: 'adds it.skip(' }],
        },
      }),
    );
    expect(md.split('\n')[0]).toBe('## ✅ Merge Gate: may merge (advisory mode: 1 check would not pass)');
    expect(md).toContain(
      '| ✅ advisory: would fail | `stop-and-fix/enforcement` | advisory: 1 skipped test |',
    );
    expect(md).toContain('### ✅ stop-and-fix/enforcement (advisory: would fail)');
  });

  it('keeps HTML in quoted proof text from swallowing the report, but leaves code spans alone', () => {
    const md = renderMarkdown(
      evaluation({
        'prehandover-proof-check': {
          state: 'failure',
          description: 'value <!-- start',
          findings: [{ severity: 'failure', message: 'found `<details>` and <details>' }],
        },
      }),
    );
    expect(md).toContain('| value &lt;!-- start |');
    expect(md).toContain('found `<details>` and &lt;details&gt;');
  });

  it('links files whose paths contain spaces and parentheses', () => {
    const md = renderMarkdown(
      evaluation({
        'prehandover-proof-check': {
          state: 'failure',
          findings: [{ severity: 'failure', message: 'x', file: 'a b (1).md', line: 3 }],
        },
      }),
      { fileUrl: (file, line) => `https://h/${file}#L${line}` },
    );
    expect(md).toContain('[`a b (1).md:3`](https://h/a%20b%20%281%29.md#L3)');
  });

  it('quotes file names holding backticks in a longer code span', () => {
    const md = renderMarkdown(
      evaluation({
        'prehandover-proof-check': {
          state: 'failure',
          findings: [{ severity: 'failure', message: 'x', file: 'we`ird.md', line: 1 }],
        },
      }),
    );
    expect(md).toContain('- ❌ ``we`ird.md:1``: x');
  });
});
