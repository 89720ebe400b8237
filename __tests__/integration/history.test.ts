/**
 * `merge-gate history` in local mode on generated repositories: which PRs it finds in both merge
 * styles, and that every PR's seven results are exactly what `merge-gate check` prints for the same
 * base, head, head ref and config (one engine), under the base config and under `--config`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryReport, PullReport } from '../../src/history/report.js';
import { runCli } from '../helpers/cli-run.js';
import { removeTempRepos } from '../helpers/git-repo.js';
import { createHistoryRepo, type HistoryRepo } from '../helpers/history-repo.js';

afterAll(removeTempRepos);

let history: HistoryRepo;
let report: HistoryReport;
let exitCode: number;

/** `check` on the same commits, the way history describes the PR. */
async function checkLike(dir: string, pull: PullReport, extra: string[] = []) {
  const args = [
    'check',
    '--repo',
    dir,
    '--base',
    pull.base,
    '--head',
    pull.head,
    '--format',
    'json',
    ...extra,
  ];
  if (pull.headRef !== null) args.push('--head-ref', pull.headRef);
  const run = await runCli(args);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { verdict: string; checks: PullReport['checks'] };
}

beforeAll(async () => {
  history = createHistoryRepo({ pulls: 50 });
  const run = await runCli(['history', '--repo', history.repo.dir, '--format', 'json', '--jobs', '4']);
  exitCode = run.code;
  expect(run.stderr).toBe('');
  report = JSON.parse(run.stdout) as HistoryReport;
});

describe('local mode: which pull requests', () => {
  it('finds every merged PR of the first-parent history, newest first, in both merge styles', () => {
    expect(exitCode).toBe(0);
    const expected = [...history.pulls].reverse();
    expect(report.pulls.map((p) => p.number)).toEqual(expected.map((p) => p.number));
    for (const [i, pull] of report.pulls.entries()) {
      const made = expected[i]!;
      expect({ n: pull.number, base: pull.base, head: pull.head, origin: pull.origin }).toEqual({
        n: made.number,
        base: made.base,
        head: made.head,
        origin: made.style,
      });
      // Only a merge commit names the branch; a squash merge's head ref is unknown.
      expect(pull.headRef).toBe(made.style === 'merge' ? made.branch : null);
      expect(pull.title).toBe(made.title);
      expect(pull.labels).toBeNull();
      expect(pull.checks).toHaveLength(7);
    }
    expect(report.summary).toMatchObject({
      mode: 'local',
      branch: 'main',
      pulls: 50,
      evaluated: 50,
      notEvaluated: 0,
    });
  });

  it('says what local mode cannot know, and flags every proof Branch it could not compare', () => {
    expect(report.summary.unknown.map((u) => u.field)).toEqual(['labels', 'headRef', 'author']);
    for (const pull of report.pulls) {
      const proofCheck = pull.checks.find((c) => c.context === 'prehandover-proof-check')!;
      const notCompared = proofCheck.findings.some((f) =>
        /was not compared: the PR's head branch is unknown/.test(f.message),
      );
      const hasProof =
        proofCheck.description !== 'No PREHANDOVER proof in this PR: commit one for this session';
      expect({ n: pull.number, notCompared }).toEqual({
        n: pull.number,
        notCompared: hasProof && pull.headRef === null,
      });
    }
  });

  it('honours --limit and --since', async () => {
    const limited = await runCli(['history', '--repo', history.repo.dir, '--format', 'json', '--limit', '5']);
    expect((JSON.parse(limited.stdout) as HistoryReport).pulls.map((p) => p.number)).toEqual([
      150, 149, 148, 147, 146,
    ]);
    const since = await runCli([
      'history',
      '--repo',
      history.repo.dir,
      '--format',
      'json',
      '--since',
      '2026-02-18',
    ]);
    const dates = (JSON.parse(since.stdout) as HistoryReport).pulls.map((p) => p.mergedAt.slice(0, 10));
    expect(dates).toEqual([
      '2026-02-23',
      '2026-02-22',
      '2026-02-21',
      '2026-02-20',
      '2026-02-19',
      '2026-02-18',
    ]);
  });
});

describe('local mode: one engine', () => {
  it('gives every PR exactly the seven results merge-gate check gives', async () => {
    for (const pull of report.pulls) {
      const checked = await checkLike(history.repo.dir, pull);
      expect({ n: pull.number, checks: pull.checks }).toEqual({ n: pull.number, checks: checked.checks });
    }
  });

  it('reads each PR under the config of its own base commit', () => {
    // PENDING tokens fail before the config change (after PR 125) and pass after it.
    const pending = report.pulls.filter((p) => p.title.startsWith('Audit pending'));
    const verdicts = pending.map((p) => [p.number, p.checks[0]!.state]);
    expect(verdicts.filter(([n]) => (n as number) <= 125).every(([, s]) => s === 'failure')).toBe(true);
    expect(verdicts.filter(([n]) => (n as number) > 125).every(([, s]) => s === 'success')).toBe(true);
  });

  it('--config: every PR under the proposed config equals check --config, and the changes are explained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-gate-proposed-'));
    const file = join(dir, 'proposed.yml');
    writeFileSync(file, 'proof:\n  match_branch: false\n  pending: success\n');
    const run = await runCli(['history', '--repo', history.repo.dir, '--config', file, '--format', 'json']);
    const proposed = JSON.parse(run.stdout) as HistoryReport;
    expect(proposed.pulls.map((p) => p.checks)).toEqual(report.pulls.map((p) => p.checks));
    for (const pull of proposed.pulls) {
      const checked = await checkLike(history.repo.dir, pull, ['--config', file]);
      expect({ n: pull.number, checks: pull.proposed?.checks }).toEqual({
        n: pull.number,
        checks: checked.checks,
      });
    }
    const changed = proposed.summary.comparison!.changed;
    const expected = proposed.pulls.filter((p) => p.verdict !== p.proposed!.verdict).map((p) => p.number);
    expect(changed.map((c) => c.number)).toEqual(expected);
    // Borrowed proofs on merge commits stop failing on the Branch rule; early PENDING ones on the token.
    expect(changed.length).toBeGreaterThan(0);
    for (const change of changed) {
      expect(change.checks.find((c) => c.context === 'prehandover-proof-check')).toMatchObject({
        from: 'failure',
        to: 'success',
        reason: expect.stringMatching(/does not match the PR head branch|PENDING/),
      });
    }
  });
});

describe('--from: one evaluation, several formats', () => {
  it('renders a saved JSON report exactly as the run renders it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-gate-from-'));
    const saved = join(dir, 'history.json');
    // The newest dozen PRs: rendering does not depend on how many there are.
    const query = ['--repo', history.repo.dir, '--limit', '12'];
    const write = await runCli(['history', ...query, '--format', 'json', '--output', saved]);
    expect(write).toMatchObject({ code: 0, stdout: '' });
    const { summary } = JSON.parse(readFileSync(saved, 'utf8')) as HistoryReport;
    expect(summary.pulls).toBe(12);
    expect(write.stderr).toBe(
      `merge-gate: 12 PRs (${summary.verdicts.success} may merge, ${summary.verdicts.failure} blocked, 0 not evaluated); report written to ${saved}\n`,
    );
    for (const format of ['markdown', 'html', 'text']) {
      const direct = await runCli(['history', ...query, '--format', format]);
      const rendered = await runCli(['history', '--from', saved, '--format', format]);
      expect(rendered).toEqual(direct);
    }
    const clash = await runCli(['history', '--from', saved, '--limit', '3']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--from cannot be combined with --limit');
    writeFileSync(join(dir, 'other.json'), '{"verdict":"success"}');
    const other = await runCli(['history', '--from', join(dir, 'other.json')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('is not a merge-gate history JSON report');
  });
});

describe('local mode: the summary', () => {
  it('counts failures per check over the PRs and groups findings by kind with the PRs behind them', () => {
    const verdict = report.summary.checks.find((c) => c.context === 'merge-gate/verdict')!;
    expect(verdict.failed).toBe(report.pulls.filter((p) => p.verdict === 'failure').length);
    const proof = report.summary.checks.find((c) => c.context === 'prehandover-proof-check')!;
    const noProof = proof.findings.find((k) => k.kind.startsWith('No PREHANDOVER proof'))!;
    expect(noProof.pulls.sort()).toEqual(
      report.pulls
        .filter((p) => p.title.startsWith('Quick fix'))
        .map((p) => p.number)
        .sort(),
    );
    expect(proof.failureRate).toBeCloseTo(proof.failed / proof.evaluated, 4);
  });

  it('counts verdicts per week of merge', () => {
    const weeks = report.summary.weeks;
    expect(weeks[0]!.week).toBe('2026-01-05');
    expect(weeks.reduce((n, w) => n + w.success + w.failure + w.error, 0)).toBe(50);
    expect(weeks.every((w) => new Date(`${w.week}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });
});
