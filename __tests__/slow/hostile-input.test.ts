/**
 * Hostile input (issue #5): whatever a pull request contains, the evaluation completes with seven
 * terminal results and says what was wrong. Each case runs the whole engine on an in-memory PR.
 */
import { CHECK_IDS } from '../../src/model/contexts.js';
import type { Evaluation } from '../../src/model/results.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { evaluatePr, failures, goodForemanPr, result } from '../helpers/evaluate-pr.js';
import { configWith, InMemoryPr } from '../helpers/in-memory-pr.js';
import { MEMORY_PATH, PROOF_PATH, memoryText, proofText } from '../helpers/proofs.js';

const MB = 1024 * 1024;

function expectSevenTerminal(evaluation: Evaluation): void {
  expect(evaluation.results.map((r) => r.check)).toEqual([...CHECK_IDS]);
  for (const r of evaluation.results) {
    expect(['success', 'failure', 'error']).toContain(r.state);
    expect(r.description.length).toBeGreaterThan(0);
  }
}

describe('oversized documents', () => {
  it('refuses a 20 MB proof with a size message naming the limit, without parsing it', async () => {
    const huge = proofText() + '\n' + 'x'.repeat(20 * MB);
    const evaluation = await evaluatePr(goodForemanPr().change(PROOF_PATH, huge));
    expectSevenTerminal(evaluation);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('failure');
    expect(failures(evaluation, 'prehandover-proof-check').join('\n')).toMatch(
      /20(\.\d)? MB, over the 5 MB limit \(limits\.max_file_bytes\)/,
    );
  });

  it('refuses a proof over limits.max_markdown_bytes even when under max_file_bytes', async () => {
    const proof = proofText() + '\n' + 'word '.repeat(2000);
    const config = configWith({ limits: { max_file_bytes: 5 * MB, max_markdown_bytes: 4096 } });
    const evaluation = await evaluatePr(goodForemanPr().change(PROOF_PATH, proof), config);
    expectSevenTerminal(evaluation);
    expect(failures(evaluation, 'prehandover-proof-check').join('\n')).toMatch(
      /over the 4 KB limit \(limits\.max_markdown_bytes\)/,
    );
  });

  it('reads the same proof once the limit is raised (the limit is configurable)', async () => {
    const proof = proofText() + '\n' + 'word '.repeat(2000);
    const config = configWith({ limits: { max_file_bytes: 5 * MB, max_markdown_bytes: 64 * 1024 } });
    const evaluation = await evaluatePr(goodForemanPr().change(PROOF_PATH, proof), config);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('success');
  });

  it('refuses a session memory over the Markdown limit by name', async () => {
    const config = configWith({ limits: { max_file_bytes: 5 * MB, max_markdown_bytes: 4096 } });
    const memory = memoryText() + '\n' + 'note '.repeat(2000);
    const evaluation = await evaluatePr(goodForemanPr().change(MEMORY_PATH, memory), config);
    expectSevenTerminal(evaluation);
    expect(result(evaluation, 'session-memory-check').state).toBe('failure');
    expect(failures(evaluation, 'session-memory-check').join('\n')).toContain('limits.max_markdown_bytes');
  });
});

describe('pathological Markdown still parses', () => {
  it('reads the fields of a proof with a 10,000-row table', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| file-${i}.ts | modified |`).join('\n');
    const proof = proofText({ extra: `\n## Files Changed\n\n| File | Change |\n|---|---|\n${rows}\n` });
    const evaluation = await evaluatePr(goodForemanPr().change(PROOF_PATH, proof));
    expectSevenTerminal(evaluation);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('success');
  });

  it('finishes on 5,000-deep nested lists and block quotes and many containers', async () => {
    const nested = `${'- '.repeat(5000)}deep item`;
    const quotes = `${'> '.repeat(5000)}deep quote`;
    // Thousands of sibling containers: quadratic in some Markdown parsers (docs/design.md).
    const siblings = '> quoted\n\n- - nested\n\n'.repeat(4000);
    const proof = proofText({ extra: `\n${nested}\n\n${quotes}\n\n${siblings}` });
    const evaluation = await evaluatePr(goodForemanPr().change(PROOF_PATH, proof));
    expectSevenTerminal(evaluation);
    const check = result(evaluation, 'prehandover-proof-check');
    expect(check.state).toBe('success');
    // What is nested too deep to read is a warning on its own line; the rest is read.
    const lines = proof.split('\n');
    expect(check.findings.filter((f) => /not read/.test(f.message))).toEqual([
      expect.objectContaining({ severity: 'warning', file: PROOF_PATH, line: lines.indexOf(nested) + 1 }),
      expect.objectContaining({ severity: 'warning', file: PROOF_PATH, line: lines.indexOf(quotes) + 1 }),
    ]);
  });

  it('reads a quoted paragraph continued lazily for 100,000 lines to its end, skipping nothing', async () => {
    const lazy = `> quoted\n${'more text\n'.repeat(100_000)}`;
    const proof = proofText({ extra: `\n${lazy}\n` });
    const evaluation = await evaluatePr(goodForemanPr().change(PROOF_PATH, proof));
    expectSevenTerminal(evaluation);
    const check = result(evaluation, 'prehandover-proof-check');
    expect(check.state).toBe('success');
    expect(check.findings.filter((f) => /not read/.test(f.message))).toEqual([]);
  });

  it('reports a binary file named like a proof as unreadable, not as a missing field', async () => {
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => i % 256));
    const pr = goodForemanPr().change(PROOF_PATH, binary);
    const evaluation = await evaluatePr(pr);
    expectSevenTerminal(evaluation);
    expect(result(evaluation, 'prehandover-proof-check').state).toBe('failure');
  });
});

describe('hostile YAML among the changed files', () => {
  it("fails the verdict's syntax check on an alias bomb without expanding it", async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(
        Array.from({ length: 9 }, (_, i) => {
          const prev = String.fromCharCode(97 + i);
          const name = String.fromCharCode(98 + i);
          return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
        }),
      )
      .join('\n');
    const evaluation = await evaluatePr(goodForemanPr().change('config/bomb.yml', bomb));
    expectSevenTerminal(evaluation);
    expect(failures(evaluation, 'merge-gate/verdict').join('\n')).toMatch(/config\/bomb\.yml.*alias/i);
  });

  const big = Array.from({ length: 480_000 }, (_, i) => `key_${i}: value ${i}`).join('\n');

  it('reports a 10 MB YAML file over the size limit as not checked, naming the limit', async () => {
    expect(big.length).toBeGreaterThan(10 * MB);
    const evaluation = await evaluatePr(goodForemanPr().change('data/big.yml', big));
    expectSevenTerminal(evaluation);
    const findings = result(evaluation, 'merge-gate/verdict').findings.map((f) => f.message);
    expect(findings.join('\n')).toMatch(/Syntax not checked: data\/big\.yml .*limits\.max_file_bytes/);
  });

  it('reads a YAML file over a lowered limit to the end once the limit is raised again', async () => {
    // Parsing 10 MB takes seconds: the limit is what is tested here, at 1.5 MB (growth: npm run bench -- yaml).
    const medium = `${big.slice(0, big.indexOf('\nkey_70000:'))}\nkey_1: dup\n`;
    expect(medium.length).toBeGreaterThan(1.5 * MB);
    const lowered = configWith({ limits: { max_file_bytes: MB, max_markdown_bytes: MB } });
    const refused = await evaluatePr(goodForemanPr().change('data/big.yml', medium), lowered);
    expect(
      result(refused, 'merge-gate/verdict')
        .findings.map((f) => f.message)
        .join('\n'),
    ).toMatch(/Syntax not checked: data\/big\.yml .*limits\.max_file_bytes/);
    const raised = configWith({ limits: { max_file_bytes: 2 * MB, max_markdown_bytes: MB } });
    const evaluation = await evaluatePr(goodForemanPr().change('data/big.yml', medium), raised);
    expectSevenTerminal(evaluation);
    expect(failures(evaluation, 'merge-gate/verdict').join('\n')).toMatch(/data\/big\.yml .*"key_1"/);
  });
});

/** Strings shaped to make backtracking regexes slow: long runs, repeated prefixes, near-misses. */
const N = 20_000;
const HOSTILE: Record<string, string> = {
  'letters then a mismatch': `${'a'.repeat(N)}!`,
  'spaces then text': `${' '.repeat(N)}x`,
  'digits then spaces': `${'1'.repeat(N)}${' '.repeat(N)}x`,
  dashes: '-'.repeat(N),
  'emphasis markers': '_*'.repeat(N / 2),
  'token prefixes': 'IAA-'.repeat(N / 4),
  'token-like without an outcome': `IAA-${'a-'.repeat(N / 2)}`,
  'session prefixes': 'session-'.repeat(N / 8),
  'date prefixes': '2026-03-05 '.repeat(N / 11),
  'QP verdict prefixes': 'QP VERDICT '.repeat(N / 11),
  'placeholder brackets': `[${'A_'.repeat(N / 2)}`,
  'path separators': 'a/'.repeat(N / 2),
  'glob characters': '**/{a,'.repeat(N / 6),
  'astral characters': '\u{1F600}'.repeat(N / 2),
  'dots then a letter': `${'.'.repeat(N)}x`,
  'hex digits then a mismatch': `${'ab'.repeat(N / 2)}g`,
  'reference prefixes': `${'a-'.repeat(N / 2)}#`,
  'repository URLs': 'github.com/a/'.repeat(N / 13),
  'path segments then a space': `${'a/'.repeat(N / 2)}a.md x`,
};

/** A PR with `text` in every place the checks match a pattern against. */
function prCarrying(text: string): InMemoryPr {
  const line = text.replace(/\n/g, ' ');
  const proof = proofText({
    agent: line,
    sessionId: line,
    branch: line,
    date: line,
    token: line,
    builders: `| ${line} | ${line} | ${line} |`,
    extra:
      `\n## ${line}\n\nQP verdict: ${line}\nTests: ${line}\n- [x] ${line}\n` +
      // What the evidence rules read: a files table's cells, a path and a hash on a line.
      `\n## Files Changed\n\n| File | Status | SHA256 |\n|---|---|---|\n| ${line} | ${line} | ${line} ${'a'.repeat(64)} |\n` +
      `\n${line} ${'b'.repeat(64)}\n- [x] Evidence: ${line} — ${line}\n`,
  }).replace('[Wave 14] Wire the endpoint — Issue #900', line);
  return new InMemoryPr()
    .with({ title: line, body: text, labels: [line, 'x'.repeat(10_000)], headRef: line })
    .change(PROOF_PATH, proof)
    .change(MEMORY_PATH, memoryText({ agent: line, sessionId: line, delegated: `  - ${line}` }))
    .change(`src/${line.slice(0, 200)}.ts`, `export const value = ${JSON.stringify(text)};\n`)
    .change('config/values.yml', `key: ${JSON.stringify(text)}\n`);
}

describe('regex-hostile strings against every pattern the checks apply', () => {
  it.each(Object.entries(HOSTILE))('completes with seven terminal results: %s', async (_name, text) => {
    const pr = prCarrying(text);
    // With the evidence lookups, so every claim reaches its rule too.
    expectSevenTerminal(
      await evaluate(pr.pullRequest(), pr.reader(), configWith(), { evidence: pr.evidence() }),
    );
  });

  it('a 10,000-character label neither matches the override label nor breaks the report', async () => {
    const config = configWith({ override_label: 'CS sign-off: approved' });
    const label = `CS sign-off: approved${'!'.repeat(10_000)}`;
    const evaluation = await evaluatePr(goodForemanPr().with({ labels: [label] }), config);
    expectSevenTerminal(evaluation);
    expect(evaluation.results.some((r) => r.waivedBy)).toBe(false);
  });
});
