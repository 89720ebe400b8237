/**
 * A generated repository with a history of merged pull requests, for `merge-gate history`: `main`
 * gets one PR after another, alternating GitHub's two merge styles (a squash commit `Title (#N)`,
 * and a `Merge pull request #N from octo/<branch>` merge of a branch), one PR a day. The PRs cycle
 * through shapes real ones have: a complete foreman proof, code with no proof, a PENDING token, a
 * proof for another branch, a builder's code, a broken YAML file. Partway, the base config changes.
 *
 *   const history = createHistoryRepo({ pulls: 60 });
 *   history.repo.dir; history.pulls[0]  // { number, style, branch, base, head, mergeCommit }
 */
import { createRepo, type FileSpec, type TempRepo } from './git-repo.js';
import { memoryText, proofText } from './proofs.js';

export type MergeStyle = 'squash' | 'merge';

export interface GeneratedPull {
  number: number;
  title: string;
  style: MergeStyle;
  branch: string;
  /** First parent of the merge commit. */
  base: string;
  /** The PR's tip: the squash commit, or the merged branch's last commit. */
  head: string;
  mergeCommit: string;
}

export interface HistoryRepo {
  repo: TempRepo;
  /** Oldest first. */
  pulls: GeneratedPull[];
}

export interface HistoryRepoOptions {
  pulls: number;
  /** The first PR's number (default 101). */
  firstNumber?: number;
  /** The PR after which `.github/merge-gate.yml` starts accepting PENDING tokens (default: half-way). */
  configChangeAfter?: number;
  /** Day of the first merge (default 2026-01-05, a Monday). */
  start?: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** The files PR `n` (0-based shape index `i`) changes. */
export function pullFiles(n: number, branch: string): { title: string; files: Record<string, FileSpec> } {
  const session = String(n);
  const proofPath = `.agent-workspace/foreman-v2/memory/PREHANDOVER-session-${session}-20260305.md`;
  const memoryPath = `.agent-workspace/foreman-v2/memory/session-${session}-20260305.md`;
  const proof = (options: Parameters<typeof proofText>[0] = {}) => ({
    [proofPath]: proofText({ sessionId: session, branch, memoryPath, ...options }),
    [memoryPath]: memoryText({ sessionId: session }),
  });
  switch (n % 6) {
    case 0:
      return {
        title: `Deploy wave ${n}`,
        files: { ...proof(), [`.github/workflows/deploy-${n}.yml`]: 'on: push\njobs: {}\n' },
      };
    case 1:
      return {
        title: `Quick fix ${n}`,
        files: { [`apps/web/src/fix-${n}.ts`]: `export const fix = ${n};\n` },
      };
    case 2:
      return { title: `Audit pending ${n}`, files: proof({ token: 'PENDING' }) };
    case 3:
      return { title: `Borrowed proof ${n}`, files: proof({ branch: 'copilot/some-other-branch' }) };
    case 4:
      return {
        title: `Builder change ${n}`,
        files: {
          ...proof({ agent: 'api-builder' }),
          [`apps/api/src/route-${n}.ts`]: `export const route = '/r/${n}';\n`,
        },
      };
    default:
      return {
        title: `Broken config ${n}`,
        files: { ...proof(), [`config/settings-${n}.yml`]: 'a: 1\na: 2\n' },
      };
  }
}

/** Builds the repository; every commit gets a fixed date so weeks and order are reproducible. */
export function createHistoryRepo(options: HistoryRepoOptions): HistoryRepo {
  const first = options.firstNumber ?? 101;
  const changeAfter = options.configChangeAfter ?? Math.floor(options.pulls / 2);
  const start = Date.parse(`${options.start ?? '2026-01-05'}T10:00:00Z`);
  const saved = { author: process.env.GIT_AUTHOR_DATE, committer: process.env.GIT_COMMITTER_DATE };
  const at = (time: number) => {
    const iso = new Date(time).toISOString();
    process.env.GIT_AUTHOR_DATE = iso;
    process.env.GIT_COMMITTER_DATE = iso;
  };
  try {
    at(start - DAY);
    const repo = createRepo({ files: { 'README.md': '# Generated history\n' } });
    const pulls: GeneratedPull[] = [];
    for (let i = 0; i < options.pulls; i += 1) {
      const number = first + i;
      const style: MergeStyle = i % 2 === 0 ? 'squash' : 'merge';
      const branch = `copilot/change-${number}`;
      const { title, files } = pullFiles(number, branch);
      const day = start + i * DAY;
      const base = repo.sha('main');
      if (style === 'squash') {
        at(day);
        const mergeCommit = repo.commit(`${title} (#${number})`, files);
        pulls.push({ number, title, style, branch, base, head: mergeCommit, mergeCommit });
      } else {
        repo.branch(branch, 'main');
        at(day - 60_000);
        const head = repo.commit(`work on ${title}`, files);
        repo.checkout('main');
        at(day);
        repo.git(
          'merge',
          '-q',
          '--no-ff',
          '-m',
          `Merge pull request #${number} from octo/${branch}`,
          '-m',
          title,
          branch,
        );
        pulls.push({ number, title, style, branch, base, head, mergeCommit: repo.sha('main') });
      }
      if (i + 1 === changeAfter) {
        at(day + 3_600_000);
        repo.commit('Accept PENDING tokens', { '.github/merge-gate.yml': 'proof:\n  pending: success\n' });
      }
    }
    return { repo, pulls };
  } finally {
    restore('GIT_AUTHOR_DATE', saved.author);
    restore('GIT_COMMITTER_DATE', saved.committer);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
