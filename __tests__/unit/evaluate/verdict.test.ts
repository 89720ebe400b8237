import { evaluatePr, failures, goodForemanPr, result } from '../../helpers/evaluate-pr.js';
import { configWith } from '../../helpers/in-memory-pr.js';
import { PROOF_PATH } from '../../helpers/proofs.js';

const VERDICT = 'merge-gate/verdict';

describe('merge-gate/verdict', () => {
  it('succeeds when every check passes', async () => {
    const evaluation = await evaluatePr(goodForemanPr());
    expect(evaluation.verdict).toBe('success');
    expect(result(evaluation, VERDICT).description).toContain('may merge');
  });

  it('fails naming the checks that failed', async () => {
    const evaluation = await evaluatePr(goodForemanPr({ token: 'PENDING' }));
    expect(evaluation.verdict).toBe('failure');
    expect(result(evaluation, VERDICT).description).toContain('prehandover-proof-check');
  });

  it('fails when a changed YAML file does not parse or has duplicate keys, with the line', async () => {
    const pr = goodForemanPr().change('.github/workflows/ci.yml', 'on: push\non: pull_request\n');
    const r = result(await evaluatePr(pr), VERDICT);
    expect(r.state).toBe('failure');
    expect(r.findings[0]).toMatchObject({ file: '.github/workflows/ci.yml', line: 2 });
  });

  it('fails when a changed JSON file does not parse', async () => {
    const pr = goodForemanPr().change('apps/web/package.json', '{ "name": "web", }');
    expect(failures(await evaluatePr(pr), VERDICT)).toContainEqual(
      expect.stringContaining('apps/web/package.json'),
    );
  });

  it('fails when test evidence is not green, unless the item carries an allowed qualifier', async () => {
    const red = '\n## Test Results\n\n- 557/559 tests passing\n';
    expect(failures(await evaluatePr(goodForemanPr({ extra: red })), VERDICT)).toContainEqual(
      expect.stringContaining('557/559'),
    );
    const expected = '\n## Test Results\n\n- 3/5 tests GREEN — EXPECTED RED for the QA-to-Red wave\n';
    expect(result(await evaluatePr(goodForemanPr({ extra: expected })), VERDICT).state).toBe('failure');
    const allow = configWith({ tests: { allow: ['EXPECTED RED'] } });
    expect(result(await evaluatePr(goodForemanPr({ extra: expected }), allow), VERDICT).state).toBe(
      'success',
    );
  });

  it('reads "2 failed" and a RED status cell as not green, but not prose elsewhere', async () => {
    const failed = '\n## Tests\n\n```\nTests: 2 failed, 40 passed, 42 total\n```\n';
    expect(result(await evaluatePr(goodForemanPr({ extra: failed })), VERDICT).state).toBe('failure');
    const cell = '\n## QP Results\n\n| Suite | Result |\n|---|---|\n| api | RED |\n';
    expect(result(await evaluatePr(goodForemanPr({ extra: cell })), VERDICT).state).toBe('failure');
    const prose = '\n## Wave Description\n\nLast wave 3/5 tests were flaky; this wave fixes that.\n';
    expect(result(await evaluatePr(goodForemanPr({ extra: prose })), VERDICT).state).toBe('success');
  });

  describe('a test-evidence table (SPEC §8.10)', () => {
    const table = (...rows: string[]) =>
      `\n## Test Results\n\n| Suite | Result |\n|---|---|\n${rows.map((r) => `${r}\n`).join('')}`;
    const verdictOn = async (extra: string, allow: string[] = []) =>
      result(await evaluatePr(goodForemanPr({ extra }), configWith({ tests: { allow } })), VERDICT);

    it('reads a deliberate RED wave, "0/4 ⏳ RED", as not green, quoting the cell', async () => {
      const r = await verdictOn(table('| T-W16.7-UI QA-to-Red suite | 0/4 ⏳ RED |'));
      expect(r.state).toBe('failure');
      expect(r.findings).toContainEqual(
        expect.objectContaining({ message: 'Test evidence is not green: "0/4 ⏳ RED"', file: PROOF_PATH }),
      );
    });

    it('counts a bare tally, whatever follows it, but not a complete one or a date', async () => {
      expect((await verdictOn(table('| Wave 13 total | 3/5 |'))).state).toBe('failure');
      expect((await verdictOn(table('| Wave 13 total | 625/634 (9 production-only) |'))).state).toBe(
        'failure',
      );
      expect((await verdictOn(table('| Wave 13 total | 5/5 |', '| Last run | 03/05/2026 |'))).state).toBe(
        'success',
      );
    });

    it('counts a result cell whose last word is RED or FAIL; QA-RED is not RED', async () => {
      expect((await verdictOn(table('| api | ❌ FAIL |'))).state).toBe('failure');
      expect((await verdictOn(table('| auth | build ok, 2 suites RED |'))).state).toBe('failure');
      expect((await verdictOn(table('| qa-to-red catalog | QA-RED |'))).state).toBe('success');
    });

    it('passes the shapes real green proofs use', async () => {
      const green = table(
        // maturion-isms PR 856: RED gate tests confirmed, then green.
        '| 13.A.1 — Create RED gate tests T-W13-AUTH-APP-1–5 | ✅ QP PASS (5/5 RED as expected) |',
        // PR 1048: a QA-to-Red delivery whose tally is complete.
        '| qa-builder | ✅ DELIVERED — 13/13 RED confirmed before delegation |',
        // PR 1429: per-wave evidence tallies.
        '| B1 Schema Evidence (GAP-009/014/015/024) | 164/164 ✅ COMMITTED |',
        // PR 1429 wave evidence: a row labelled FAILED that counts none.
        '| ❌ FAILED | 0 |',
        // PR 856: expected-red tests listed by themselves.
        '| EXPECTED RED | 9 (production-only) |',
      );
      expect((await verdictOn(green)).state).toBe('success');
    });

    it('keeps tests.allow working: an allowed qualifier in the cell waives it', async () => {
      const expected = table('| Wave 16.7 QA suite | 0/4 ⏳ RED — EXPECTED RED |');
      expect((await verdictOn(expected)).state).toBe('failure');
      expect((await verdictOn(expected, ['EXPECTED RED'])).state).toBe('success');
    });
  });

  it('points annotations at the proof line at fault', async () => {
    const r = result(
      await evaluatePr(goodForemanPr({ extra: '\n## Test Results\n\n- 10/12 tests passing\n' })),
      VERDICT,
    );
    expect(r.findings[0]).toMatchObject({ file: PROOF_PATH });
    expect(r.findings[0]?.line).toBeGreaterThan(1);
  });
});
