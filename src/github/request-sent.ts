/**
 * When a request has left for the network. `http-fetch.ts` publishes on its channel once a
 * request is written to its socket; undici (Node's global `fetch` and the proxy agent, behind a
 * proxy) publishes `undici:client:sendHeaders`. The action waits for either before compiling the
 * code it needs only later (the config loader and the checks), so that code compiles while the
 * first answer is on its way instead of before the first request goes out (docs/design.md,
 * "Start-up").
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { REQUEST_WRITTEN } from './http-fetch.js';

const CHANNELS = [REQUEST_WRITTEN.name, 'undici:client:sendHeaders'];

/**
 * Resolves once `count` more requests have been written, or when `settled` settles (a request
 * that fails before sending, or a fetch that publishes nothing), whichever comes first.
 */
export function requestsSent(count: number, settled: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    let written = 0;
    const done = () => {
      for (const name of CHANNELS) unsubscribe(name, onWritten);
      resolve();
    };
    const onWritten = () => {
      written += 1;
      if (written >= count) done();
    };
    for (const name of CHANNELS) subscribe(name, onWritten);
    settled.then(done, done);
  });
}
