import type { ChangedFile } from '../../model/facts.js';

/**
 * What a rule found about one claim, before it becomes a `Finding`: the severity depends on
 * `evidence.verify` and on whether the proof governs (SPEC §9), which the caller decides.
 */
export interface EvidenceFinding {
  /**
   * `false-claim`: the PR contradicts the proof (a failure under `enforce`); `advice`: always a
   * warning (test claims without a check run, SPEC §9.4); `not-checked`: a notice saying what could
   * not be verified and why.
   */
  kind: 'false-claim' | 'advice' | 'not-checked';
  message: string;
  /** The proof line the claim is on. */
  line?: number;
}

/** The PR's changed files, indexed for the claims. */
export interface PullRequestFiles {
  /** Paths present at head that the PR adds, modifies, renames to or copies to. */
  present: ReadonlySet<string>;
  /** File name → the present changed paths with that name. */
  presentByName: ReadonlyMap<string, readonly string[]>;
  /** Paths the PR deletes, or renames away from, with the change that did it. */
  removed: ReadonlyMap<string, ChangedFile>;
}
