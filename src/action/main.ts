/**
 * The action's entry point, bundled by ncc into dist/index.js: sends the PR read first, then loads
 * and runs the action (a chunk of its own, which compiles while that request is answered).
 * `run()` and its real dependencies live in entry.ts, so they can be imported without starting it.
 */
import { readPullRequestEarly } from './early-pull-read.js';

// Loading the rest blocks the process for tens of milliseconds: the request leaves first.
await readPullRequestEarly(process.env);
const { run } = await import('./entry.js');
await run();
