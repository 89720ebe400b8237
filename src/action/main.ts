/**
 * The action's entry point (bundled by ncc into dist/index.js): real dependencies into `run`,
 * nothing else. Only what the first API request needs loads here (docs/design.md, "Start-up"):
 * the event file is read synchronously, and the clock is `process.hrtime` (`performance` would
 * load `node:perf_hooks`).
 */
import { readFileSync } from 'node:fs';
import { connectGitHub } from '../github/connect.js';
import { run } from './run.js';
import { runnerIO } from './runner-io.js';

await run({
  env: process.env,
  io: runnerIO(),
  readFile: async (path) => readFileSync(path, 'utf8'),
  connect: connectGitHub,
  now: () => Number(process.hrtime.bigint()) / 1e6,
});
