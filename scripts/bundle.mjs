// Rebuilds dist/ from scratch: the action (dist/index.js) and the CLI (dist/cli/index.js).
// ncc does not clean its output folder, so stale chunks would otherwise linger and be committed.
import { execFileSync } from 'node:child_process';
import { rmSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';

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
      'licenses.txt',
    ],
    {
      stdio: 'inherit',
    },
  );

execFileSync('node', ['scripts/build-validator.mjs'], { stdio: 'inherit' });
execFileSync('node', ['scripts/build-templates.mjs'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
ncc('src/action/main.ts', 'dist');
ncc('src/cli/index.ts', 'dist/cli');

// The CLI is installed as a bin: keep exactly one shebang and make it executable.
const cli = 'dist/cli/index.js';
const body = readFileSync(cli, 'utf8').replace(/^#!.*\n/, '');
writeFileSync(cli, `#!/usr/bin/env node\n${body}`);
chmodSync(cli, 0o755);
