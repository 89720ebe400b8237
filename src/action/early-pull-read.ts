/**
 * The first API request of a run, sent before the rest of the action has loaded: the PR read, which
 * every run on a pull request or merge group starts with. Loading the client and the run takes
 * tens of milliseconds; sent first, the request is answered meanwhile (docs/design.md, "Start-up").
 * This module reads only what the request needs, and sends nothing it cannot be sure of: the run
 * itself reads the inputs and the event again, and reports any problem with them.
 */
import { readFileSync } from 'node:fs';
import { sendEarly } from '../github/early-answers.js';
import { proxyVariablesSet } from '../github/proxy.js';
import {
  apiRoot,
  authorizationFor,
  DEFAULT_REQUEST_TIMEOUT_MS,
  userAgentFor,
} from '../github/request-defaults.js';
import { parseEvent, repositoryOf } from './event.js';

/** The URL of the PR read the run will make, or undefined when it will make none (or a different one). */
export function earlyPullUrl(env: Record<string, string | undefined>): string | undefined {
  // Behind a proxy the client loads a fetch that reaches it; a direct request could not.
  if (proxyVariablesSet(env).length > 0) return undefined;
  const repository = repositoryOf(env);
  if (!repository || !env.GITHUB_EVENT_PATH) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
  const event = parseEvent(env.GITHUB_EVENT_NAME, payload);
  if ((event.kind !== 'pull_request' && event.kind !== 'merge_group') || event.pullNumber === undefined) {
    return undefined;
  }
  const { owner, repo } = repository;
  const root = apiRoot(env.GITHUB_API_URL);
  return `${root}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/pulls/${event.pullNumber}`;
}

/**
 * Sends the PR read with the headers the client would send, when the environment says which PR
 * and gives a token (the `github-token` input, as `core.getInput` reads it). Resolves once the
 * request is on the wire (or was not sent); never rejects.
 */
export async function readPullRequestEarly(env: Record<string, string | undefined>): Promise<void> {
  try {
    const token = env['INPUT_GITHUB-TOKEN']?.trim();
    const url = token ? earlyPullUrl(env) : undefined;
    if (!token || !url) return;
    await sendEarly(url, {
      method: 'GET',
      headers: {
        accept: 'application/vnd.github.v3+json',
        authorization: authorizationFor(token),
        'user-agent': userAgentFor(env),
      },
      // As long as the client would wait for it.
      signal: AbortSignal.timeout(DEFAULT_REQUEST_TIMEOUT_MS),
    });
  } catch {
    // The run sends the request itself, and says what is wrong if it cannot.
  }
}
