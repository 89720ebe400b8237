/**
 * Requests sent before the API client exists, and their answers handed to it. The action sends the
 * PR read it always starts with first thing (`action/early-pull-read.ts`), then loads the client,
 * the retry and throttling plugins and the rest of the run while the answer is on its way. The
 * client's fetch takes that answer the first time it asks for the same method and URL, so retries,
 * rate limits and error handling see it exactly as if the client had sent the request itself.
 */
import { httpFetch, type HttpFetchInit, type HttpResponse } from './http-fetch.js';
import { requestsSent } from './request-sent.js';

const waiting = new Map<string, Promise<HttpResponse>>();

const keyOf = (url: string, method: string | undefined) =>
  `${(method ?? 'GET').toUpperCase()} ${new URL(url).href}`;

/**
 * Sends a request now; its answer waits for the first `directFetch` of the same method and URL.
 * Resolves once the request has been written to its socket (or has failed): until then the
 * process must not block on anything long, such as compiling the rest of the bundle.
 */
export function sendEarly(url: string, init: HttpFetchInit): Promise<void> {
  const answer = httpFetch(url, init);
  // Taken later, or never (a run that stops first): a failure must not surface as unhandled.
  answer.catch(() => undefined);
  waiting.set(keyOf(url, init.method), answer);
  // Written is published asynchronously, so subscribing now still sees it.
  return requestsSent(1, answer);
}

/**
 * The early answer for this request, once: undefined when none was sent. The caller's signal
 * still applies (a timeout rejects with its reason, as fetch would).
 */
export function takeEarly(url: string, init: HttpFetchInit = {}): Promise<HttpResponse> | undefined {
  const key = keyOf(url, init.method);
  const answer = waiting.get(key);
  if (!answer) return undefined;
  waiting.delete(key);
  const signal = init.signal;
  if (!signal) return answer;
  return new Promise<HttpResponse>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The client's fetch without a proxy: an early answer when there is one, else `httpFetch`. */
export function directFetch(url: string, init: HttpFetchInit = {}): Promise<HttpResponse> {
  return takeEarly(url, init) ?? httpFetch(url, init);
}
