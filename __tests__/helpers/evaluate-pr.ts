import type { CheckId } from '../../src/model/contexts.js';
import type { CheckResult, Evaluation } from '../../src/model/results.js';
import type { Config } from '../../src/config/types.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { configWith, InMemoryPr } from './in-memory-pr.js';
import { MEMORY_PATH, PROOF_PATH, memoryText, proofText, type ProofOptions } from './proofs.js';

/** A foreman PR that passes every check: a proof, its session memory, a workflow change. */
export function goodForemanPr(proof: ProofOptions = {}): InMemoryPr {
  return new InMemoryPr()
    .change(PROOF_PATH, proofText(proof))
    .change(MEMORY_PATH, memoryText())
    .change('.github/workflows/deploy.yml', {
      status: 'modified',
      content: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n',
    });
}

export async function evaluatePr(
  pr: InMemoryPr,
  config: Config = configWith(),
  configPath?: string,
): Promise<Evaluation> {
  return evaluate(pr.pullRequest(), pr.reader(), config, {
    configPath,
    mergeBaseReader: pr.mergeBaseReader(),
  });
}

export function result(evaluation: Evaluation, check: CheckId): CheckResult {
  const found = evaluation.results.find((r) => r.check === check);
  if (!found) throw new Error(`no result for ${check}`);
  return found;
}

/** The failing findings' messages of one check, for readable assertions. */
export function failures(evaluation: Evaluation, check: CheckId): string[] {
  return result(evaluation, check)
    .findings.filter((f) => f.severity === 'failure')
    .map((f) => f.message);
}
