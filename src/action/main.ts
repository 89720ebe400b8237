/**
 * The action's entry point, bundled by ncc into dist/index.js: sends the PR read first, then loads
 * starts the engine thread, and loads and runs the action (a chunk of its own, which compiles while
 * that request is answered).
 * `run()` and its real dependencies live in entry.ts, so they can be imported without starting it.
 */
import { readPullRequestEarly } from './early-pull-read.js';
import { spawnEngineThread } from './engine-spawn.js';

// Loading the rest blocks the process for tens of milliseconds: the request leaves first.
await readPullRequestEarly(process.env);
// The engine compiles and warms up on another core while this thread reads the PR.
const engineThread = spawnEngineThread();
const { run } = await import('./entry.js');
await run(engineThread);
