/**
 * The limiter under Octokit's plugins, with its zero-length yields made microtasks: jobs still run
 * in order and delays it asks for still wait, but a job no longer waits for a chain of timers.
 */
import Bottleneck from 'bottleneck/light.js';
import { yieldWithoutTimers } from '../../../src/github/bottleneck-yield.js';

/** setTimeout calls made while `work` runs, by delay. */
async function timersDuring(work: () => Promise<unknown>): Promise<number[]> {
  const delays: number[] = [];
  const original = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: () => void, delay?: number, ...args: unknown[]) => {
    delays.push(delay ?? 0);
    return (original as (...all: unknown[]) => ReturnType<typeof setTimeout>)(handler, delay, ...args);
  }) as typeof setTimeout;
  try {
    await work();
  } finally {
    globalThis.setTimeout = original;
  }
  return delays;
}

describe('yieldWithoutTimers', () => {
  it('takes the zero-length timers out of a job: one timer is left (the job itself), not one per step', async () => {
    const before = await timersDuring(() => new Bottleneck({ maxConcurrent: 5 }).schedule(async () => 1));
    expect(before.filter((d) => d === 0).length).toBeGreaterThan(3);

    yieldWithoutTimers(Bottleneck);
    yieldWithoutTimers(Bottleneck); // idempotent
    const after = await timersDuring(() => new Bottleneck({ maxConcurrent: 5 }).schedule(async () => 1));
    expect(after.filter((d) => d === 0)).toHaveLength(1);
  });

  it('keeps jobs in order and the concurrency limit, and still waits with a timer for minTime', async () => {
    yieldWithoutTimers(Bottleneck);
    const limiter = new Bottleneck({ maxConcurrent: 2, minTime: 30 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const delays = await timersDuring(() =>
      Promise.all(
        [0, 1, 2, 3].map((i) =>
          limiter.schedule(async () => {
            running += 1;
            peak = Math.max(peak, running);
            await Promise.resolve();
            running -= 1;
            order.push(i);
          }),
        ),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3]);
    expect(peak).toBeLessThanOrEqual(2);
    // Each job after the first is held back by minTime: a timer of up to that length each (zero-length yields use none).
    expect(delays.filter((delay) => delay > 0)).toHaveLength(3);
  });
});
