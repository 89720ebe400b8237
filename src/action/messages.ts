/** The sentences the action says when statuses could not be posted (SPEC §5: say so once, clearly). */

/** What to tell a user whose token could not post statuses, once (SPEC §5). */
export function readOnlyTokenMessage(error: unknown, eventName: string, isFork: boolean | undefined): string {
  const why = error instanceof Error ? error.message : String(error);
  const fix =
    eventName === 'pull_request' && isFork !== false
      ? 'On pull requests from forks, `pull_request` workflows get a read-only GITHUB_TOKEN. Run Merge Gate on ' +
        '`pull_request_target` instead: that is safe because Merge Gate never checks out or runs code from the ' +
        'pull request. Also give the job `permissions: statuses: write`.'
      : 'Give the job `permissions: statuses: write` (and `contents: read`, `pull-requests: read`), or pass a ' +
        'token that may write commit statuses in the github-token input.';
  return `Merge Gate could not post commit statuses: the token may not write them (${why}). ${fix} The results are in the job summary and the outputs.`;
}

/** One sentence per distinct reason: `Merge Gate could not post the status of a, b: <reason>.` */
export function unreportedMessage(unreported: readonly { context: string; reason: string }[]): string {
  const byReason = new Map<string, string[]>();
  for (const { context, reason } of unreported)
    byReason.set(reason, [...(byReason.get(reason) ?? []), context]);
  return [...byReason]
    .map(([reason, contexts]) => `Merge Gate could not post the status of ${contexts.join(', ')}: ${reason}.`)
    .join(' ');
}
