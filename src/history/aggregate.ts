/**
 * The summary of a history run: per check, how many PRs it failed and why (findings grouped by
 * kind, with the PRs behind each); the verdicts per week; and, with a proposed config, which PRs
 * change verdict and why. Pure.
 */
import { CHECK_IDS, contextName, VERDICT, type CheckId } from '../model/contexts.js';
import type { CheckResult, CheckState, Evaluation } from '../model/results.js';
import { blockingFindings, findingKind, stateOf } from './finding-kind.js';
import type { PullOutcome } from './types.js';

export type Verdicts = Record<CheckState, number>;

export interface FindingKindSummary {
  kind: string;
  /** PRs with at least one finding of this kind. */
  count: number;
  pulls: number[];
}

export interface CheckSummary {
  context: string;
  /** PRs this check was evaluated on. */
  evaluated: number;
  /** PRs it failed (in advisory mode: would have failed). */
  failed: number;
  errored: number;
  /** Failures the override label waived. */
  waived: number;
  /** failed / evaluated, 0 when nothing was evaluated; rounded to 4 decimals. */
  failureRate: number;
  /** Most frequent first. */
  findings: FindingKindSummary[];
}

export interface WeekSummary extends Verdicts {
  /** The Monday (UTC) the week starts on, YYYY-MM-DD. */
  week: string;
}

/** The verdict a PR would get in enforce mode; `error` when it was not evaluated. */
export function verdictOf(evaluation: Evaluation | undefined): CheckState {
  const verdict = evaluation?.results.find((r) => r.check === VERDICT);
  return verdict ? stateOf(verdict) : 'error';
}

export function countVerdicts(states: readonly CheckState[]): Verdicts {
  const verdicts: Verdicts = { success: 0, failure: 0, error: 0 };
  for (const state of states) verdicts[state] += 1;
  return verdicts;
}

/** Per check, over the PRs that were evaluated (`pick` chooses the base or the proposed evaluation). */
export function summariseChecks(
  outcomes: readonly PullOutcome[],
  pick: (outcome: PullOutcome) => Evaluation | undefined,
): CheckSummary[] {
  return CHECK_IDS.map((check) => {
    const kinds = new Map<string, Set<number>>();
    let evaluated = 0;
    let failed = 0;
    let errored = 0;
    let waived = 0;
    for (const outcome of outcomes) {
      const result = resultOf(pick(outcome), check);
      if (!result) continue;
      evaluated += 1;
      const state = stateOf(result);
      if (result.waivedBy !== undefined) waived += 1;
      if (state === 'success') continue;
      if (state === 'failure') failed += 1;
      else errored += 1;
      for (const finding of blockingFindings(result)) {
        const kind = findingKind(finding.message);
        const pulls = kinds.get(kind) ?? new Set<number>();
        pulls.add(outcome.pull.number);
        kinds.set(kind, pulls);
      }
    }
    const findings = [...kinds]
      .map(([kind, pulls]) => ({ kind, count: pulls.size, pulls: [...pulls] }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
    return {
      context: contextName(check),
      evaluated,
      failed,
      errored,
      waived,
      failureRate: evaluated === 0 ? 0 : Math.round((failed / evaluated) * 10_000) / 10_000,
      findings,
    };
  });
}

/** Verdicts per week of merge, oldest week first. */
export function summariseWeeks(outcomes: readonly PullOutcome[]): WeekSummary[] {
  const weeks = new Map<string, CheckState[]>();
  for (const outcome of outcomes) {
    const week = weekOf(outcome.pull.mergedAt);
    weeks.set(week, [...(weeks.get(week) ?? []), verdictOf(outcome.evaluation)]);
  }
  return [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, states]) => ({ week, ...countVerdicts(states) }));
}

/** The Monday (UTC) of the week `iso` falls in. */
export function weekOf(iso: string): string {
  const date = new Date(iso);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - sinceMonday),
  );
  return monday.toISOString().slice(0, 10);
}

export interface CheckChange {
  context: string;
  from: CheckState;
  to: CheckState;
  /** The first finding behind the failing side: what the proposed config stops (or starts) objecting to. */
  reason: string;
}

export interface VerdictChange {
  number: number;
  title: string;
  from: CheckState;
  to: CheckState;
  checks: CheckChange[];
}

/** The PRs whose verdict differs under the proposed config, with the checks that changed and why. */
export function verdictChanges(outcomes: readonly PullOutcome[]): VerdictChange[] {
  const changes: VerdictChange[] = [];
  for (const { pull, evaluation, proposed } of outcomes) {
    if (!evaluation || !proposed) continue;
    const from = verdictOf(evaluation);
    const to = verdictOf(proposed);
    if (from === to) continue;
    const checks: CheckChange[] = [];
    for (const check of CHECK_IDS) {
      const before = resultOf(evaluation, check);
      const after = resultOf(proposed, check);
      if (!before || !after || stateOf(before) === stateOf(after)) continue;
      const failing = stateOf(before) !== 'success' ? before : after;
      checks.push({
        context: contextName(check),
        from: stateOf(before),
        to: stateOf(after),
        reason: blockingFindings(failing)[0]?.message ?? '',
      });
    }
    changes.push({ number: pull.number, title: pull.title, from, to, checks });
  }
  return changes;
}

function resultOf(evaluation: Evaluation | undefined, check: CheckId): CheckResult | undefined {
  return evaluation?.results.find((r) => r.check === check);
}
