// Rebuilds dist/ from scratch: the action (dist/index.js, its engine thread dist/engine/index.js)
// and the CLI (dist/cli/index.js).
// ncc does not clean its output folder, so stale chunks would otherwise linger and be committed.
import { execFileSync } from 'node:child_process';
import { rmSync, readFileSync, readdirSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const ncc = (entry, out) =>
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      entry,
      '-o',
      out,
      '--minify',
      '--no-source-map-register',
      '--quiet',
      '--license',
      // One file per chunk: with a fixed name, a lazily loaded chunk (the proxy agent) would
      // overwrite the main chunk's list. mergeLicenses joins them.
      'licenses-[name].txt',
    ],
    {
      stdio: 'inherit',
    },
  );

/** Joins the per-chunk license lists into `licenses.txt`, the main chunk's first. */
function mergeLicenses(out) {
  const files = readdirSync(out)
    .filter((name) => /^licenses-.+\.txt$/.test(name))
    .sort((a, b) => (a === 'licenses-main.txt' ? -1 : b === 'licenses-main.txt' ? 1 : a.localeCompare(b)));
  const text = files.map((name) => readFileSync(join(out, name), 'utf8').trim()).join('\n\n');
  writeFileSync(join(out, 'licenses.txt'), `${text}\n`);
  for (const name of files) rmSync(join(out, name));
}

/**
 * ncc minifies the entry file only. The lazily loaded chunks (the checks, compiled while the first
 * API request is in flight; the proxy agent) are minified here the same way, so they compile fast.
 */
async function minifyChunks(out) {
  for (const name of readdirSync(out).filter((file) => /^\d+\.index\.js$/.test(file))) {
    const path = join(out, name);
    const { code } = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
    writeFileSync(path, code);
  }
}

execFileSync('node', ['scripts/build-validator.mjs'], { stdio: 'inherit' });
execFileSync('node', ['scripts/build-templates.mjs'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
ncc('src/action/main.ts', 'dist');
mergeLicenses('dist');
await minifyChunks('dist');
// The engine thread (started by the action; see src/action/engine-spawn.ts).
ncc('src/action/engine-worker.ts', 'dist/engine');
mergeLicenses('dist/engine');
await minifyChunks('dist/engine');
ncc('src/cli/index.ts', 'dist/cli');
mergeLicenses('dist/cli');

// The CLI is installed as a bin: keep exactly one shebang and make it executable.
const cli = 'dist/cli/index.js';
const body = readFileSync(cli, 'utf8').replace(/^#!.*\n/, '');
writeFileSync(cli, `#!/usr/bin/env node\n${body}`);
chmodSync(cli, 0o755);
