/**
 * Which file a path written in a proof names (SPEC §9.1). A path is taken as written when the PR
 * changes it or the head tree has it. Otherwise proofs often write a path relative to a package or
 * an agent's folder (`src/__tests__/x.test.ts` for `packages/ai-centre/src/__tests__/x.test.ts`):
 * it then names the one changed file, else the one head file, whose path ends with it. A bare file
 * name resolves the same way by name; with several candidates it names none (it is not a claim).
 */
import type { CachedLookup, TreeIndex } from './lookup.js';
import { baseName } from '../checks/check.js';
import type { WrittenPath } from './paths.js';
import type { PullRequestFiles } from './types.js';

export interface ResolvedPath {
  /** The repository path the claim names; undefined when it names no single file. */
  path?: string;
  /** The head tree, when it had to be read; `unavailable` when it could not be. */
  tree?: TreeIndex | { state: 'unavailable'; reason: string };
}

export async function resolveWrittenPath(
  written: Extract<WrittenPath, { kind: 'path' | 'bare' }>,
  files: PullRequestFiles,
  lookup: CachedLookup,
): Promise<ResolvedPath> {
  if (written.kind === 'bare') {
    const changed = files.presentByName.get(written.name) ?? [];
    if (changed.length > 0) return { path: changed.length === 1 ? changed[0] : undefined };
    const tree = await lookup.headTree();
    if ('state' in tree) return { tree };
    const atHead = tree.byName.get(written.name) ?? [];
    return { path: atHead.length === 1 ? atHead[0] : undefined, tree };
  }
  const path = written.path;
  if (files.present.has(path) || files.removed.has(path)) return { path };
  const suffix = `/${path}`;
  const changed = (files.presentByName.get(baseName(path)) ?? []).filter((p) => p.endsWith(suffix));
  const tree = await lookup.headTree();
  if ('state' in tree) return { path: changed.length === 1 ? changed[0] : path, tree };
  if (tree.files.has(path) || tree.directories.has(path)) return { path, tree };
  if (changed.length === 1) return { path: changed[0], tree };
  const atHead = changed.length === 0 ? filesEndingWith(tree, suffix) : [];
  return { path: atHead.length === 1 ? atHead[0] : path, tree };
}

function filesEndingWith(tree: TreeIndex, suffix: string): string[] {
  const name = suffix.slice(suffix.lastIndexOf('/') + 1);
  return (tree.byName.get(name) ?? []).filter((p) => p.endsWith(suffix));
}
