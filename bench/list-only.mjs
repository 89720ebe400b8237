/** The list-only baseline (bench/list-only.ts), bundled once per run with ncc into `.bench-tmp/list-only/`. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TMP } from './lib.mjs';

let built;

/** Path of the bundled baseline script, to spawn like the action's bundle. */
export function listOnlyScript() {
  if (!built) {
    const out = join(TMP, 'list-only');
    execFileSync('npx', ['ncc', 'build', 'bench/list-only.ts', '-o', out, '--minify', '--quiet'], {
      stdio: 'ignore',
    });
    built = join(out, 'index.js');
  }
  return built;
}
