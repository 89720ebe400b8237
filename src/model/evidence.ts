/**
 * What a source can look up so that a proof's claims are checked against the pull request itself
 * (SPEC §9). Every answer may be "could not check": local mode has no API, a fixture records only
 * the changed files, a token may lack a permission. The checks then say what they could not verify.
 */
import type { FileContent } from './facts.js';

/** Why a lookup could not be made; said to the user as is ("… could not be checked: <reason>"). */
export interface Unavailable {
  state: 'unavailable';
  reason: string;
}

/** Every path at the head commit: blobs (files, symlinks, submodules) and the directories holding them. */
export type HeadTree =
  { state: 'ok'; files: readonly string[]; directories: readonly string[] } | Unavailable;

/** The commits of the pull request, oldest first (the head commit last). */
export type PullRequestCommits = { state: 'ok'; commits: readonly string[] } | Unavailable;

/** A reference to an issue or pull request: `#12` in this repository, or `owner/repo#12`. */
export interface IssueReference {
  /** `owner/repo`; undefined for this pull request's own repository. */
  repository?: string;
  number: number;
}

/** What `GET /repos/{owner}/{repo}/issues/{number}` says: a pull request carries `pull_request`. */
export type IssueLookup = { state: 'issue' | 'pull_request' | 'absent' } | Unavailable;

/** The names of the check runs and commit statuses on the head commit (queued or running ones included). */
export type HeadChecks = { state: 'ok'; names: readonly string[] } | Unavailable;

/**
 * Lookups a source offers for evidence verification. Each is called lazily, only when a claim
 * needs it, so a PR whose proof makes no such claim costs no request.
 */
export interface EvidenceLookup {
  /** `owner/repo` of the pull request, when the source knows it (so `owner/repo#N` can be told to be this one). */
  readonly repository?: string;
  /** The head commit's tree (GitHub: one recursive git-trees request; git: `ls-tree`). */
  headTree(): Promise<HeadTree>;
  /**
   * The pull request's commits (GitHub: `GET /pulls/{n}/commits`; git: `rev-list base..head`);
   * with `path`, only those that changed it (GitHub: intersected with `GET /commits?path=`).
   */
  pullRequestCommits(path?: string): Promise<PullRequestCommits>;
  /** A file at one commit of the pull request (or its base), with the SHA-256 of its bytes. */
  readAt(commit: string, path: string): Promise<FileContent>;
  /** Whether a number names an issue or a pull request (API only). */
  issue(reference: IssueReference): Promise<IssueLookup>;
  /** Check runs and statuses on the head commit (API only; needs `checks: read`). */
  headChecks(): Promise<HeadChecks>;
}
