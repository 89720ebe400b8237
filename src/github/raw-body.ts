/**
 * Response bodies read as bytes, past Octokit's parsing: file contents (binary-safe, bounded) and
 * the file list's pages (parsed with the native `JSON.parse`, several times faster than the
 * reviver Octokit parses with).
 */
import type { GitHubClient } from './client.js';
import type { Fetch } from './proxy.js';

/**
 * A response body: a web `ReadableStream` (undici's fetch, behind a proxy) or a Node stream
 * (`http-fetch.ts`); both are async-iterable, and leaving the loop early cancels either.
 */
export type ResponseBody = AsyncIterable<Uint8Array>;

/** Stops a body's download unread (a web stream is cancelled, a Node stream destroyed). */
export async function cancelBody(body: ResponseBody | null | undefined): Promise<void> {
  const stream = body as { cancel?: () => Promise<void>; destroy?: () => void } | null | undefined;
  if (typeof stream?.cancel === 'function') await stream.cancel();
  else stream?.destroy?.();
}

/** Bytes of a response body, stopping (and cancelling the download) once `limit` is exceeded. */
export async function readBody(
  body: ResponseBody | null | undefined,
  limit: number,
): Promise<{ bytes: Uint8Array; overLimit: boolean }> {
  if (!body) return { bytes: new Uint8Array(0), overLimit: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size > limit) return { bytes: new Uint8Array(0), overLimit: true };
  }
  return { bytes: Buffer.concat(chunks), overLimit: false };
}

/**
 * The fetch Octokit is configured with (`http-fetch.ts`, or undici's behind a proxy), wrapped to
 * keep a reference to each Response. With `parseSuccessResponseBody: false`
 * Octokit hands over only the body stream and drops the Response. undici, and so Node's global
 * `fetch` too (it is undici), cancels the body of a Response that is garbage collected before the
 * body is locked: a body dropped that way and read after a forced GC ended empty in 20 of 20
 * tries on Node 20.20 and on Node 24.22. Holding the Response until the body is read prevents it.
 */
export function keepingResponse(octokit: GitHubClient): { fetch: Fetch; kept: { response?: unknown } } {
  const configured = octokit.request.endpoint.DEFAULTS.request?.fetch as Fetch | undefined;
  const base: Fetch = configured ?? ((url, init) => globalThis.fetch(url, init));
  const kept: { response?: unknown } = {};
  const fetch: Fetch = async (url, init) => {
    kept.response = await base(url, init);
    return kept.response;
  };
  return { fetch, kept };
}

/**
 * Attempts at an answer whose body broke off or is not JSON: such a body is read past Octokit's
 * retries, so it is asked for again here, as Octokit would retry a failed read.
 */
const MALFORMED_ATTEMPTS = 3;

/** Calls `once` until its answer is not malformed, at most `MALFORMED_ATTEMPTS` times; the last answer. */
export async function retryingMalformed<T>(
  once: () => Promise<T>,
  isMalformed: (answer: T) => boolean,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await once();
    if (!isMalformed(answer) || attempt >= MALFORMED_ATTEMPTS) return answer;
  }
}
