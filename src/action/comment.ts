/**
 * The optional sticky PR comment (the `comment` setting): when it is written, what it says, and what
 * a failure to write it becomes. It is a convenience: it is written after the final statuses, and a
 * failure is a warning that changes neither the statuses, the outputs nor the step's exit.
 */
import type { GitHubSession } from '../github/connect.js';
import { MissingPermissionError } from '../github/errors.js';
import type { StickyCommentResult } from '../github/pr-comment.js';
import type { CheckState } from '../model/results.js';
import type { GateEvent } from './event.js';
import type { CommentMode } from './inputs.js';

export type CommentPlan =
  | { write: false; reason?: string }
  /** `createIfMissing` false: only refresh a comment that is already there. */
  | { write: true; createIfMissing: boolean };

/**
 * The hidden marker that finds the gate's comment again. The context prefix is part of it, so two
 * gates in one repository (`context-prefix: web`, `api`) keep one comment each.
 */
export function reportMarker(prefix: string): string {
  const key = prefix.replace(/\/+$/, '');
  // encodeURIComponent turns `>` into %3E, so no prefix can close the HTML comment early.
  return key ? `<!-- merge-gate:report:${encodeURIComponent(key)} -->` : '<!-- merge-gate:report -->';
}

/** What the setting asks for on this run. */
export function commentPlan(
  mode: CommentMode,
  verdict: CheckState,
  eventKind: GateEvent['kind'],
): CommentPlan {
  if (mode === 'never') return { write: false };
  if (eventKind === 'merge_group') {
    return {
      write: false,
      reason:
        'Merge Gate does not comment on merge_group runs: the statuses go on the merge group commit, ' +
        "and the PR's comment describes the PR's own head.",
    };
  }
  if (mode === 'always') return { write: true, createIfMissing: true };
  // on-failure: a passing run still refreshes an existing comment, so a stale failure never lingers.
  return { write: true, createIfMissing: verdict !== 'success' };
}

/** The comment's last line: which commit it describes and where the run is. */
export function commentFooter(headSha: string | undefined, runUrl: string | undefined): string {
  const parts = [
    'Merge Gate',
    ...(headSha ? [`commit ${headSha.slice(0, 7)}`] : []),
    ...(runUrl ? [`[workflow run](${runUrl})`] : []),
    'this comment is updated on every run',
  ];
  return `\n---\n\n<sub>${parts.join(' · ')}</sub>\n`;
}

export interface ReportCommentRequest {
  session: GitHubSession;
  pullNumber: number;
  plan: Extract<CommentPlan, { write: true }>;
  prefix: string;
  /** The Markdown report (the job summary's); called inside the guard: a renderer bug is a warning. */
  renderReport: () => string;
  headSha?: string;
  runUrl?: string;
  /** For the advice on a refused write: fork PRs under `pull_request` get a read-only token. */
  eventName: string;
  isFork?: boolean;
}

export type CommentOutcome = { level: 'info' | 'warning'; message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function successMessage(result: StickyCommentResult, pullNumber: number): string {
  if (result.action === 'none') {
    return `Merge Gate: PR #${pullNumber} passes and has no Merge Gate comment to update (comment: on-failure).`;
  }
  const where = result.url ? `: ${result.url}` : '.';
  return result.action === 'created'
    ? `Merge Gate commented on PR #${pullNumber}${where}`
    : `Merge Gate updated its comment on PR #${pullNumber}${where}`;
}

/** What to tell the user when the comment could not be written, with the fix. */
export function commentFailureMessage(
  error: unknown,
  eventName: string,
  isFork: boolean | undefined,
): string {
  const why = messageOf(error);
  const statusesKept = 'The commit statuses and the job summary are not affected.';
  if (!(error instanceof MissingPermissionError)) {
    return `Merge Gate could not write the PR comment: ${why}. ${statusesKept}`;
  }
  const fork =
    eventName === 'pull_request' && isFork !== false
      ? ' On pull requests from forks, `pull_request` workflows get a read-only token: run on `pull_request_target`.'
      : '';
  return (
    `Merge Gate could not write the PR comment: the token may not (${why}). Give the job ` +
    `\`permissions: pull-requests: write\`, or set comment: never.${fork} ${statusesKept}`
  );
}

/** Writes (or refreshes) the comment. Never rejects: a failure comes back as a warning. */
export async function writeReportComment(request: ReportCommentRequest): Promise<CommentOutcome> {
  const { session, pullNumber, plan, runUrl } = request;
  const fullReport = runUrl ? `the [job summary](${runUrl})` : "the workflow run's job summary";
  try {
    const result = await session
      .stickyComment(pullNumber, reportMarker(request.prefix))
      .upsert(`${request.renderReport()}${commentFooter(request.headSha, runUrl)}`, {
        createIfMissing: plan.createIfMissing,
        clippedNote: `_The report is too long for a comment and was cut here: the full report is in ${fullReport}._`,
      });
    return { level: 'info', message: successMessage(result, pullNumber) };
  } catch (error) {
    return { level: 'warning', message: commentFailureMessage(error, request.eventName, request.isFork) };
  }
}
