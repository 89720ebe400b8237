import { CHECK_IDS, VERDICT, type CheckId } from '../model/contexts.js';
import type { EvidenceLookup } from '../model/evidence.js';
import type { CachedLookup } from './evidence/lookup.js';
import type { FileReader, PullRequestFacts } from '../model/facts.js';
import type { CheckResult, Evaluation, Finding } from '../model/results.js';
import type { Config } from '../config/types.js';
import { buildContext, type EvaluationContext } from './context.js';
import { UnavailableFileError, unservedMessage } from './served.js';
import { CHECKS } from './checks/index.js';
import { aggregateVerdict, verdictOwnFindings } from './checks/verdict.js';
import type { CheckOutcome } from './checks/check.js';
import type { DocumentMemo } from './document-memo.js';

export interface EvaluateOptions {
  /** The config file's path, never scanned for markers. */
  configPath?: string;
  /** Schema problems of a config file this PR proposes (evaluated under the base config, SPEC §2). */
  proposedConfigProblems?: string[];
  /**
   * Files at the merge base, for added lines where a patch is missing (SPEC §8.14); a source
   * without a base side (a recorded fixture) leaves it out, and such lines are then unknown.
   */
  mergeBaseReader?: FileReader;
  /** Parsed documents shared with other evaluations in this process (`merge-gate history`). */
  memo?: DocumentMemo;
  /** The source's lookups for verifying the proof's claims (SPEC §9); without them those claims are not checked. */
  evidence?: EvidenceLookup | CachedLookup;
}

/**
 * Runs the seven checks on the gathered facts (SPEC §4). Never throws: a check that throws
 * becomes an `error` result naming the reason, and the verdict says it could not evaluate.
 */
export async function evaluate(
  facts: PullRequestFacts,
  reader: FileReader,
  config: Config,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  let ctx: EvaluationContext;
  try {
    ctx = await buildContext(
      facts,
      { head: reader, mergeBase: options.mergeBaseReader },
      config,
      options.configPath,
      options.memo,
      options.evidence,
    );
  } catch (error) {
    return errorEvaluation(`Could not gather the PR's proof and memories: ${messageOf(error)}`);
  }
  // All at once: a check waiting for the API (evidence lookups, a memory read) lets the others
  // compute meanwhile. Each reads the context and returns its own outcome, so the order they
  // finish in changes nothing; the results keep the order of CHECKS.
  const running = CHECKS.map((check) => runSafely(() => check.run(ctx)));
  const own = runSafely(async () => {
    const findings = await verdictOwnFindings(ctx);
    return { state: 'success', description: '', findings } satisfies CheckOutcome;
  });
  const outcomes = await Promise.all(running);
  const results: CheckResult[] = CHECKS.map((check, i) => finalise(ctx, check.id, outcomes[i]!));
  const ownOutcome = await own;
  const ownFindings: Finding[] =
    ownOutcome.state === 'error'
      ? ownOutcome.findings.length > 0
        ? ownOutcome.findings
        : [{ severity: 'error', message: ownOutcome.description }]
      : ownOutcome.findings;
  const verdictFindings = [...ownFindings, ...proposedConfigFindings(options)];
  const verdict = finalise(ctx, VERDICT, aggregateVerdict(verdictFindings, results));
  results.push(verdict);
  return {
    results,
    verdict: verdict.state,
    governingProof: ctx.proofs.governing?.path,
    relatedProofs: ctx.proofs.related.map((p) => p.path),
    role: ctx.role,
    notes: [ctx.roleReason, ...ctx.notes.map((n) => n.message)],
  };
}

/** All seven contexts `error` with the same reason: a broken config, an API failure (SPEC §4). */
export function errorEvaluation(message: string): Evaluation {
  return {
    results: CHECK_IDS.map((check) => ({
      check,
      state: 'error',
      description: message,
      findings: [{ severity: 'error', message }],
    })),
    verdict: 'error',
    relatedProofs: [],
    role: 'unresolved',
    notes: [],
  };
}

/** Runs a check; what it throws becomes `error`, and a file the source could not serve is named (SPEC §2). */
async function runSafely(run: () => Promise<CheckOutcome> | CheckOutcome): Promise<CheckOutcome> {
  try {
    return await run();
  } catch (error) {
    const description = `Could not evaluate: ${messageOf(error)}`;
    if (!(error instanceof UnavailableFileError)) return { state: 'error', description, findings: [] };
    const findings = error.files.map((file): Finding => ({
      severity: 'error',
      message: upperFirst(unservedMessage(file)),
      file: file.path,
    }));
    return { state: 'error', description, findings };
  }
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Applies, in order: exemption, the override label's waiver, then advisory mode (SPEC §3, §8.13). */
function finalise(ctx: EvaluationContext, check: CheckId, outcome: CheckOutcome): CheckResult {
  const result: CheckResult = { check, ...outcome };
  if (ctx.exemption) {
    return {
      check,
      state: 'success',
      description: ctx.exemption,
      findings: outcome.findings.filter((f) => f.severity !== 'failure'),
    };
  }
  if (result.state === 'failure' && ctx.overrideLabel) {
    result.state = 'success';
    result.waivedBy = ctx.overrideLabel;
    result.description = `waived by label "${ctx.overrideLabel}": ${outcome.description}`;
  }
  if (result.state === 'failure' && ctx.config.mode === 'advisory') {
    result.state = 'success';
    result.advisory = { wouldBe: 'failure' };
    result.description = `advisory: ${outcome.description}`;
  }
  return result;
}

function proposedConfigFindings(options: EvaluateOptions): Finding[] {
  return (options.proposedConfigProblems ?? []).map((message) => ({
    severity: 'failure' as const,
    message: `The config this PR proposes is invalid (evaluated under the base config): ${message}`,
    file: options.configPath,
  }));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
