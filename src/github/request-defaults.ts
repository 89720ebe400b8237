/**
 * What every request of a run carries, for the client (`client.ts`) and for the PR read sent before
 * the client exists (`action/early-pull-read.ts`): both must form the same URL and headers, or the
 * client would not recognise that read as its own.
 */

/** How long a request may take before it is aborted and retried, unless the client is told otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** The REST API root without a trailing slash: `GITHUB_API_URL` on a runner, else github.com's. */
export function apiRoot(url: string | undefined): string {
  return (url || 'https://api.github.com').replace(/\/+$/, '');
}

/**
 * The user agent, tagged with the runner's orchestration id when it sets one (as `@actions/github`
 * does), so GitHub can attribute the requests to the workflow run.
 */
export function userAgentFor(env: Record<string, string | undefined>): string {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `merge-gate actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : 'merge-gate';
}

/** The header Octokit's token auth sends: `bearer` for a JSON Web Token (three dot-separated parts), else `token`. */
export function authorizationFor(token: string): string {
  return token.split('.').length === 3 ? `bearer ${token}` : `token ${token}`;
}
