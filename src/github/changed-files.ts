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

const PER_PAGE = 100;
/** Pages requested at once: well inside GitHub's documented limit of 100 concurrent requests. */
const PAGE_CONCURRENCY = 10;

/**
 * Every changed file the API lists for the PR (100 a page, all pages). At most `FILES_API_LIMIT`.
 * With the PR's `changed_files` count known, the pages are fetched concurrently (a 3000-file PR is
 * 30 requests: in sequence they would dominate the run); past the expected pages, it keeps reading
 * one page at a time until a short page, so an undercount never truncates silently.
 */
export async function listChangedFiles(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  pullNumber: number,
  expectedCount = 0,
): Promise<ChangedFile[]> {
  const operation = `listing the changed files of PR #${pullNumber}`;
  const maxPages = FILES_API_LIMIT / PER_PAGE;
  const fetchPage = async (page: number): Promise<unknown[]> => {
    try {
      const { data } = await octokit.rest.pulls.listFiles({
        ...repo,
        pull_number: pullNumber,
        per_page: PER_PAGE,
        page,
      });
      if (!Array.isArray(data)) throw new GitHubApiError(operation, 'the answer is not a list of files');
      return data;
    } catch (error) {
      throw error instanceof GitHubApiError ? error : toGitHubError(error, operation);
    }
  };
  const planned = Math.min(Math.max(Math.ceil(expectedCount / PER_PAGE), 1), maxPages);
  const pages: unknown[][] = [];
  for (let first = 1; first <= planned; first += PAGE_CONCURRENCY) {
    const batch = Array.from(
      { length: Math.min(PAGE_CONCURRENCY, planned - first + 1) },
      (_, i) => first + i,
    );
    pages.push(...(await Promise.all(batch.map(fetchPage))));
  }
  while (pages.length < maxPages && (pages.at(-1)?.length ?? 0) === PER_PAGE) {
    pages.push(await fetchPage(pages.length + 1));
  }
  try {
    return pages.flat().map((entry) => toChangedFile(entry as ApiFile));
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
