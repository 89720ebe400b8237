/**
 * Local mode's list of merged PRs: the default branch's first-parent history, where each squash
 * commit `… (#N)` and each `Merge pull request #N from owner/branch` merge is PR N. Only git
 * plumbing runs; nothing from the repository executes.
 */
import { resolve } from 'node:path';
import { DEFAULT_BASES } from '../sources/local-git.js';
import { GitError, runGit } from '../sources/git-process.js';
import { parseMergeSubject, titleFromMergeBody } from './merge-subjects.js';
import type { Discovery, HistoryPull, PullQuery, Unknown } from './types.js';

export interface LocalQuery extends PullQuery {
  /** The branch whose history is read; default: the first of origin/HEAD, main, master. */
  branch?: string;
}

/** What git history does not record, and what that does to the results (docs/history.md). */
export const LOCAL_UNKNOWNS: Record<Unknown['field'], string> = {
  labels:
    'git does not record labels: the override label, the builder label and the docs-only exemption are never applied',
  headRef:
    "a squash merge does not record its branch: the proof's Branch is not compared (a notice on prehandover-proof-check says so) and the governing proof is chosen without it",
  author:
    "git does not record the PR author: the head commit's author email stands in, as for merge-gate check, so exemptions.authors (bot logins) does not match",
};

const FIELD = '\x1f';

/** Lists the merged PRs of a local repository, newest first. Throws `GitError` when the repository or branch is unusable. */
export async function discoverLocalPulls(repoDir: string, query: LocalQuery): Promise<Discovery> {
  const repo = resolve(repoDir);
  const git = (args: string[], ok: number[] = []) => runGit(repo, args, { okExitCodes: ok });
  await git(['rev-parse', '--git-dir']);
  const { ref, sha } = await pickBranch(repo, query.branch);
  const shallow = (await git(['rev-parse', '--is-shallow-repository'])).stdout.toString('utf8').trim();
  const since = query.since ? [`--since=${query.since.toISOString()}`] : [];
  const log = await git([
    'log',
    '--first-parent',
    '-z',
    '--no-show-signature',
    `--format=%H${FIELD}%P${FIELD}%cI${FIELD}%s${FIELD}%b`,
    ...since,
    sha,
  ]);
  const pulls = pullsFromLog(log.stdout.toString('utf8'), shallow === 'true', query);
  const notes =
    shallow === 'true'
      ? [
          'The clone is shallow: history before its cut-off is not there, and a PR whose commits are missing is listed as an error (git fetch --unshallow reads it all).',
        ]
      : [];
  const unknown: Unknown[] = (['labels', 'author'] as const).map((field) => ({
    field,
    effect: LOCAL_UNKNOWNS[field],
  }));
  if (pulls.some((pull) => pull.headRef === null))
    unknown.splice(1, 0, { field: 'headRef', effect: LOCAL_UNKNOWNS.headRef });
  return {
    mode: 'local',
    repository: repo,
    branch: ref,
    pulls,
    unknown,
    notes,
    incomplete: false,
    shallow: shallow === 'true',
  };
}

async function pickBranch(repo: string, branch: string | undefined): Promise<{ ref: string; sha: string }> {
  if (branch?.startsWith('-')) throw new GitError(`${branch} is not a valid ref`);
  for (const ref of branch !== undefined ? [branch] : DEFAULT_BASES) {
    const result = await runGit(
      repo,
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
      { okExitCodes: [1, 128] },
    );
    const sha = result.stdout.toString('utf8').trim();
    if (result.exitCode === 0 && sha) return { ref: await branchName(repo, ref), sha };
  }
  throw new GitError(
    branch !== undefined
      ? `branch ${branch} is not a commit in ${repo}`
      : `no default branch: none of ${DEFAULT_BASES.join(', ')} exists in ${repo}; pass --branch REF`,
  );
}

/** `origin/main` for `origin/HEAD`: the report names the branch it read. */
async function branchName(repo: string, ref: string): Promise<string> {
  if (ref !== 'origin/HEAD') return ref;
  const result = await runGit(repo, ['rev-parse', '--abbrev-ref', ref], { okExitCodes: [128] });
  return result.stdout.toString('utf8').trim() || ref;
}

/** The PRs in `git log -z` output (newest first); a PR number seen again further back is a revert or a cherry-pick: the newest wins. */
export function pullsFromLog(output: string, shallow: boolean, query: PullQuery): HistoryPull[] {
  const pulls: HistoryPull[] = [];
  const seen = new Set<number>();
  const since = query.since?.getTime() ?? -Infinity;
  for (const record of output.split('\0')) {
    if (pulls.length >= query.limit) break;
    const [sha = '', parentList = '', date = '', subject = '', ...rest] = record
      .replace(/^\n/, '')
      .split(FIELD);
    const merged = parseMergeSubject(subject);
    if (!sha || !merged || seen.has(merged.number)) continue;
    const mergedAt = new Date(date);
    if (Number.isNaN(mergedAt.getTime()) || mergedAt.getTime() < since) continue;
    seen.add(merged.number);
    const parents = parentList.split(' ').filter(Boolean);
    const body = rest.join(FIELD);
    const pull: HistoryPull = {
      number: merged.number,
      title: merged.kind === 'squash' ? merged.title : titleFromMergeBody(body, subject),
      mergedAt: mergedAt.toISOString(),
      base: parents[0] ?? '',
      // A merge's PR tip is its second parent; a squash commit is the PR's whole change.
      head: parents.length >= 2 ? (parents[1] ?? sha) : sha,
      headRef: merged.kind === 'merge' ? merged.branch : null,
      labels: null,
      author: null,
      origin: parents.length >= 2 ? 'merge' : 'squash',
    };
    if (parents.length === 0) {
      pull.unavailable = shallow
        ? `commit ${sha.slice(0, 12)} has no parent in this shallow clone, so there is no base to compare with (git fetch --unshallow)`
        : `commit ${sha.slice(0, 12)} is a root commit: there is no base to compare with`;
    }
    pulls.push(pull);
  }
  return pulls;
}
