/**
 * The action with its real dependencies, as `run()` with no arguments: the shape GitHub's action
 * templates give an entry point. `main.ts` (the bundle's entry) calls it; `npm run local-action`
 * imports it through `@github/local-action`, which calls the exported `run()` itself (CONTRIBUTING.md,
 * "Run the action locally"). Importing this module starts nothing.
 *
 * Only what the first API request needs loads here (docs/design.md, "Start-up"): the event file is
 * read synchronously, and the clock is `process.hrtime` (`performance` would load `node:perf_hooks`).
 */
import { readFileSync } from 'node:fs';
import { connectGitHub } from '../github/connect.js';
import type { EngineThread } from './engine-host.js';
import { run as runWith } from './run.js';
import { runnerIO } from './runner-io.js';

/**
 * Runs the action on the running process: its environment, stdout, exit code and the real API.
 * With `engineThread` (the bundle's, from main.ts) the checks run there; without, in this thread.
 */
export function run(engineThread?: EngineThread): Promise<void> {
  return runWith({
    ...(engineThread ? { engineThread } : {}),
    env: process.env,
    io: runnerIO(),
    readFile: async (path) => readFileSync(path, 'utf8'),
    connect: connectGitHub,
    now: () => Number(process.hrtime.bigint()) / 1e6,
  });
}
