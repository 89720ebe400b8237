import { evaluatePr, failures, goodForemanPr, result } from '../../helpers/evaluate-pr.js';

const CHECK = 'stop-and-fix/enforcement';

describe('stop-and-fix/enforcement', () => {
  it('passes a clean PR', async () => {
    expect(result(await evaluatePr(goodForemanPr()), CHECK).state).toBe('success');
  });

  it('fails when the authoritative token is a REJECT', async () => {
    const messages = failures(
      await evaluatePr(goodForemanPr({ token: 'IAA-session-031-20260305-REJECTION' })),
      CHECK,
    );
    expect(messages).toContainEqual(expect.stringContaining('IAA rejected'));
  });

  it('fails on an open row in a findings table, but not on "completed/failure"', async () => {
    const table =
      '\n## Audit Findings\n\n| Finding | Status |\n|---|---|\n| OBS-001 region hardcoded | ✅ ADDRESSED |\n| OBS-002 retries | completed/failure path tested |\n';
    expect(result(await evaluatePr(goodForemanPr({ extra: table })), CHECK).state).toBe('success');
    const open = table + '| OBS-003 secrets in logs | ❌ OPEN |\n';
    const messages = failures(await evaluatePr(goodForemanPr({ extra: open })), CHECK);
    expect(messages).toEqual([expect.stringContaining('OBS-003')]);
  });

  it('fails when the last QP verdict of a section says FAIL, not when a later verdict passes', async () => {
    const failed = '\n## QP Verdict\n\n> QP VERDICT: FAIL\n';
    expect(failures(await evaluatePr(goodForemanPr({ extra: failed })), CHECK)).toContainEqual(
      expect.stringContaining('FAIL'),
    );
    const fixed = '\n## QP Verdict\n\n> QP VERDICT: FAIL\n\nAfter the fix:\n\n> QP VERDICT: PASS\n';
    expect(result(await evaluatePr(goodForemanPr({ extra: fixed })), CHECK).state).toBe('success');
  });

  it('fails when added test code skips or focuses tests, pointing at the line', async () => {
    const pr = goodForemanPr().change('api/ai/request.test.ts', {
      status: 'modified',
      content: '',
      patch:
        '@@ -10,2 +10,3 @@\n describe("x", () => {\n+  it.skip("later", () => {});\n   it("works", () => {});',
    });
    const r = result(await evaluatePr(pr), CHECK);
    expect(r.state).toBe('failure');
    expect(r.findings[0]).toMatchObject({ file: 'api/ai/request.test.ts', line: 11 });
  });

  describe('without a patch (GitHub leaves it out of large diffs)', () => {
    const TEST = 'api/ai/request.test.ts';
    const base = 'describe("x", () => {\n  it("works", () => {});\n});\n';
    const head = 'describe("x", () => {\n  it.skip("later", () => {});\n  it("works", () => {});\n});\n';

    it('computes the added lines from the merge base and head, as the patch would give them', async () => {
      const withPatch = goodForemanPr().change(TEST, {
        status: 'modified',
        content: head,
        patch: '@@ -1,0 +2 @@\n+  it.skip("later", () => {});',
      });
      const withoutPatch = goodForemanPr()
        .change(TEST, { status: 'modified', content: head })
        .atBase(TEST, base);
      for (const pr of [withPatch, withoutPatch]) {
        const r = result(await evaluatePr(pr), CHECK);
        expect(r.state).toBe('failure');
        expect(r.findings).toEqual([expect.objectContaining({ file: TEST, line: 2 })]);
      }
    });

    it('flags a marker added to a modified file, not one the merge base already had', async () => {
      const script = 'scripts/deploy.sh';
      const old = 'echo start\n# STOP-AND-FIX: known, tracked in #12\n';
      const pr = goodForemanPr()
        .change(script, { status: 'modified', content: `${old}echo done\n` })
        .atBase(script, old);
      expect(result(await evaluatePr(pr), CHECK).state).toBe('success');
      pr.change(script, { status: 'modified', content: `${old}echo done # STOP-AND-FIX\n` });
      expect(result(await evaluatePr(pr), CHECK).findings).toContainEqual(
        expect.objectContaining({ file: script, line: 3 }),
      );
    });

    it('says which files it could not scan when the source has no merge base (a recorded fixture)', async () => {
      const pr = goodForemanPr()
        .change(TEST, { status: 'modified', content: head })
        .change('scripts/deploy.sh', { status: 'modified', content: 'echo\n' });
      const r = result(await evaluatePr(pr), CHECK);
      expect(r.state).toBe('success');
      expect(r.findings).toContainEqual(
        expect.objectContaining({
          severity: 'notice',
          message: expect.stringMatching(/not scanned.*request\.test\.ts.*scripts\/deploy\.sh/),
        }),
      );
    });
  });

  it('does not flag the patterns inside strings or comments of a test', async () => {
    const content = [
      "const STUBS = ['.skip(', '.only(', `xit(`];",
      '// never use expect(true).toBe(true)',
      'it("detects stubs", () => { expect(detect(STUBS)).toBe(3); });',
    ].join('\n');
    const pr = goodForemanPr().change('tools/stub-detector.test.ts', content);
    expect(result(await evaluatePr(pr), CHECK).state).toBe('success');
  });

  it('fails on a STOP-AND-FIX marker added to code, but not in Markdown or the config file', async () => {
    const pr = goodForemanPr().change('.github/merge-gate.yml', 'stop_and_fix:\n  marker: STOP-AND-FIX\n');
    pr.change('docs/guide.md', 'Use STOP-AND-FIX when…\n');
    const config = '.github/merge-gate.yml';
    expect(result(await evaluatePr(pr, undefined, config), CHECK).state).toBe('success');
    pr.change('scripts/deploy.sh', 'echo ok\n# STOP-AND-FIX: remove the hard-coded region\n');
    const r = result(await evaluatePr(pr, undefined, config), CHECK);
    expect(r.findings).toContainEqual(expect.objectContaining({ file: 'scripts/deploy.sh', line: 2 }));
  });
});
