/** Lists a PR's changed files through the API, all pages, and detects the API's 3000-file cap (SPEC §2). */
import type { ChangedFile, ChangeStatus } from '../model/facts.js';
import type { GitHubClient } from './client.js';
import { GitHubApiError, toGitHubError } from './errors.js';
import { keepingResponse, readBody, retryingMalformed, type ResponseBody } from './raw-body.js';

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
/** A page of 100 entries is a few hundred KB even with long patches; far past that is not a page. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;

type Page = { entries: unknown[]; link?: string };

/**
 * One page of the list. The body is read past Octokit's parsing and parsed with the native
 * `JSON.parse`: Octokit's own parse (a reviver that keeps big integers) took 38–58 ms for the 30
 * pages of a 3000-file PR, the native one 5–8 ms. Undefined when the body breaks off or is not JSON.
 */
async function fetchPageOnce(
  octokit: GitHubClient,
  request: { owner: string; repo: string; pull_number: number; page: number },
  operation: string,
): Promise<Page | undefined> {
  const { fetch, kept } = keepingResponse(octokit);
  try {
    const { data, headers } = await octokit.rest.pulls.listFiles({
      ...request,
      per_page: PER_PAGE,
      request: { parseSuccessResponseBody: false, fetch },
    });
    let entries: unknown;
    try {
      const body = await readBody(data as unknown as ResponseBody | null, MAX_PAGE_BYTES);
      if (body.overLimit) throw new GitHubApiError(operation, `a page is over ${MAX_PAGE_BYTES} bytes`);
      entries = JSON.parse(Buffer.from(body.bytes).toString('utf8'));
    } catch (error) {
      if (error instanceof GitHubApiError) throw error;
      // A body cut off or garbled on the way: worth another attempt, as Octokit retries a failed read.
      return undefined;
    }
    if (!Array.isArray(entries)) throw new GitHubApiError(operation, 'the answer is not a list of files');
    return { entries, ...(typeof headers.link === 'string' ? { link: headers.link } : {}) };
  } catch (error) {
    throw error instanceof GitHubApiError ? error : toGitHubError(error, operation);
  } finally {
    kept.response = undefined;
  }
}

/**
 * True when GitHub says a page follows this one. Its `link` header names the `next` page; GitHub
 * leaves the header out only when the whole list fits in one page, so past the first page a
 * missing header means something on the way dropped it, and the page's fullness decides.
 */
export function morePagesAfter(page: number, link: string | undefined, full: boolean): boolean {
  if (!full) return false;
  if (link === undefined) return page > 1;
  return /\brel="next"/.test(link);
}

/** The pages `listChangedFiles` requests at once for a PR of `expectedCount` files: 1 to 30. */
export function plannedPages(expectedCount: number): number {
  return Math.min(Math.max(Math.ceil(expectedCount / PER_PAGE), 1), FILES_API_LIMIT / PER_PAGE);
}

/**
 * Every changed file the API lists for the PR (100 a page, all pages). At most `FILES_API_LIMIT`.
 * With the PR's `changed_files` count known, the pages are fetched at once (a 3000-file PR is
 * 30 requests: in sequence they would dominate the run). `expectedCount` may be an early hint (the
 * event's count) and `laterCount` the PR read's own: the pages the later count adds are fetched at
 * once as soon as it is known. Past the planned pages it reads on only while the last page read is
 * full and its `link` header names a next page (`morePagesAfter`): an undercount never truncates
 * silently, and an exact count costs no extra request.
 */
export async function listChangedFiles(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  pullNumber: number,
  expectedCount = 0,
  laterCount?: Promise<number>,
): Promise<ChangedFile[]> {
  const operation = `listing the changed files of PR #${pullNumber}`;
  const maxPages = FILES_API_LIMIT / PER_PAGE;
  const fetchPage = async (page: number): Promise<Page> => {
    const result = await retryingMalformed(
      () => fetchPageOnce(octokit, { ...repo, pull_number: pullNumber, page }, operation),
      (answer) => answer === undefined,
    );
    if (!result) throw new GitHubApiError(operation, 'the answer is malformed JSON', 502);
    return result;
  };
  // All planned pages at once, at most 30 (the API's 3000 files): listing is one round trip
  // whatever the PR's size, well inside GitHub's documented limit of 100 concurrent requests (and a
  // secondary-rate-limit answer is still waited out by the throttling plugin).
  const requested = Array.from({ length: plannedPages(expectedCount) }, (_, i) => fetchPage(i + 1));
  if (laterCount) {
    for (const page of requested) page.catch(() => undefined); // awaited below, unless the count fails
    const more = plannedPages(await laterCount);
    while (requested.length < more) requested.push(fetchPage(requested.length + 1));
  }
  const pages = await Promise.all(requested);
  const readOn = () => {
    const last = pages.at(-1);
    return morePagesAfter(pages.length, last?.link, last?.entries.length === PER_PAGE);
  };
  while (pages.length < maxPages && readOn()) {
    pages.push(await fetchPage(pages.length + 1));
  }
  try {
    return pages.flatMap((page) => page.entries).map((entry) => toChangedFile(entry as ApiFile));
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
