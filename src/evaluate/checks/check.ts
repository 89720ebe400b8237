import type { CheckId } from '../../model/contexts.js';
import type { CheckState, Finding } from '../../model/results.js';
import type { EvaluationContext } from '../context.js';

/** What a check returns before the evaluator applies waivers, exemptions and advisory mode. */
export interface CheckOutcome {
  state: CheckState;
  description: string;
  findings: Finding[];
}

/** What `merge-gate explain` says of a check: all seven have it, the verdict included. */
export interface CheckDescription {
  id: CheckId;
  summary: string;
  configKeys: string[];
  /** What the check finds, one line each, for `merge-gate explain` (where the summary is not enough). */
  findings?: string[];
}

/** The six checks the verdict aggregates all have this shape. */
export interface CheckDefinition extends CheckDescription {
  run(ctx: EvaluationContext): Promise<CheckOutcome> | CheckOutcome;
}

export const success = (description: string, findings: Finding[] = []): CheckOutcome => ({
  state: 'success',
  description,
  findings,
});

/** A failure whose description leads with the first failing finding, and counts the rest. */
export function failure(findings: Finding[], lead?: string): CheckOutcome {
  const failing = findings.filter((f) => f.severity === 'failure' || f.severity === 'error');
  if (lead !== undefined) return { state: 'failure', description: lead, findings };
  const more = failing.length > 1 ? ` (+${failing.length - 1} more)` : '';
  return { state: 'failure', description: `${failing[0]?.message ?? 'failed'}${more}`, findings };
}

/** Short file name for descriptions, which have only 140 characters. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Lists at most `max` items, then how many more. */
export function listSome(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
