/** The step's outputs and whether the step fails (SPEC §5, the `fail-on` input). */
import type { CheckId } from '../model/contexts.js';
import type { Evaluation } from '../model/results.js';
import type { StatusReport } from '../report/statuses.js';
import type { FailOn } from './inputs.js';

export interface ActionOutputs {
  /** `success` when the PR may merge, else `failure` (an evaluation error is not a success). */
  verdict: 'success' | 'failure';
  /** Comma-separated context names of the checks that did not pass. */
  'failed-checks': string;
  /** JSON array: every check with its context, state, description and findings. */
  results: string;
}

export function outputsFor(evaluation: Evaluation, contextOf: (check: CheckId) => string): ActionOutputs {
  return {
    verdict: evaluation.verdict === 'success' ? 'success' : 'failure',
    'failed-checks': evaluation.results
      .filter((r) => r.state !== 'success')
      .map((r) => contextOf(r.check))
      .join(','),
    results: JSON.stringify(evaluation.results.map((r) => ({ context: contextOf(r.check), ...r }))),
  };
}

/**
 * Why the step fails, or undefined when it passes.
 * - `never`: it never fails (the statuses carry the signal).
 * - `error` (default): when a check could not be evaluated, or a status could not be posted (a
 *   required context left pending would block the branch silently).
 * - `failure`: additionally when the verdict is not success.
 * Whatever `fail-on` says (except `never`), a run whose statuses were refused fails when a check
 * failed, so the signal is not lost (SPEC §5).
 */
export function stepFailure(
  failOn: FailOn,
  evaluation: Evaluation,
  statuses: StatusReport,
): string | undefined {
  if (failOn === 'never') return undefined;
  const notPassed = evaluation.results.filter((r) => r.state !== 'success').map((r) => r.check);
  if (statuses.fatal !== undefined) {
    return notPassed.length > 0
      ? `Merge Gate: ${notPassed.join(', ')} did not pass, and the statuses could not be posted.`
      : undefined;
  }
  const errors = evaluation.results.filter((r) => r.state === 'error').map((r) => r.check);
  if (errors.length > 0) return `Merge Gate could not evaluate: ${errors.join(', ')} (see the job summary).`;
  if (statuses.unreported.length > 0) {
    return `Merge Gate could not post the status of ${statuses.unreported.map((u) => u.context).join(', ')}.`;
  }
  if (failOn === 'failure' && notPassed.length > 0)
    return `Merge Gate: ${notPassed.join(', ')} did not pass.`;
  return undefined;
}
