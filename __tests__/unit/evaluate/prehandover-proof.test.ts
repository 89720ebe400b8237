import { evaluatePr, failures, goodForemanPr, result } from '../../helpers/evaluate-pr.js';
import { configWith, InMemoryPr } from '../../helpers/in-memory-pr.js';
import { PROOF_PATH, proofText } from '../../helpers/proofs.js';

const CHECK = 'prehandover-proof-check';

describe('prehandover-proof-check', () => {
  it('passes a complete proof on the PR branch with a PASS token', async () => {
    const evaluation = await evaluatePr(goodForemanPr());
    expect(result(evaluation, CHECK).state).toBe('success');
    expect(result(evaluation, CHECK).description).toContain('IAA-session-031-20260305-PASS');
  });

  it('fails when the PR carries no proof, listing the globs searched', async () => {
    const pr = goodForemanPr().remove(PROOF_PATH);
    const r = result(await evaluatePr(pr), CHECK);
    expect(r.state).toBe('failure');
    expect(r.findings[0]?.message).toContain('**/PREHANDOVER*.md');
  });

  it('ignores proofs committed earlier: only files this PR adds or modifies count', async () => {
    const pr = goodForemanPr().remove(PROOF_PATH).atHead(PROOF_PATH, proofText());
    expect(result(await evaluatePr(pr), CHECK).state).toBe('failure');
  });

  it('does not count a deleted proof or a template', async () => {
    const pr = goodForemanPr()
      .change(PROOF_PATH, { status: 'removed' })
      .change('governance/templates/PREHANDOVER_TEMPLATE.md', proofText());
    const evaluation = await evaluatePr(pr);
    expect(result(evaluation, CHECK).state).toBe('failure');
    expect(evaluation.notes.join('\n')).toContain('governance/templates/PREHANDOVER_TEMPLATE.md');
  });

  it('fails when the token is PENDING, and accepts it when proof.pending is success', async () => {
    const pr = goodForemanPr({ token: 'PENDING' });
    const r = result(await evaluatePr(pr), CHECK);
    expect(r.state).toBe('failure');
    expect(r.description).toContain('PENDING');
    const lenient = configWith();
    lenient.proof.pending = 'success';
    expect(result(await evaluatePr(pr, lenient), CHECK).state).toBe('success');
  });

  it('fails on a REJECT token and on a missing token, quoting the value', async () => {
    expect(
      result(await evaluatePr(goodForemanPr({ token: 'IAA-session-031-20260305-REJECT' })), CHECK).state,
    ).toBe('failure');
    const missing = result(await evaluatePr(goodForemanPr({ token: 'to be issued' })), CHECK);
    expect(missing.state).toBe('failure');
    expect(missing.description).toContain('to be issued');
  });

  it('fails when a required field is missing, naming a near key that is not a synonym', async () => {
    const text = proofText().replace(
      '| Agent | foreman-v2-agent v6.2.0 |',
      '| Prepared by | foreman-v2-agent |',
    );
    const pr = goodForemanPr().change(PROOF_PATH, text);
    const messages = failures(await evaluatePr(pr), CHECK);
    expect(messages).toContainEqual(expect.stringContaining('No agent field (found "Prepared by"'));
  });

  it('fails when the branch is not the PR head branch, unless proof.match_branch is off', async () => {
    const pr = goodForemanPr({ branch: 'copilot/other-work' });
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(
      expect.stringContaining('copilot/other-work'),
    );
    const relaxed = configWith();
    relaxed.proof.match_branch = false;
    expect(result(await evaluatePr(pr, relaxed), CHECK).state).toBe('success');
  });

  it('says the Branch was not compared when the head branch is unknown, without failing on it', async () => {
    const unknownHead = goodForemanPr({ branch: 'copilot/other-work' }).with({ headRef: '' });
    const checked = result(await evaluatePr(unknownHead), CHECK);
    expect(checked.state).toBe('success');
    expect(checked.findings).toContainEqual(
      expect.objectContaining({
        severity: 'notice',
        message: 'Branch "copilot/other-work" was not compared: the PR\'s head branch is unknown here',
        configKey: 'proof.match_branch',
      }),
    );
    const known = result(await evaluatePr(goodForemanPr()), CHECK);
    expect(known.findings.map((f) => f.message).join('\n')).not.toContain('was not compared');
    const relaxed = configWith();
    relaxed.proof.match_branch = false;
    const off = result(await evaluatePr(unknownHead, relaxed), CHECK);
    expect(off.findings.map((f) => f.message).join('\n')).not.toContain('was not compared');
  });

  it('fails on a date that is not a date, and on template placeholders left in values', async () => {
    expect(failures(await evaluatePr(goodForemanPr({ date: 'March 5th' })), CHECK)).toContainEqual(
      expect.stringContaining('not a date'),
    );
    const placeholder = failures(await evaluatePr(goodForemanPr({ date: '[YYYY-MM-DD]' })), CHECK);
    expect(placeholder).toContainEqual(expect.stringContaining('[YYYY-MM-DD]'));
  });

  it('does not treat a bracketed tag followed by a title as a placeholder', async () => {
    expect(
      result(await evaluatePr(goodForemanPr()), CHECK)
        .findings.map((f) => f.message)
        .join(),
    ).not.toContain('placeholder');
  });

  it('fails on an unchecked completeness item, pointing at its line', async () => {
    const r = result(await evaluatePr(goodForemanPr({ unchecked: true })), CHECK);
    expect(r.state).toBe('failure');
    const finding = r.findings.find((f) => f.message.includes('Unchecked'));
    expect(finding?.file).toBe(PROOF_PATH);
    expect(proofText({ unchecked: true }).split('\n')[(finding?.line ?? 0) - 1]).toContain('- [ ] Evidence');
  });

  it('chooses the proof whose Branch is the head ref as governing; the other is related', async () => {
    const other = '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-091-later-20260306.md';
    const pr = goodForemanPr().change(
      other,
      proofText({ sessionId: '091', date: '2026-03-06', branch: 'copilot/elsewhere', token: 'PENDING' }),
    );
    const evaluation = await evaluatePr(pr);
    expect(evaluation.governingProof).toBe(PROOF_PATH);
    expect(evaluation.relatedProofs).toEqual([other]);
    expect(result(evaluation, CHECK).state).toBe('success');
  });

  it('with no branch match, the newest date governs, then the higher session id', async () => {
    const a = 'a/PREHANDOVER-053.md';
    const b = 'b/PREHANDOVER-053-R2.md';
    const pr = new InMemoryPr()
      .change(a, proofText({ sessionId: '053', branch: 'x' }))
      .change(b, proofText({ sessionId: '053-R2', branch: 'y' }));
    expect((await evaluatePr(pr)).governingProof).toBe(b);
    pr.change(a, proofText({ sessionId: '053', branch: 'x', date: '2026-03-06' }));
    expect((await evaluatePr(pr)).governingProof).toBe(a);
  });

  it('reads a token given as a path and judges what the file holds', async () => {
    const tokenFile = '.agent-admin/assurance/iaa-token-session-031.md';
    const pr = goodForemanPr({ token: `${tokenFile} (issued by IAA)` });
    expect(failures(await evaluatePr(pr), CHECK)).toContainEqual(expect.stringContaining('does not exist'));
    pr.change(tokenFile, '# IAA token\n\niaa_audit_token: IAA-session-031-20260305-PASS\n');
    expect(result(await evaluatePr(pr), CHECK).state).toBe('success');
    pr.change(tokenFile, '# IAA token\n\nVerdict: IAA-session-031-20260305-REJECT\n');
    expect(result(await evaluatePr(pr), CHECK).state).toBe('failure');
  });

  it('reads the verdict of a prose token file from the matched text, whatever groups the pattern has', async () => {
    const tokenFile = '.agent-admin/assurance/iaa-token-session-031.md';
    const config = configWith();
    config.token.pattern = 'IAA-[A-Za-z0-9-]+';
    const pr = goodForemanPr({ token: tokenFile });
    pr.change(tokenFile, '# Audit\n\nAudited and issued IAA-session-031-20260305-PASS today.\n');
    expect(result(await evaluatePr(pr, config), CHECK).state).toBe('success');
    pr.change(tokenFile, '# Audit\n\nFirst IAA-session-031-PASS, then IAA-session-031-R2-REJECT.\n');
    expect(failures(await evaluatePr(pr, config), CHECK)).toContainEqual(
      expect.stringContaining('holds a REJECT token'),
    );
  });

  it('refuses a proof over the size limit with a clear message', async () => {
    const config = configWith();
    config.limits.max_file_bytes = 1000;
    const r = result(await evaluatePr(goodForemanPr({ extra: 'x'.repeat(2000) }), config), CHECK);
    expect(r.state).toBe('failure');
    expect(r.description).toContain('limits.max_file_bytes');
  });
});
