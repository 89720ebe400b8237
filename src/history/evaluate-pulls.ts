/**
 * Evaluates the listed PRs, `jobs` at a time, in one process. A PR that cannot be evaluated (its
 * commits are gone, a tree cannot be read, the API failed, its base config is invalid) becomes an
 * outcome with `error` set; the others go on (never a silent pass or fail).
 */
import type { Config } from '../config/types.js';
import { ConfigError } from '../config/errors.js';
import type { Evaluation } from '../model/results.js';
import type { HistoryPull, PullEvaluator, PullOutcome } from './types.js';

export interface EvaluatePullsOptions {
  /** PRs evaluated at once: their git processes or API requests overlap. */
  jobs: number;
  /** A proposed config to evaluate every PR under as well (`--config`). */
  proposed?: Config;
  /** Called after each PR, with how many are done. */
  onProgress?: (done: number, total: number) => void;
}

/** The outcomes, in the order of `pulls`. */
export async function evaluatePulls(
  pulls: readonly HistoryPull[],
  evaluator: PullEvaluator,
  options: EvaluatePullsOptions,
): Promise<PullOutcome[]> {
  const outcomes: PullOutcome[] = new Array<PullOutcome>(pulls.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < pulls.length) {
      const index = next++;
      const pull = pulls[index] as HistoryPull;
      outcomes[index] = await evaluateOne(pull, evaluator, options.proposed);
      done += 1;
      options.onProgress?.(done, pulls.length);
    }
  };
  const workers = Math.max(1, Math.min(options.jobs, pulls.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}

async function evaluateOne(
  pull: HistoryPull,
  evaluator: PullEvaluator,
  proposed: Config | undefined,
): Promise<PullOutcome> {
  if (pull.unavailable) return { pull, error: pull.unavailable };
  try {
    const evaluations = await evaluator.evaluate(pull, proposed);
    const outcome: PullOutcome = { pull, evaluation: evaluations.base, prefix: evaluations.prefix };
    if (evaluations.proposed) {
      outcome.proposed = evaluations.proposed;
      outcome.proposedPrefix = evaluations.proposedPrefix ?? '';
    }
    const reason = errorReason(evaluations.base);
    if (reason) outcome.error = reason;
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ConfigError)
      return { pull, error: `the config on the PR's base commit is invalid: ${message}` };
    return { pull, error: message };
  }
}

/** Why an evaluation could not decide: the first erroring check's description. */
function errorReason(evaluation: Evaluation): string | undefined {
  if (evaluation.verdict !== 'error') return undefined;
  const failed = evaluation.results.find((r) => r.state === 'error' && r.check !== 'merge-gate/verdict');
  return (failed ?? evaluation.results.at(-1))?.description ?? 'could not be evaluated';
}
