/**
 * `merge-gate history` on damaged or unusual repositories: a PR whose commits are gone, a tree that
 * cannot be read, a shallow clone, an invalid config on a base commit. Each such PR is an `error`
 * with its reason, the rest is reported, and the exit code is 1; usage and config errors exit 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryReport } from '../../src/history/report.js';
import { runCli } from '../helpers/cli-run.js';
import { cloneRepo, createRepo, removeTempRepos } from '../helpers/git-repo.js';
import { createHistoryRepo } from '../helpers/history-repo.js';

afterAll(removeTempRepos);

/** Deletes a loose object, as a broken or partial copy of a repository would lack it. */
function deleteObject(dir: string, sha: string): void {
  rmSync(join(dir, '.git', 'objects', sha.slice(0, 2), sha.slice(2)));
}

async function historyJson(dir: string, extra: string[] = []) {
  const run = await runCli(['history', '--repo', dir, '--format', 'json', ...extra]);
  return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout) as HistoryReport };
}

describe('a PR that cannot be evaluated is an error with its reason; the rest is reported (exit 1)', () => {
  it('a merged branch whose commits are gone', async () => {
    const { repo, pulls } = createHistoryRepo({ pulls: 8 });
    const gone = pulls.find((p) => p.style === 'merge')!;
    deleteObject(repo.dir, gone.head);
    const { code, report } = await historyJson(repo.dir);
    expect(code).toBe(1);
    const broken = report.pulls.find((p) => p.number === gone.number)!;
    expect(broken).toMatchObject({ verdict: 'error', checks: [] });
    expect(broken.error).toBe(`the PR's head commit ${gone.head.slice(0, 12)} is not in this repository`);
    expect(report.pulls.filter((p) => p.error === null)).toHaveLength(7);
    expect(report.summary).toMatchObject({ pulls: 8, evaluated: 7, notEvaluated: 1, verdicts: { error: 1 } });
    const text = await runCli(['history', '--repo', repo.dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      `reason: the PR's head commit ${gone.head.slice(0, 12)} is not in this repository`,
    );
  });

  it('a merge whose tree cannot be read (and the PR after it, whose base that is)', async () => {
    const { repo, pulls } = createHistoryRepo({ pulls: 8 });
    const squash = pulls[2]!;
    deleteObject(repo.dir, repo.git('rev-parse', `${squash.mergeCommit}^{tree}`));
    const { code, report } = await historyJson(repo.dir);
    expect(code).toBe(1);
    const errors = report.pulls.filter((p) => p.error !== null);
    expect(errors.map((p) => p.number).sort()).toEqual([squash.number, squash.number + 1]);
    for (const pull of errors)
      expect(pull.error).toMatch(/git (diff|cat-file).*failed|cannot be read|unable to read/);
    expect(report.pulls.filter((p) => p.error === null && p.checks.length === 7)).toHaveLength(6);
  });

  it('a shallow clone: PRs cut off by it are errors that say so, the others are evaluated', async () => {
    const { repo } = createHistoryRepo({ pulls: 12 });
    const shallow = cloneRepo(`file://${repo.dir}`, { depth: 4 });
    const { code, report } = await historyJson(shallow.dir);
    expect(code).toBe(1);
    expect(report.summary.notes.join(' ')).toContain('The clone is shallow');
    const errors = report.pulls.filter((p) => p.error !== null);
    expect(errors.length).toBeGreaterThan(0);
    for (const pull of errors) expect(pull.error).toMatch(/shallow/);
    const evaluated = report.pulls.filter((p) => p.error === null);
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.every((p) => p.checks.length === 7)).toBe(true);
  });

  it('an invalid config on a base commit makes the PRs under it errors naming the problem', async () => {
    const repo = createRepo({ files: { 'README.md': '# r\n' } });
    repo.commit('First (#1)', { 'docs/a.md': 'a\n' });
    repo.commit('Break the config', { '.github/merge-gate.yml': 'mode: sometimes\n' });
    repo.commit('Second (#2)', { 'docs/b.md': 'b\n' });
    const { code, report } = await historyJson(repo.dir);
    expect(code).toBe(1);
    expect(report.pulls.map((p) => [p.number, p.verdict])).toEqual([
      [2, 'error'],
      [1, 'failure'],
    ]);
    expect(report.pulls[0]!.error).toMatch(
      /^the config on the PR's base commit is invalid: \.github\/merge-gate\.yml.*\n.*mode \(line 1\)/,
    );
  });
});

describe('usage and config errors exit 2 with a message and no report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'merge-gate-history-usage-'));
  writeFileSync(join(dir, 'bad.yml'), 'proof:\n  pending: maybe\n');
  const repo = () => createRepo({ files: { 'README.md': '# r\n' } }).dir;

  it.each([
    [['--repo', '.', '--github', 'o/r'], '--repo and --github cannot be combined'],
    [['--limit', '0'], '--limit must be a whole number'],
    [['--jobs', 'many'], '--jobs must be a whole number'],
    [['--since', 'last week'], '--since must be a date'],
    [['--format', 'pdf'], '--format must be one of text, json, markdown, html'],
    [['--github', 'not-a-repo'], '--github must be OWNER/REPO'],
  ])('%j', async (args, message) => {
    const run = await runCli(['history', ...args], repo());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('names a proposed config that does not load, with its key', async () => {
    const run = await runCli(['history', '--repo', repo(), '--config', join(dir, 'bad.yml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('proof.pending');
    const missing = await runCli(['history', '--repo', repo(), '--config', join(dir, 'none.yml')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('cannot read config file');
  });

  it('refuses a folder that is not a repository, and a branch that does not exist', async () => {
    const notRepo = await runCli(['history', '--repo', dir]);
    expect(notRepo).toMatchObject({ code: 2, stdout: '' });
    expect(notRepo.stderr).toContain('git rev-parse --git-dir failed');
    const noBranch = await runCli(['history', '--repo', repo(), '--branch', 'trunk']);
    expect(noBranch).toMatchObject({ code: 2, stdout: '' });
    expect(noBranch.stderr).toContain('branch trunk is not a commit');
  });

  it('a repository with no merged PRs gives an empty, complete report', async () => {
    const run = await runCli(['history', '--repo', repo(), '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as HistoryReport;
    expect(report.pulls).toEqual([]);
    expect(report.summary).toMatchObject({ pulls: 0, evaluated: 0, weeks: [] });
  });
});
