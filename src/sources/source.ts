import type { EvidenceLookup } from '../model/evidence.js';
import type { FileReader, PullRequestFacts } from '../model/facts.js';

export interface ReaderOptions {
  /** Default: `limits.max_file_bytes` of the default config. */
  maxFileBytes?: number;
}

/**
 * Where the facts of a pull request come from. Sources only read: the GitHub adapter (API),
 * the local git source (the `merge-gate` CLI) and the fixture source (tests and the demo).
 */
export interface PullRequestSource {
  facts(): Promise<PullRequestFacts>;
  /** Lazy, cached reader of files at the head commit; files over `maxFileBytes` are unreadable. */
  reader(options?: ReaderOptions): FileReader;
  /**
   * Lazy, cached reader of files at the merge base (where `base...head` starts: the side the
   * changed files' patches compare against), for added lines where a patch is missing
   * (SPEC §8.14). Undefined when the source has no such side (a recorded fixture): added lines
   * without a patch are then unknown, and the checks say so.
   */
  mergeBaseReader(options?: ReaderOptions): FileReader | undefined;
  /** The config file's text on the base branch (a PR must not weaken its own gate), or undefined when absent. */
  baseConfigText(path: string): Promise<string | undefined>;
  /**
   * Lookups that verify the proof's claims against the PR (SPEC §9): head tree, commits, issues,
   * check runs. Each answers "unavailable" with a reason where the source cannot tell.
   */
  evidence?(): EvidenceLookup;
}
