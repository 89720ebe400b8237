/** Commit statuses through the API, on one commit. */
import type { StatusSink, StatusState } from '../report/statuses.js';
import type { RepositoryName } from './adapter.js';
import type { GitHubClient } from './client.js';
import { toGitHubError } from './errors.js';

/** GitHub answers HTTP 422 to a longer status description. */
export const MAX_DESCRIPTION = 140;

/**
 * One line of at most `max` characters (code points, so an emoji is never cut in half), ending in
 * `…` when clipped. The one place descriptions are clipped (docs/design.md).
 */
export function clipDescription(description: string, max = MAX_DESCRIPTION): string {
  const line = description.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

/** `StatusSink` posting `POST /repos/{owner}/{repo}/statuses/{sha}`. */
export class GitHubStatusSink implements StatusSink {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repository: RepositoryName,
    /** The commit the statuses describe: the PR head, or the merge group's head for `merge_group`. */
    readonly sha: string,
  ) {}

  async post(context: string, state: StatusState, description: string, targetUrl?: string): Promise<void> {
    try {
      await this.octokit.rest.repos.createCommitStatus({
        ...this.repository,
        sha: this.sha,
        context,
        state,
        description: clipDescription(description),
        ...(targetUrl ? { target_url: targetUrl } : {}),
      });
    } catch (error) {
      // The context is not named here: callers list which contexts failed, grouped by reason.
      throw toGitHubError(error, 'posting a commit status');
    }
  }
}
