/**
 * The action's entry point, bundled by ncc into dist/index.js: runs the action, nothing else.
 * `run()` and its real dependencies live in entry.ts, so they can be imported without starting it.
 */
import { run } from './entry.js';

await run();
