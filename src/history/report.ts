/**
 * The history report as data: the JSON format prints it as is, and the text, Markdown and HTML
 * renderers read it, so every format says the same thing. The shape is documented in
 * docs/history.md and only ever grows.
 */
import type { CheckState } from '../model/results.js';
import { jsonChecks, type JsonCheck } from '../report/render.js';
import {
  countVerdicts,
  summariseChecks,
  summariseWeeks,
  verdictChanges,
  verdictOf,
  type CheckSummary,
  type Verdicts,
  type VerdictChange,
  type WeekSummary,
} from './aggregate.js';
import type { Discovery, PullOrigin, PullOutcome, Unknown } from './types.js';

export interface PullReport {
  number: number;
  base: string;
  head: string;
  headRef: string | null;
  title: string;
  mergedAt: string;
  /** What enforce mode would decide (in advisory mode too); `error` when not evaluated. */
  verdict: CheckState;
  /** Exactly what `merge-gate check --format json` prints as `checks`; empty when not evaluated. */
  checks: JsonCheck[];
  author: string | null;
  labels: string[] | null;
  origin: PullOrigin;
  /** Why the PR was not evaluated, or could not be decided; null otherwise. */
  error: string | null;
  /** Under the proposed config (`--config`); null without one or when not evaluated. */
  proposed: { verdict: CheckState; checks: JsonCheck[] } | null;
}

export interface Comparison {
  /** The proposed config file, as given. */
  config: string;
  verdicts: Verdicts;
  checks: CheckSummary[];
  /** PRs whose verdict changes, with the checks that changed and why. */
  changed: VerdictChange[];
}

export interface HistorySummary {
  mode: Discovery['mode'];
  repository: string;
  branch: string | null;
  pulls: number;
  evaluated: number;
  notEvaluated: number;
  /** True when the list of PRs may be missing some (an API failure while listing). */
  incomplete: boolean;
  verdicts: Verdicts;
  checks: CheckSummary[];
  weeks: WeekSummary[];
  unknown: Unknown[];
  notes: string[];
  comparison: Comparison | null;
}

export interface HistoryReport {
  pulls: PullReport[];
  summary: HistorySummary;
}

/** Builds the report; `proposedConfig` names the `--config` file when one was evaluated. */
export function buildReport(
  discovery: Discovery,
  outcomes: readonly PullOutcome[],
  proposedConfig?: string,
): HistoryReport {
  const pulls = outcomes.map(pullReport);
  const evaluated = outcomes.filter((o) => o.evaluation && o.error === undefined).length;
  const summary: HistorySummary = {
    mode: discovery.mode,
    repository: discovery.repository,
    branch: discovery.branch ?? null,
    pulls: outcomes.length,
    evaluated,
    notEvaluated: outcomes.length - evaluated,
    incomplete: discovery.incomplete,
    verdicts: countVerdicts(pulls.map((p) => p.verdict)),
    checks: summariseChecks(outcomes, (o) => o.evaluation),
    weeks: summariseWeeks(outcomes),
    unknown: discovery.unknown,
    notes: discovery.notes,
    comparison:
      proposedConfig === undefined
        ? null
        : {
            config: proposedConfig,
            verdicts: countVerdicts(outcomes.map((o) => verdictOf(o.proposed))),
            checks: summariseChecks(outcomes, (o) => o.proposed),
            changed: verdictChanges(outcomes),
          },
  };
  return { pulls, summary };
}

function pullReport(outcome: PullOutcome): PullReport {
  const { pull, evaluation, proposed } = outcome;
  return {
    number: pull.number,
    base: pull.base,
    head: pull.head,
    headRef: pull.headRef,
    title: pull.title,
    mergedAt: pull.mergedAt,
    verdict: verdictOf(evaluation),
    checks: evaluation ? jsonChecks(evaluation, { contextPrefix: outcome.prefix }) : [],
    author: pull.author,
    labels: pull.labels,
    origin: pull.origin,
    error: outcome.error ?? null,
    proposed: proposed
      ? {
          verdict: verdictOf(proposed),
          checks: jsonChecks(proposed, { contextPrefix: outcome.proposedPrefix }),
        }
      : null,
  };
}

/** 0 every PR evaluated and the list complete; 1 some PRs not evaluated, or PRs possibly missing. */
export function historyExitCode(report: HistoryReport): 0 | 1 {
  return report.summary.notEvaluated > 0 || report.summary.incomplete ? 1 : 0;
}
