/**
 * `merge-gate history --github` against the fake GitHub API (a real HTTP server): merged PRs are
 * listed through the API, read through the action's adapter, and each gets exactly the seven
 * results `merge-gate check` gives on the same commits with the same labels, head ref and author.
 * An API failure mid-way makes the affected PRs errors; the rest is still reported.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { HistoryReport, PullReport } from '../../src/history/report.js';
import { runHistory } from '../../src/history/run-history.js';
import { runCli } from '../helpers/cli-run.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { removeTempRepos } from '../helpers/git-repo.js';
import { createHistoryRepo, type HistoryRepo } from '../helpers/history-repo.js';

const TOKEN = 'ghs_history_test_token';
const OVERRIDE = 'CS sign-off: approved';
const quiet = { debug: () => undefined, warn: () => undefined };

let history: HistoryRepo;
let github: FakeGitHub;

/** Labels the generated PRs carry on GitHub: a waiver on some, the builder label on others. */
const labelsOf = (n: number): string[] =>
  n % 10 === 3 ? [OVERRIDE] : n % 10 === 7 ? ['copilot-builder-role'] : [];
const authorOf = (n: number): string => (n % 25 === 0 ? 'dependabot[bot]' : 'copilot-swe-agent[bot]');

beforeAll(async () => {
  history = createHistoryRepo({ pulls: 50 });
  github = await FakeGitHub.start({ token: TOKEN });
  for (const pull of history.pulls) {
    await github.servePullRequestFromGit(history.repo.dir, {
      number: pull.number,
      title: pull.title,
      headRef: pull.branch,
      base: pull.base,
      head: pull.head,
      labels: labelsOf(pull.number),
      author: authorOf(pull.number),
      // Merge order differs from number order: the list is sorted by merge time.
      mergedAt: new Date(Date.UTC(2026, 0, 1) + ((pull.number * 7) % 50) * 3_600_000).toISOString(),
    });
  }
  // The issue the proofs name, and a test run on every head: GitHub mode checks both (SPEC §9.3, §9.4).
  github.evidence.setIssue('octo/repo', 900);
  for (const pull of history.pulls) github.evidence.setCheckRuns('octo/repo', pull.head, ['test']);
  // An open PR is not listed among the merged ones.
  github.addPullRequest({
    number: 999,
    headRef: 'open',
    headSha: history.pulls[0]!.head,
    baseSha: history.pulls[0]!.base,
    files: [],
  });
});
afterAll(async () => {
  await github.close();
  removeTempRepos();
});

async function historyCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['history', '--github', 'octo/repo', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: process.cwd(),
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url },
  });
  return { code, stdout, stderr };
}

describe('merge-gate history --github', () => {
  let report: HistoryReport;
  beforeAll(async () => {
    const run = await historyCli(['--format', 'json', '--jobs', '4']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    report = JSON.parse(run.stdout) as HistoryReport;
  });

  it('lists the merged PRs through the API, newest merge first, with what the API knows', () => {
    expect(report.pulls.map((p) => p.number).sort()).toEqual(history.pulls.map((p) => p.number).sort());
    const dates = report.pulls.map((p) => p.mergedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const pull of report.pulls) {
      const made = history.pulls.find((p) => p.number === pull.number)!;
      expect(pull).toMatchObject({
        headRef: made.branch,
        base: made.base,
        head: made.head,
        origin: 'github',
      });
      expect(pull).toMatchObject({ labels: labelsOf(pull.number), author: authorOf(pull.number) });
    }
    expect(report.summary).toMatchObject({
      mode: 'github',
      repository: 'octo/repo',
      unknown: [],
      notEvaluated: 0,
    });
    expect(
      github.requests.filter((r) => r.route === 'pulls').every((r) => r.query.get('state') === 'closed'),
    ).toBe(true);
  });

  it('gives every PR exactly the seven results merge-gate check gives for its commits, labels and author', async () => {
    // Only the API can look up an issue or a check run: check says so in a notice, which is the one
    // difference (the issue exists and the tests ran here, so GitHub mode has nothing to report).
    const apiOnly = (finding: { severity: string; message: string }) =>
      finding.severity === 'notice' && /a local run has no GitHub API/.test(finding.message);
    let apiOnlyNotices = 0;
    for (const pull of report.pulls) {
      const args = ['check', '--repo', history.repo.dir, '--base', pull.base, '--head', pull.head];
      args.push('--head-ref', pull.headRef!, '--author', pull.author!, '--format', 'json');
      for (const label of pull.labels ?? []) args.push('--label', label);
      const checked = JSON.parse((await runCli(args)).stdout) as { checks: PullReport['checks'] };
      for (const check of checked.checks) {
        apiOnlyNotices += check.findings.filter(apiOnly).length;
        check.findings = check.findings.filter((finding) => !apiOnly(finding));
      }
      expect({ n: pull.number, checks: pull.checks }).toEqual({ n: pull.number, checks: checked.checks });
    }
    expect(apiOnlyNotices).toBeGreaterThan(0);
  });

  it('applies what only GitHub knows: the override label waives, a bot author is exempt', () => {
    const waived = report.pulls.filter((p) => p.checks.some((c) => c.waivedBy === OVERRIDE));
    expect(waived.length).toBeGreaterThan(0);
    expect(waived.every((p) => p.labels?.includes(OVERRIDE))).toBe(true);
    const bot = report.pulls.find((p) => p.author === 'dependabot[bot]')!;
    expect(bot.checks.every((c) => c.state === 'success' && /^exempt: author/.test(c.description))).toBe(
      true,
    );
  });

  it('honours --limit with the newest merges', async () => {
    const run = await historyCli(['--format', 'json', '--limit', '3']);
    const limited = JSON.parse(run.stdout) as HistoryReport;
    expect(limited.pulls.map((p) => p.number)).toEqual(report.pulls.slice(0, 3).map((p) => p.number));
  });

  it("looks up each PR's evidence once, also when --config evaluates it a second time", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'merge-gate-proposed-')), 'proposed.yml');
    writeFileSync(file, 'proof:\n  match_branch: false\n');
    const evidenceReads = () => (['issue', 'check-runs'] as const).map((route) => github.count(route));
    const before = evidenceReads();
    expect((await historyCli(['--format', 'json', '--limit', '6'])).code).toBe(0);
    const once = evidenceReads().map((n, i) => n - before[i]!);
    const middle = evidenceReads();
    expect((await historyCli(['--format', 'json', '--limit', '6', '--config', file])).code).toBe(0);
    const withProposed = evidenceReads().map((n, i) => n - middle[i]!);
    expect(once.every((n) => n > 0)).toBe(true);
    expect(withProposed).toEqual(once);
  });

  it('needs a token, and never prints it', async () => {
    let stderr = '';
    const code = await main(['history', '--github', 'octo/repo'], {
      stdout: { write: () => undefined },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: process.cwd(),
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain('GITHUB_TOKEN');
    const run = await historyCli(['--format', 'text', '--limit', '5']);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });
});

describe('API failures', () => {
  afterEach(() => github.clearFaults());
  const request = () => ({
    source: {
      kind: 'github' as const,
      owner: 'octo',
      repo: 'repo',
      token: TOKEN,
      apiUrl: github.url,
      client: { retries: 1, retryBaseMs: 1, requestTimeoutMs: 30_000, rateLimitSecondMs: 1, log: quiet },
    },
    query: { limit: 100 },
    jobs: 1,
  });

  it('a failure mid-way makes the PRs it hit errors with the reason; the others are reported', async () => {
    github.inject('files', { kind: 'status', status: 502 }, Infinity, 4);
    const report = await runHistory({ ...request(), query: { limit: 10 } });
    const errors = report.pulls.filter((p) => p.error !== null);
    expect(errors.length).toBe(6);
    expect(report.pulls.slice(0, 4).every((p) => p.error === null && p.checks.length === 7)).toBe(true);
    for (const pull of errors) {
      expect(pull.verdict).toBe('error');
      expect(pull.error).toMatch(/listing the changed files of PR #\d+: HTTP 502/);
    }
    expect(report.summary).toMatchObject({ pulls: 10, evaluated: 4, notEvaluated: 6 });
  });

  it('a failed list page after the first reports what was listed and says the list is incomplete', async () => {
    for (let n = 1000; n < 1150; n += 1)
      github.addPullRequest({
        number: n,
        headRef: 'x',
        headSha: history.pulls[0]!.head,
        baseSha: history.pulls[0]!.base,
        files: [],
        // Merged after the generated PRs: the first page is these empty PRs, cheap to evaluate.
        mergedAt: '2027-01-01T00:00:00Z',
      });
    github.inject('pulls', { kind: 'status', status: 502 }, Infinity, 1);
    const report = await runHistory({ ...request(), query: { limit: 1000 }, jobs: 4 });
    expect(report.summary.incomplete).toBe(true);
    expect(report.summary.notes.join('\n')).toMatch(
      /incomplete: GitHub API error while listing the merged pull requests \(page 2\)/,
    );
    expect(report.pulls).toHaveLength(100);
  });

  it('a first list page that fails is an error of the whole run (exit 2)', async () => {
    github.inject('pulls', { kind: 'status', status: 404 }, 1);
    const run = await historyCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('listing the merged pull requests (page 1): HTTP 404');
  });
});
