import type { ChangedFile } from '../model/facts.js';
import type { Config } from '../config/types.js';
import { firstField } from '../proof/parse.js';
import type { DocumentParser } from './document-memo.js';
import { globMatcher } from './globs.js';
import { loadDocument, type LoadedDocument } from './documents.js';
import type { ServedReader } from './served.js';
import { compareSessionIds, parseProofDate } from './session-id.js';

export interface ProofSet {
  /** Non-excluded proofs among the added/modified/renamed files, parsed. */
  proofs: LoadedDocument[];
  /** Files matching the proof globs and an exclusion (templates, archives…): listed as a note (SPEC §8.2). */
  excluded: string[];
  governing?: LoadedDocument;
  related: LoadedDocument[];
}

/** Which changed files are proofs: matched case-insensitively, deleted ones never count (SPEC §3, §8.2). */
export function findProofPaths(
  files: readonly ChangedFile[],
  config: Config,
): { proofs: string[]; excluded: string[] } {
  const isProof = globMatcher(config.proof.globs, { nocase: true });
  const isExcluded = globMatcher(config.proof.exclude, { nocase: true });
  const proofs: string[] = [];
  const excluded: string[] = [];
  for (const file of files) {
    if (file.status === 'removed' || !isProof(file.path)) continue;
    (isExcluded(file.path) ? excluded : proofs).push(file.path);
  }
  return { proofs, excluded };
}

/** Reads every proof the PR carries and picks the governing one (SPEC §8.1). */
export async function loadProofs(
  files: readonly ChangedFile[],
  reader: ServedReader,
  config: Config,
  parse: DocumentParser,
  headRef: string,
): Promise<ProofSet> {
  const { proofs: paths, excluded } = findProofPaths(files, config);
  const proofs = await Promise.all(paths.map((path) => loadDocument(reader, path, parse)));
  const [governing, ...related] = rankProofs(proofs, config, headRef);
  return { proofs, excluded, governing, related };
}

/**
 * Orders proofs, governing first: those whose Branch equals the head ref (when any do), then newest
 * Date (unparsable last), highest session id (missing last), more required fields, path ascending.
 */
export function rankProofs(
  proofs: readonly LoadedDocument[],
  config: Config,
  headRef: string,
): LoadedDocument[] {
  const facts = proofs.map((proof) => ({ proof, ...proofKeys(proof, config) }));
  const onBranch = headRef ? facts.filter((f) => f.branch === headRef) : [];
  const pool = onBranch.length > 0 ? onBranch : facts;
  const rest = facts.filter((f) => !pool.includes(f));
  const order = (a: (typeof facts)[number], b: (typeof facts)[number]): number =>
    (b.date ?? -Infinity) - (a.date ?? -Infinity) ||
    compareOptionalIds(a.sessionId, b.sessionId) ||
    b.requiredPresent - a.requiredPresent ||
    (a.proof.path < b.proof.path ? -1 : a.proof.path > b.proof.path ? 1 : 0);
  return [...pool.sort(order), ...rest.sort(order)].map((f) => f.proof);
}

function proofKeys(proof: LoadedDocument, config: Config) {
  const doc = proof.doc;
  const value = (name: string) => (doc ? firstField(doc, name)?.value : undefined);
  const date = value('date');
  return {
    branch: branchName(value('branch')),
    date: date === undefined ? undefined : parseProofDate(date),
    sessionId: value('session_id'),
    requiredPresent: config.proof.required_fields.filter((name) => value(name)).length,
  };
}

function compareOptionalIds(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compareSessionIds(b, a);
}

/** The branch named by a `Branch` value, ignoring trailing prose such as `(PR #743)`. */
export function branchName(value: string | undefined): string | undefined {
  return value?.trim().split(/\s+/)[0] || undefined;
}
