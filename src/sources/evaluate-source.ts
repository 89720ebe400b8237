/**
 * One pull request through the engine: the same steps for `merge-gate check`, `merge-gate history`
 * and the action, so all three decide alike for the same facts, files and config (SPEC §2, §7).
 */
import type { Config } from '../config/types.js';
import { proposedConfigProblems } from '../config/in-force.js';
import type { DocumentMemo } from '../evaluate/document-memo.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { CachedLookup } from '../evaluate/evidence/lookup.js';
import type { Evaluation } from '../model/results.js';
import type { PullRequestSource } from './source.js';

export interface EvaluateSourceOptions {
  /** The config file's path: a PR that changes it gets its new version validated, and it is never scanned. */
  configPath: string;
  /** Parsed documents shared across pull requests evaluated in the same process. */
  memo?: DocumentMemo;
  /**
   * Evidence lookups already made for this pull request, shared by evaluations of it under several
   * configs; default: the source's own, looked up afresh.
   */
  evidence?: CachedLookup;
}

/** Evaluates the source's pull request under `config` (the base branch's, or one given on the command line). */
export async function evaluateSource(
  source: PullRequestSource,
  config: Config,
  options: EvaluateSourceOptions,
): Promise<Evaluation> {
  const facts = await source.facts();
  const limits = { maxFileBytes: config.limits.max_file_bytes };
  const reader = source.reader(limits);
  const mergeBaseReader = source.mergeBaseReader(limits);
  return evaluate(facts, reader, config, {
    configPath: options.configPath,
    proposedConfigProblems: await proposedConfigProblems(facts, reader, options.configPath),
    ...(mergeBaseReader ? { mergeBaseReader } : {}),
    ...(options.evidence
      ? { evidence: options.evidence }
      : source.evidence
        ? { evidence: source.evidence() }
        : {}),
    ...(options.memo ? { memo: options.memo } : {}),
  });
}
