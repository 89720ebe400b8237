/** What every history renderer shows the same way: verdict words, a PR's failing checks, PR lists. */
import { VERDICT } from '../../model/contexts.js';
import type { CheckState } from '../../model/results.js';
import { stateOf } from '../finding-kind.js';
import type { Verdicts } from '../aggregate.js';
import type { HistoryReport, PullReport } from '../report.js';

export const VERDICT_WORD: Record<CheckState, string> = {
  success: 'may merge',
  failure: 'blocked',
  error: 'not evaluated',
};

/** How many findings kinds per check, and PR numbers per kind, the human formats show. */
export const TOP_KINDS = 5;
const LISTED_PULLS = 8;

export interface FailingCheck {
  context: string;
  state: CheckState;
  /** The first finding that explains it (or the description). */
  finding: string;
}

/** The checks (verdict excluded) a PR failed or could not evaluate, each with its first finding. */
export function failingChecks(pull: Pick<PullReport, 'checks'>): FailingCheck[] {
  return pull.checks
    .filter((check) => stateOf(check) !== 'success' && !check.context.endsWith(VERDICT))
    .map((check) => {
      const state = stateOf(check);
      const severity = state === 'error' ? 'error' : 'failure';
      const first = check.findings.find((f) => f.severity === severity);
      return { context: check.context, state, finding: first?.message ?? check.description };
    });
}

/** `#12, #14, #15 and 9 more`. */
export function pullList(numbers: readonly number[], max = LISTED_PULLS): string {
  const shown = numbers.slice(0, max).map((n) => `#${n}`);
  const more = numbers.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** `84.8%`. */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** The first lines every format starts with: what was read, and the verdicts. */
export function headline(report: HistoryReport): { title: string; verdicts: string } {
  const s = report.summary;
  const where =
    s.mode === 'local'
      ? `${s.repository} (${s.branch ?? 'default branch'}, local git)`
      : `${s.repository} (GitHub)`;
  const dates = report.pulls.map((p) => p.mergedAt.slice(0, 10)).sort();
  const span = dates.length > 0 ? `, merged ${dates[0]} to ${dates.at(-1)}` : '';
  return {
    title: `Merge Gate history: ${s.pulls} merged pull request${s.pulls === 1 ? '' : 's'} of ${where}${span}`,
    verdicts: verdictCounts(s.verdicts),
  };
}

/** `3 may merge, 5 blocked, 0 not evaluated`. */
export function verdictCounts(verdicts: Verdicts): string {
  return `${verdicts.success} ${VERDICT_WORD.success}, ${verdicts.failure} ${VERDICT_WORD.failure}, ${verdicts.error} ${VERDICT_WORD.error}`;
}

/** The heading of the "cannot know" section. */
export const UNKNOWN_HEADING = 'What local mode cannot know';
