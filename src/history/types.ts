/** The data of `merge-gate history`: which merged PRs, what the engine decided on each, and how they are read. */
import type { Config } from '../config/types.js';
import type { Evaluation } from '../model/results.js';

/** How a PR was found: a squash commit `… (#N)`, a merge commit `Merge pull request #N from …`, or the API. */
export type PullOrigin = 'squash' | 'merge' | 'github';

/** One merged pull request, as found before it is evaluated. */
export interface HistoryPull {
  number: number;
  title: string;
  /** ISO 8601: the merge commit's committer date (local), or the API's `merged_at`. */
  mergedAt: string;
  /** The commit the PR was merged into: the first parent (local), or the API's base SHA. */
  base: string;
  /** The PR's last commit: the squash commit itself, the merge's second parent, or the API's head SHA. */
  head: string;
  /** The PR's branch; null when history does not say (a squash merge read locally). */
  headRef: string | null;
  /** Exact label names; null when unknown (local mode: git does not record labels). */
  labels: string[] | null;
  /** The PR author's login; null when unknown (local mode uses the head commit's author, as `check` does). */
  author: string | null;
  origin: PullOrigin;
  /** Why this PR cannot be evaluated at all, found while listing it (e.g. its parent is not in a shallow clone). */
  unavailable?: string;
}

/** What local mode cannot know, and what it means for the results (reported, never silent). */
export interface Unknown {
  field: 'labels' | 'headRef' | 'author';
  effect: string;
}

/** Where the PRs come from, and what the listing itself found wrong. */
export interface Discovery {
  mode: 'local' | 'github';
  /** The repository directory (local) or `owner/repo` (GitHub). */
  repository: string;
  /** The branch whose history was read (local mode). */
  branch?: string;
  pulls: HistoryPull[];
  unknown: Unknown[];
  /** Facts about the listing a reader must know (a shallow clone, a listing cut short). */
  notes: string[];
  /** True when the listing may have missed PRs (an API failure after the first page). */
  incomplete: boolean;
  /** Local mode: the clone is shallow, so older commits may be missing. */
  shallow?: boolean;
}

/** Which PRs to list: newest first, at most `limit`, none merged before `since`. */
export interface PullQuery {
  limit: number;
  since?: Date;
}

/** Evaluates one PR under its base branch's config, and under a proposed config when one is given. */
export interface PullEvaluator {
  evaluate(pull: HistoryPull, proposed?: Config): Promise<PullEvaluations>;
  close(): Promise<void>;
}

export interface PullEvaluations {
  base: Evaluation;
  /** The base config's `context_prefix`, so the PR's checks are named as its statuses were. */
  prefix: string;
  proposed?: Evaluation;
  proposedPrefix?: string;
}

/** A PR after evaluation; `error` says why it could not be (fully) evaluated. */
export interface PullOutcome {
  pull: HistoryPull;
  evaluation?: Evaluation;
  /** The context prefix of the config `evaluation` was made under. */
  prefix?: string;
  proposed?: Evaluation;
  proposedPrefix?: string;
  /** Set when the PR was not evaluated, or its verdict is `error`: the reason, for the report. */
  error?: string;
}
