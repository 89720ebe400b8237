/**
 * The engine thread's entry, bundled by ncc into dist/engine/index.js and started by main.ts
 * (engine-spawn.ts) before the action's own code loads: it compiles the engine and warms it up
 * while the main thread reads the PR, then evaluates it (docs/design.md, "The engine thread").
 */
import { parentPort } from 'node:worker_threads';
import { serveEngine } from './engine-thread.js';
import { warmUpSteps } from './engine-warmup.js';

if (parentPort) void serveEngine(parentPort, warmUpSteps());
