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
 *
 * The copy also holds only the operations the action calls (`ROUTES` of src/github/rest.ts) and the
 * components they refer to: Prism loads it in a fraction of the time the whole description takes,
 * and a request to any other route is a violation ("no path matched"), as it should be.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROUTES } from '../../src/github/rest.js';

type Schema = Record<string, unknown>;

/** `METHOD /path` of every operation the action calls. */
const actionRoutes = (): string[] => Object.values(ROUTES).flatMap((scope) => Object.values(scope));

/**
 * Keeps, in `description` (parsed, changed in place), only the operations `routes` names and the
 * components reachable from them through `$ref`; returns the number of operations kept.
 */
export function keepOnlyRoutes(description: Schema, routes: string[]): number {
  const paths = description.paths as Record<string, Schema>;
  const kept: Record<string, Schema> = {};
  for (const route of routes) {
    const [method = '', path = ''] = route.split(' ');
    const operation = paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`the API description has no ${route}`);
    kept[path] = { ...kept[path], [method.toLowerCase()]: operation };
    if (paths[path]?.parameters) kept[path].parameters = paths[path].parameters;
  }
  description.paths = kept;
  // Webhook descriptions are not requests the action makes (and refer to components dropped here).
  delete description['x-webhooks'];
  delete description.webhooks;
  const components = (description.components ?? {}) as Record<string, Record<string, unknown>>;
  const reachable: Record<string, Record<string, unknown>> = {};
  const pending: unknown[] = [kept];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...(node as unknown[]));
    else if (node !== null && typeof node === 'object') {
      const ref = (node as Schema).$ref;
      const match = typeof ref === 'string' ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) : null;
      if (match) {
        const [, kind = '', name = ''] = match;
        if (!reachable[kind]?.[name]) {
          (reachable[kind] ??= {})[name] = components[kind]?.[name];
          pending.push(components[kind]?.[name]);
        }
      }
      pending.push(...Object.values(node));
    }
  }
  description.components = reachable;
  return Object.values(kept).reduce(
    (sum, item) => sum + Object.keys(item).filter((k) => k !== 'parameters').length,
    0,
  );
}

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
  const parsed = JSON.parse(readFileSync(description, 'utf8')) as Schema;
  keepOnlyRoutes(parsed, actionRoutes());
  makeNullableCompilable(parsed);
  const dir = mkdtempSync(join(tmpdir(), 'merge-gate-prism-'));
  const path = join(dir, 'api.github.com.json');
  writeFileSync(path, JSON.stringify(parsed));
  return { path, dir };
}
