/**
 * When a request has left for the network: undici, which is Node's global `fetch` and the proxy
 * agent alike, publishes `undici:client:sendHeaders` once a request's headers are written. The
 * action waits for it before compiling the code it needs only later (the config loader and the
 * checks), so that code compiles while the first answer is on its way instead of before the
 * first request goes out (docs/design.md, "Start-up").
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const SEND_HEADERS = 'undici:client:sendHeaders';

/**
 * Resolves when the next request's headers have been written, or when `settled` settles (a
 * request that fails before sending, or a fetch that publishes nothing), whichever comes first.
 */
export function requestSent(settled: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      unsubscribe(SEND_HEADERS, done);
      resolve();
    };
    subscribe(SEND_HEADERS, done);
    settled.then(done, done);
  });
}
