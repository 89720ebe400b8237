/**
 * One "sticky" comment on a pull request: found by a hidden marker, updated in place on every run,
 * created only when there is none, so a PR never collects a comment per push.
 */
import type { RepositoryName } from './adapter.js';
import type { GitHubClient } from './client.js';
import { toGitHubError } from './errors.js';

/**
 * GitHub refuses a longer comment body with HTTP 422 ("maximum is 65536 characters"). Measurements
 * disagree on the unit (characters, or 262,144 UTF-8 bytes), so bodies are clipped to this many
 * UTF-8 bytes: within the limit whichever unit GitHub counts.
 */
export const MAX_COMMENT_BODY = 65_536;

export const DEFAULT_CLIPPED_NOTE = '_The report is too long for a comment and was cut here._';

export interface StickyCommentRequest extends RepositoryName {
  /** The PR's number (a PR's conversation comments are issue comments). */
  issueNumber: number;
  /** A hidden HTML comment that identifies this comment among the PR's; the body starts with it. */
  marker: string;
  body: string;
  /** False: update an existing comment, but do not create one. Default true. */
  createIfMissing?: boolean;
  /** Appended when the body had to be clipped (Markdown). */
  clippedNote?: string;
}

export type StickyCommentResult =
  | { action: 'created' | 'updated'; id: number; url?: string }
  /** There was no comment and `createIfMissing` was false. */
  | { action: 'none' };

/** The comment, bound to one PR and marker: what the action sees through the session. */
export interface StickyComment {
  upsert(
    body: string,
    options?: Pick<StickyCommentRequest, 'createIfMissing' | 'clippedNote'>,
  ): Promise<StickyCommentResult>;
}

const utf8 = new TextEncoder();

/** UTF-8 length of one code point. */
function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * `text` cut to at most `maxBytes` UTF-8 bytes, at a line break when one is in the second half (a
 * cut mid-line can break a table row or a link), else at a code point boundary.
 */
function clipToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += utf8Length(char);
    if (bytes > maxBytes) break;
    end += char.length;
  }
  const cut = text.slice(0, end);
  const lineEnd = cut.lastIndexOf('\n');
  return lineEnd > cut.length / 2 ? cut.slice(0, lineEnd) : cut;
}

/** The full comment text: marker first (so clipping never removes it), then the body, clipped to fit. */
export function commentBody(marker: string, body: string, clippedNote = DEFAULT_CLIPPED_NOTE): string {
  const full = `${marker}\n${body}`;
  if (utf8.encode(full).length <= MAX_COMMENT_BODY) return full;
  const note = `\n\n---\n\n${clippedNote}\n`;
  return `${clipToBytes(full, MAX_COMMENT_BODY - utf8.encode(note).length)}${note}`;
}

interface ApiComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string } | null;
}

/**
 * Every comment that starts with `marker` (ours always do; one that merely quotes it is not ours),
 * oldest first: GitHub lists a conversation in creation order.
 */
async function listMarked(octokit: GitHubClient, request: StickyCommentRequest): Promise<ApiComment[]> {
  const { owner, repo, issueNumber, marker } = request;
  const comments: ApiComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  return comments.filter((comment) => comment.body?.startsWith(marker));
}

/**
 * Two runs that start together (a PR opened with labels fires `opened` and `labeled` at once) can
 * both find no comment and both create one. The oldest is kept; later ones by the same author are
 * the other run's, and would otherwise linger with a stale report.
 */
function duplicatesOf(kept: ApiComment, others: ApiComment[]): ApiComment[] {
  const author = kept.user?.login;
  return author ? others.filter((comment) => comment.user?.login === author) : [];
}

/**
 * Updates the PR's comment carrying `marker`, or creates it (unless `createIfMissing` is false).
 * Matches on the marker, not the author: the token's identity is unknown without another request,
 * and only Merge Gate writes the marker. Throws a `GitHubApiError` (`MissingPermissionError` on 403).
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  request: StickyCommentRequest,
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber } = request;
  const body = commentBody(request.marker, request.body, request.clippedNote);
  const attempt = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw toGitHubError(error, `${operation} on PR #${issueNumber}`);
    }
  };
  const [existing, ...others] = await attempt('listing the comments', () => listMarked(octokit, request));
  if (existing) {
    const { data } = await attempt('updating the Merge Gate comment', () =>
      octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }),
    );
    for (const duplicate of duplicatesOf(existing, others)) {
      await attempt('removing a duplicate Merge Gate comment', () =>
        octokit.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id }),
      );
    }
    return { action: 'updated', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
  }
  if (request.createIfMissing === false) return { action: 'none' };
  const { data } = await attempt('commenting', () =>
    octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
  );
  return { action: 'created', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
}
