import type { CheckId } from './contexts.js';

export type CheckState = 'success' | 'failure' | 'error';

export type FindingSeverity = 'failure' | 'error' | 'warning' | 'notice';

/** One fact a check found; `file`/`line` point at the proof (or other file) line at fault. */
export interface Finding {
  severity: FindingSeverity;
  message: string;
  file?: string;
  line?: number;
  /** The config key that governs the rule, so a team knows what to change. */
  configKey?: string;
}

export interface CheckResult {
  check: CheckId;
  state: CheckState;
  /** One line, most useful fact first; clipped to 140 characters where statuses are posted. */
  description: string;
  findings: Finding[];
  /** Set when the override label waived a failure (SPEC §3). */
  waivedBy?: string;
  /** Set in advisory mode when the check would have failed (SPEC §8.13). */
  advisory?: { wouldBe: CheckState };
}

/** The whole evaluation: the seven results (verdict last) plus what the report needs to say about the proof. */
export interface Evaluation {
  results: CheckResult[];
  verdict: CheckState;
  governingProof?: string;
  relatedProofs: string[];
  role: string;
  notes: string[];
}
