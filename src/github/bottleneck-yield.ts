/**
 * Bottleneck (the limiter under Octokit's retry and throttling plugins) keeps its state in memory
 * but makes every step of it asynchronous, as if it lived in Redis: each step waits for a
 * `setTimeout(resolve, 0)`, which Node rounds up to a millisecond, and submissions go through a
 * lock one at a time. A request passes three limiters (the retry plugin's, the throttling plugin's
 * retry limiter and its group), so 30 file-list pages sent "at once" left 3 ms apart, and a
 * 3000-file PR spent about 100 ms only on that (docs/benchmarks.md). Awaiting a resolved promise
 * keeps the steps asynchronous and in order, without the timer. Delays Bottleneck asks for
 * (`minTime`, retry waits) still use timers: only the zero-length yield changes.
 */
import type Bottleneck from 'bottleneck/light.js';

interface LocalStore {
  yieldLoop(this: unknown, ms?: number): Promise<unknown>;
}

const done = new WeakSet<object>();

/**
 * Makes the in-memory store's zero-length yield a microtask, for every limiter of this Bottleneck
 * build (the plugins and this module share `bottleneck/light.js`). Idempotent.
 */
export function yieldWithoutTimers(Limiter: typeof Bottleneck): void {
  if (done.has(Limiter)) return;
  done.add(Limiter);
  const probe = new Limiter() as unknown as { _store?: object };
  const store = probe._store ? (Object.getPrototypeOf(probe._store) as LocalStore) : undefined;
  if (!store || typeof store.yieldLoop !== 'function') return;
  const timed = store.yieldLoop;
  store.yieldLoop = function (this: unknown, ms = 0) {
    return ms > 0 ? timed.call(this, ms) : Promise.resolve();
  };
}
