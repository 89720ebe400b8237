/**
 * The recorded real PRs (`__fixtures__/prs`) as the merged history of one repository, alternating
 * squash and merge commits: `merge-gate history` gives each exactly the seven results
 * `merge-gate check` gives on the same commits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { HistoryReport } from '../../src/history/report.js';
import { runCli } from '../helpers/cli-run.js';
import { createRepo, removeTempRepos } from '../helpers/git-repo.js';

const PRS = join(process.cwd(), '__fixtures__/prs');
/** The one fixture whose branch is recorded (see fixtures.test.ts); the others get a made-up one. */
const KNOWN_BRANCH: Record<number, string> = { 743: 'copilot/deploy-ai-gateway-production' };

afterAll(removeTempRepos);

function filesOf(dir: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(
        join(entry.parentPath, entry.name),
      );
  }
  return files;
}

it('gives every recorded PR, merged in either style, exactly the seven results of merge-gate check', async () => {
  const repo = createRepo({ files: { 'README.md': '# fixtures\n' } });
  const fixtures = readdirSync(PRS).sort();
  const made = new Map<number, string>();
  fixtures.forEach((name, i) => {
    const pr = JSON.parse(readFileSync(join(PRS, name, 'pr.json'), 'utf8')) as {
      number: number;
      title: string;
    };
    const files = filesOf(join(PRS, name, 'head'));
    if (i % 2 === 0) {
      repo.commit(`${pr.title} (#${pr.number})`, files);
      made.set(pr.number, 'squash');
    } else {
      const branch = KNOWN_BRANCH[pr.number] ?? `copilot/fixture-${pr.number}`;
      repo.branch(branch, 'main');
      repo.commit('the pull request', files);
      repo.checkout('main');
      repo.git(
        'merge',
        '-q',
        '--no-ff',
        '-m',
        `Merge pull request #${pr.number} from APGI-cmy/${branch}`,
        '-m',
        pr.title,
        branch,
      );
      made.set(pr.number, 'merge');
    }
  });
  const run = await runCli(['history', '--repo', repo.dir, '--format', 'json']);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as HistoryReport;
  expect(report.pulls.map((p) => [p.number, p.origin]).sort()).toEqual([...made].sort());
  for (const pull of report.pulls) {
    const args = ['check', '--repo', repo.dir, '--base', pull.base, '--head', pull.head, '--format', 'json'];
    if (pull.headRef !== null) args.push('--head-ref', pull.headRef);
    const checked = JSON.parse((await runCli(args)).stdout) as { checks: unknown };
    expect({ n: pull.number, checks: pull.checks }).toEqual({ n: pull.number, checks: checked.checks });
  }
  // The recorded PRs are not all alike: the engine's answers differ between them.
  expect(new Set(report.pulls.map((p) => JSON.stringify(p.checks.map((c) => c.state)))).size).toBeGreaterThan(
    1,
  );
});
