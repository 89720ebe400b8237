/**
 * SPEC §9.1: a delivered file the proof names exists at head, and one its row says is created /
 * new / added is in the PR's diff. Paths the PR changes are answered from the file list; others
 * need the head tree, fetched only when such a path is claimed.
 */
import type { ChangedFile } from '../../model/facts.js';
import type { ProofDocument } from '../../model/proof.js';
import { fileClaims, type FileClaim } from './file-claims.js';
import type { CachedLookup, TreeIndex } from './lookup.js';
import { resolveWrittenPath } from './resolve-path.js';
import { baseName } from '../checks/check.js';
import type { EvidenceFinding, PullRequestFiles } from './types.js';

/** Findings for the delivered-file claims of one proof. */
export async function deliveredFileFindings(
  doc: ProofDocument,
  files: PullRequestFiles,
  lookup: CachedLookup,
): Promise<EvidenceFinding[]> {
  const findings: EvidenceFinding[] = [];
  const unverified: string[] = [];
  let treeProblem: string | undefined;
  const seen = new Set<string>();
  for (const claim of fileClaims(doc)) {
    const { path, tree } = await resolveWrittenPath(claim.written, files, lookup);
    if (tree && 'state' in tree) treeProblem ??= tree.reason;
    if (path === undefined) continue;
    const key = `${path}\0${claim.saysCreated}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const finding = judge(claim, path, files, tree && !('state' in tree) ? tree : undefined);
    if (finding === 'unverified') unverified.push(path);
    else if (finding) findings.push(finding);
  }
  if (unverified.length > 0) {
    findings.push({
      kind: 'not-checked',
      message: `${unverified.length} delivered file(s) the PR does not change were not looked up at head (${treeProblem ?? 'no head tree'}): ${unverified.slice(0, 3).join(', ')}${unverified.length > 3 ? ', …' : ''}`,
    });
  }
  return findings;
}

function judge(
  claim: FileClaim,
  path: string,
  files: PullRequestFiles,
  tree: TreeIndex | undefined,
): EvidenceFinding | 'unverified' | undefined {
  const at = { line: claim.line };
  if (files.present.has(path)) return undefined;
  const removed = files.removed.get(path);
  // A rename row names the old path as well as the new one: only the new one is claimed at head.
  if (claim.saysMoved && (removed || tree?.files.has(path) !== true)) return undefined;
  if (removed) {
    const how = removed.status === 'renamed' ? `renames it to ${removed.path}` : 'deletes it';
    return {
      kind: 'false-claim',
      message: `${path} is listed as delivered under "${claim.where}" but this PR ${how}`,
      ...at,
    };
  }
  if (tree?.directories.has(path)) return undefined;
  const exists = tree ? tree.files.has(path) : undefined;
  if (claim.saysCreated) {
    const state =
      exists === true
        ? 'it exists at head unchanged'
        : exists === false
          ? 'it does not exist at head either'
          : 'it is not among the changed files';
    return {
      kind: 'false-claim',
      message: `${path} is claimed as created/new under "${claim.where}" but this PR does not add or modify it: ${state}`,
      ...at,
    };
  }
  if (exists === undefined) return 'unverified';
  if (exists) return undefined;
  return {
    kind: 'false-claim',
    message: `${path} is listed as delivered under "${claim.where}" but does not exist at head${nameHint(path, files)}`,
    ...at,
  };
}

/** When a changed file has the same name elsewhere, say so: the proof probably has the directory wrong. */
function nameHint(path: string, files: PullRequestFiles): string {
  const same = files.presentByName.get(baseName(path)) ?? [];
  return same.length === 1 ? ` (this PR changes ${same[0]})` : '';
}

/** The PR's changed files, indexed for claims. */
export function pullRequestFiles(changed: readonly ChangedFile[]): PullRequestFiles {
  const present = new Set<string>();
  const presentByName = new Map<string, string[]>();
  const removed = new Map<string, ChangedFile>();
  for (const file of changed) {
    if (file.status === 'removed') {
      removed.set(file.path, file);
      continue;
    }
    present.add(file.path);
    const name = baseName(file.path);
    presentByName.set(name, [...(presentByName.get(name) ?? []), file.path]);
    // A renamed file's old path is gone from head: claiming it is claiming a deleted file.
    if (file.previousPath && file.status === 'renamed') removed.set(file.previousPath, file);
  }
  return { present, presentByName, removed };
}
