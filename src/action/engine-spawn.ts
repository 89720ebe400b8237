/**
 * Starts the engine thread from the bundle: dist/engine/index.js, beside dist/index.js. The thread
 * is unreferenced until an evaluation needs it, so a run that ends early (an ignored event, a PR
 * that cannot be read) exits without waiting for it.
 */
import { Worker } from 'node:worker_threads';
import type { EngineThread } from './engine-host.js';

/** The engine thread, or undefined when it cannot be started (the action then evaluates in its own thread). */
export function spawnEngineThread(): EngineThread | undefined {
  // A variable, not a literal: the bundler must not try to bundle the file as an asset.
  const file = 'engine/index.js';
  try {
    // An empty environment: the engine needs none, and the token is then not even there.
    const worker = new Worker(new URL(file, import.meta.url), { env: {} });
    worker.unref();
    return worker;
  } catch {
    return undefined;
  }
}
