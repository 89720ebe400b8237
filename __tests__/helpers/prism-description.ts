/**
 * GitHub's API description in a form Prism can enforce in full.
 *
 * Prism compiles each answer's schema with ajv and, when ajv refuses the schema, skips validating
 * that answer without a word (prism-http wraps the compile in a `tryCatch`). ajv refuses
 * `nullable: true` on a schema that has no `type` (`{ nullable: true, oneOf: [...] }`), a form the
 * description uses ~135 times, among them in `issue` (GET an issue) and `commit` (a PR's commits,
 * a path's commits): every answer on those routes, however wrong, would pass. So the validating
 * proxy is given a copy in which each such schema reads `anyOf: [<the schema>, { type: 'null' }]`,
 * which is what the description means by it (GitHub answers `null` there, e.g. a commit `author`
 * whose email matches no user). Only schemas Prism could not check at all change; the rest of the
 * copy is the description as published.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Schema = Record<string, unknown>;

/** Rewrites every `nullable` schema without `type` in `node` (the parsed description), in place; returns how many. */
export function makeNullableCompilable(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + makeNullableCompilable(item), 0);
  if (node === null || typeof node !== 'object') return 0;
  const schema = node as Schema;
  let count = 0;
  for (const value of Object.values(schema)) count += makeNullableCompilable(value);
  if (schema.nullable === true && !('type' in schema)) {
    const rest = { ...schema };
    delete rest.nullable;
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [rest, { type: 'null' }];
    count += 1;
  }
  return count;
}

/** Writes the enforceable copy of `description` into a new temporary folder; returns its path and the folder. */
export function writeEnforceableDescription(description: string): { path: string; dir: string } {
  const parsed = JSON.parse(readFileSync(description, 'utf8')) as unknown;
  makeNullableCompilable(parsed);
  const dir = mkdtempSync(join(tmpdir(), 'merge-gate-prism-'));
  const path = join(dir, 'api.github.com.json');
  writeFileSync(path, JSON.stringify(parsed));
  return { path, dir };
}
