/**
 * The messages between the action's main thread and its engine thread (docs/design.md, "The
 * engine thread"). Everything that crosses is plain data: the main thread keeps the GitHub API and
 * answers the engine's file reads and evidence lookups; the engine keeps the config loader, the
 * parser and the checks.
 */
import type { EvidenceLookup } from '../model/evidence.js';
import type { FileReader, PullRequestFacts } from '../model/facts.js';
import type { Evaluation } from '../model/results.js';
import type { CommentMode } from './inputs.js';

/** The config in force, as far as the main thread needs it before the evaluation ends. */
export interface ConfigSettings {
  contextPrefix?: string;
  comment?: CommentMode;
}

/** Which of the source's readers or lookups a call goes to. */
export type CallTarget = 'reader' | 'mergeBaseReader' | 'evidence';

/** The methods the engine may call, per target: anything else is refused. */
export const CALLABLE: Readonly<Record<CallTarget, readonly string[]>> = {
  reader: ['read'] satisfies (keyof FileReader)[],
  mergeBaseReader: ['read'] satisfies (keyof FileReader)[],
  evidence: ['headTree', 'pullRequestCommits', 'readAt', 'issue', 'headChecks'] satisfies Exclude<
    keyof EvidenceLookup,
    'repository'
  >[],
};

/** Main thread → engine. */
export type ToEngine =
  /** The base branch's config text (undefined: none there) and its path. */
  | { type: 'config'; configText: string | undefined; configPath: string }
  /** The PR's facts, and which of the source's optional sides exist. */
  | {
      type: 'facts';
      facts: PullRequestFacts;
      hasMergeBase: boolean;
      evidence: { repository?: string } | undefined;
    }
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; message: string };

/** Engine → main thread. */
export type FromEngine =
  /** The config is loaded (or refused: then the settings are empty and an error evaluation follows). */
  | { type: 'settings'; settings: ConfigSettings }
  /** A read or lookup for the main thread to make; `maxFileBytes` picks the reader's limit. */
  | { type: 'call'; id: number; target: CallTarget; method: string; args: unknown[]; maxFileBytes?: number }
  | { type: 'done'; evaluation: Evaluation }
  /** A bug in the engine: the main thread evaluates in its own thread instead. */
  | { type: 'failed'; message: string };
