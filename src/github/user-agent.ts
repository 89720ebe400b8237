/**
 * The user agent, tagged with the runner's orchestration id when it sets one (as `@actions/github`
 * does), so GitHub can attribute the requests to the workflow run.
 */
export function userAgentFor(env: Record<string, string | undefined>): string {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `merge-gate actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : 'merge-gate';
}
