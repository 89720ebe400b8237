// Writes generated files, or with `--check` exits 1 naming those whose committed copy differs:
// shared by the scripts behind `npm run build:schema`, which CI and the unit tests run with --check.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `files`: path relative to `root` → content; `what` names them in the stale message. */
export function writeOrCheck(files, root, what, argv = process.argv) {
  const check = argv.includes('--check');
  const stale = [];
  for (const [path, content] of files) {
    const absolute = join(root, path);
    if (check) {
      let current;
      try {
        current = readFileSync(absolute, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== content) stale.push(path);
    } else {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
  }
  if (stale.length > 0) {
    console.error(`Stale generated ${what} (run \`npm run build:schema\`):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
}
