/** The action's entry point (bundled by ncc into dist/index.js): real dependencies into `run`, nothing else. */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { connectGitHub } from '../github/connect.js';
import { run } from './run.js';
import { runnerIO } from './runner-io.js';

await run({
  env: process.env,
  io: runnerIO(),
  readFile: (path) => readFile(path, 'utf8'),
  connect: connectGitHub,
  now: () => performance.now(),
});
