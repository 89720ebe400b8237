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

  it('points annotations at the proof line at fault', async () => {
    const r = result(
      await evaluatePr(goodForemanPr({ extra: '\n## Test Results\n\n- 10/12 tests passing\n' })),
      VERDICT,
    );
    expect(r.findings[0]).toMatchObject({ file: PROOF_PATH });
    expect(r.findings[0]?.line).toBeGreaterThan(1);
  });
});
