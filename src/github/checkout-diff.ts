/**
 * The changed files of a PR read from a local checkout (`GITHUB_WORKSPACE`) with git, for PRs the
 * files API truncates at 3000 (SPEC §2). Only used when the checkout has both commits and their
 * merge base; otherwise it says why, and the caller fails closed.
 */
import type { ChangedFile } from '../model/facts.js';
import { changedFilesFrom, parseNameStatus, parseNumstat, splitPatches } from '../sources/git-diff.js';

/**
 * git runs only for a PR over the files API's cap: `node:child_process` is loaded then, not at
 * start-up, where it would delay the first API request (docs/design.md, "Start-up").
 */
const runGit: typeof import('../sources/git-process.js').runGit = async (...args) =>
  (await import('../sources/git-process.js')).runGit(...args);

/** Either the complete list, or why the checkout cannot give it. */
export type CheckoutDiff = { files: ChangedFile[] } | { unavailable: string };

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Options common to the three listings, so they enumerate the same files in the same order. */
const DIFF = ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '-M'];

async function succeeds(repo: string, args: string[]): Promise<boolean> {
  try {
    await runGit(repo, args);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lists what GitHub's files API would list: the diff from the merge base of `baseSha` and
 * `headSha` to `headSha` (`base...head`), with statuses, renames, line counts and patches.
 */
export async function diffFromCheckout(
  workspace: string | undefined,
  baseSha: string,
  headSha: string,
): Promise<CheckoutDiff> {
  if (!workspace) return { unavailable: 'there is no checkout (GITHUB_WORKSPACE is not set)' };
  if (!SHA.test(baseSha) || !SHA.test(headSha)) return { unavailable: 'the PR did not give commit SHAs' };
  if (!(await succeeds(workspace, ['rev-parse', '--git-dir']))) {
    return { unavailable: `${workspace} is not a git checkout` };
  }
  for (const [name, sha] of [
    ['base', baseSha],
    ['head', headSha],
  ] as const) {
    if (!(await succeeds(workspace, ['cat-file', '-e', `${sha}^{commit}`]))) {
      return { unavailable: `the checkout does not have the ${name} commit ${sha.slice(0, 12)}` };
    }
  }
  if (!(await succeeds(workspace, ['merge-base', baseSha, headSha]))) {
    return { unavailable: 'the checkout does not have enough history to find the merge base' };
  }
  const range = `${baseSha}...${headSha}`;
  const [names, numstat, patches] = await Promise.all([
    runGit(workspace, [...DIFF, '-z', '--name-status', range, '--']),
    runGit(workspace, [...DIFF, '-z', '--numstat', range, '--']),
    // Only added lines are ever read from patches (stop-and-fix), so no context lines are needed.
    runGit(workspace, [...DIFF, '-U0', range, '--']),
  ]);
  return {
    files: changedFilesFrom(
      parseNameStatus(names.stdout.toString('utf8')),
      parseNumstat(numstat.stdout.toString('utf8')),
      splitPatches(patches.stdout.toString('utf8')),
    ),
  };
}
