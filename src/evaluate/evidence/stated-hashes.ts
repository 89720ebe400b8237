/**
 * SPEC §9.2: a SHA-256 the proof states for a file is re-hashed from the file at head. A mismatch
 * is told apart: the hash of empty input, a stale hash (it matches an earlier commit of this PR, or
 * the file before this PR changed it: the file changed after the proof was written), or a hash that
 * never matched. The PR's history is read only when a mismatch needs it, and at most
 * `MAX_HISTORY_READS` files per evaluation.
 */
import type { ProofDocument } from '../../model/proof.js';
import { EMPTY_SHA256, fileSha256 } from '../file-hash.js';
import { UnavailableFileError, type ServedContent, type ServedReader } from '../served.js';
import { hashClaims, type HashClaim } from './hash-claims.js';
import { resolveWrittenPath } from './resolve-path.js';
import type { CachedLookup } from './lookup.js';
import type { EvidenceFinding, PullRequestFiles } from './types.js';

/** Reads of earlier versions per evaluation: a proof listing fifty stale hashes costs at most this many requests. */
export const MAX_HISTORY_READS = 40;
/** Files hashed at head per evaluation (each may be a request): a hostile proof cannot make thousands. */
export const MAX_HASHED_FILES = 50;

export interface HashContext {
  proofPath: string;
  files: PullRequestFiles;
  reader: ServedReader;
  lookup: CachedLookup;
  headSha: string;
  baseSha: string;
  /** Shared by every proof of one evaluation. */
  budget: { reads: number; files: Set<string> };
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;
const shortSha = (sha: string) => sha.slice(0, 7);

/** Findings for the stated hashes of one proof. */
export async function statedHashFindings(doc: ProofDocument, ctx: HashContext): Promise<EvidenceFinding[]> {
  const findings: EvidenceFinding[] = [];
  const notChecked: string[] = [];
  const seen = new Set<string>();
  for (const claim of hashClaims(doc)) {
    const { path } = await resolveWrittenPath(claim.written, ctx.files, ctx.lookup);
    if (path === undefined || path === ctx.proofPath) continue;
    const key = `${path}\0${claim.sha256}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!ctx.budget.files.has(path) && ctx.budget.files.size >= MAX_HASHED_FILES) {
      notChecked.push(`${path} (over the limit of ${MAX_HASHED_FILES} hashed files per run)`);
      continue;
    }
    ctx.budget.files.add(path);
    let content: ServedContent;
    try {
      content = await ctx.reader.read(path);
    } catch (error) {
      // A file the source could not serve: a lookup that failed, reported as not checked (SPEC §9).
      if (!(error instanceof UnavailableFileError)) throw error;
      notChecked.push(`${path} (${error.message})`);
      continue;
    }
    // A file missing at head is the delivered-files rule's finding, not a hash mismatch.
    if (content.state === 'absent') continue;
    if (content.state === 'unreadable') {
      notChecked.push(`${path} (${content.reason})`);
      continue;
    }
    const actual = fileSha256(content);
    if (actual === claim.sha256) continue;
    findings.push({
      kind: 'false-claim',
      line: claim.line,
      message: await mismatch(claim, path, actual, ctx),
    });
  }
  if (notChecked.length > 0) {
    findings.push({
      kind: 'not-checked',
      message: `Stated SHA-256 not verified for ${notChecked.length} file(s): ${notChecked.slice(0, 3).join(', ')}${notChecked.length > 3 ? ', …' : ''}`,
    });
  }
  return findings;
}

async function mismatch(claim: HashClaim, path: string, actual: string, ctx: HashContext): Promise<string> {
  const stated = `The SHA-256 stated for ${path} (${short(claim.sha256)})`;
  if (claim.sha256 === EMPTY_SHA256) {
    return `${stated} is the hash of empty input, not of the file (head has ${short(actual)}): hash the file itself`;
  }
  // An unchanged file is the same at every commit of the PR: there is no earlier version to match.
  if (!ctx.files.present.has(path)) {
    return `${stated} does not match the file at head (${short(actual)}), which this PR does not change: it never matched`;
  }
  const history = await earlierVersions(path, ctx);
  for (const { sha, label } of history.candidates) {
    if (ctx.budget.reads >= MAX_HISTORY_READS) {
      return `${stated} does not match the file at head (${short(actual)}); earlier commits not all checked (limit of ${MAX_HISTORY_READS} reads)`;
    }
    ctx.budget.reads += 1;
    const earlier = await ctx.lookup.readAt(sha, path);
    if (earlier.state === 'ok' && fileSha256(earlier) === claim.sha256) {
      return label === 'base'
        ? `${stated} is stale: it is the hash of the file before this PR changed it (base ${shortSha(sha)}); head has ${short(actual)}`
        : `${stated} is stale: it matches the file at ${shortSha(sha)}, an earlier commit of this PR; the file changed after the proof was written (head has ${short(actual)})`;
    }
  }
  const scope = history.note ? ` (${history.note})` : '';
  return `${stated} matches neither the file at head (${short(actual)}) nor any earlier version in this PR${scope}: it never matched`;
}

interface History {
  /** Newest first: the PR's commits before head, then the base. */
  candidates: { sha: string; label: 'commit' | 'base' }[];
  /** What the search could not cover, for the message. */
  note?: string;
}

async function earlierVersions(path: string, ctx: HashContext): Promise<History> {
  const base = ctx.baseSha ? [{ sha: ctx.baseSha, label: 'base' as const }] : [];
  const commits = await ctx.lookup.pullRequestCommits(path);
  if (commits.state !== 'ok')
    return { candidates: base, note: `the PR's commits could not be listed: ${commits.reason}` };
  const earlier = commits.commits.filter((sha) => sha !== ctx.headSha).reverse();
  const candidates = [...earlier.map((sha) => ({ sha, label: 'commit' as const })), ...base];
  // Only the head commit changed the file: on a squashed branch its earlier versions are gone.
  const note = commits.commits.length <= 1 ? 'no earlier commit of this PR changed the file' : undefined;
  return note ? { candidates, note } : { candidates };
}
