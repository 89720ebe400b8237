/** Lists a PR's changed files through the API, all pages, and detects the API's 3000-file cap (SPEC §2). */
import type { ChangedFile, ChangeStatus } from '../model/facts.js';
import type { GitHubClient } from './client.js';
import { GitHubApiError, toGitHubError } from './errors.js';

/** The files endpoint stops listing here, whatever the PR's size (GitHub REST docs, "List pull requests files"). */
export const FILES_API_LIMIT = 3000;

const STATUSES: readonly ChangeStatus[] = [
  'added',
  'modified',
  'removed',
  'renamed',
  'copied',
  'changed',
  'unchanged',
];

/** One entry of `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`, as far as we read it. */
interface ApiFile {
  filename?: unknown;
  status?: unknown;
  previous_filename?: unknown;
  additions?: unknown;
  deletions?: unknown;
  patch?: unknown;
}

/** Maps one API entry; throws on an entry that is not shaped like one (a malformed answer). */
export function toChangedFile(entry: ApiFile): ChangedFile {
  if (typeof entry !== 'object' || entry === null || typeof entry.filename !== 'string') {
    throw new Error('an entry of the file list has no file name');
  }
  const status = STATUSES.find((s) => s === entry.status) ?? 'modified';
  const file: ChangedFile = {
    path: entry.filename,
    status,
    additions: typeof entry.additions === 'number' ? entry.additions : 0,
    deletions: typeof entry.deletions === 'number' ? entry.deletions : 0,
  };
  if (typeof entry.previous_filename === 'string') file.previousPath = entry.previous_filename;
  if (typeof entry.patch === 'string') file.patch = entry.patch;
  return file;
}

/** Every changed file the API lists for the PR (100 a page, all pages). At most `FILES_API_LIMIT`. */
export async function listChangedFiles(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  pullNumber: number,
): Promise<ChangedFile[]> {
  const operation = `listing the changed files of PR #${pullNumber}`;
  let entries: unknown[];
  try {
    entries = await octokit.paginate(octokit.rest.pulls.listFiles, {
      ...repo,
      pull_number: pullNumber,
      per_page: 100,
    });
  } catch (error) {
    throw toGitHubError(error, operation);
  }
  if (!Array.isArray(entries)) throw new GitHubApiError(operation, 'the answer is not a list of files');
  try {
    return entries.map((entry) => toChangedFile(entry as ApiFile));
  } catch (error) {
    throw new GitHubApiError(operation, (error as Error).message);
  }
}

/**
 * True when the listing stopped at the API's cap although the PR has more files. A smaller mismatch
 * is not truncation (e.g. a push between the two requests) and is left to the next run.
 */
export function isTruncated(listed: number, changedFilesOfPr: number): boolean {
  return listed >= FILES_API_LIMIT && listed < changedFilesOfPr;
}
