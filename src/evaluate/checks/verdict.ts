import type { CheckResult, Finding } from '../../model/results.js';
import { requireServed, type EvaluationContext } from '../context.js';
import { checkJsonSyntax, checkYamlSyntax, isSyntaxChecked } from '../syntax.js';
import { notGreenTestEvidence } from '../test-evidence.js';
import { VERDICT } from '../../model/contexts.js';
import { failure, listSome, success, type CheckDescription, type CheckOutcome } from './check.js';

/**
 * The verdict is described like the others but runs differently: after the six, from its own
 * findings plus their results (see `evaluate`), so it is not a `CheckDefinition`.
 */
export const verdictDescription: CheckDescription = {
  id: VERDICT,
  summary:
    "The overall verdict: changed YAML/JSON files parse, the proof's test evidence is green, and the other six checks passed.",
  configKeys: ['tests.allow', 'limits.max_file_bytes', 'mode', 'override_label'],
};

/** The verdict's own gate: syntax of changed YAML/JSON files and green test evidence (SPEC §4.7). */
export async function verdictOwnFindings(ctx: EvaluationContext): Promise<Finding[]> {
  const findings: Finding[] = [];
  const syntaxFiles = ctx.present.filter((f) => isSyntaxChecked(f.path));
  const results = await Promise.all(
    syntaxFiles.map(async (file): Promise<Finding | undefined> => {
      const content = await ctx.reader.read(file.path);
      if (content.state === 'absent') return undefined;
      if (content.state === 'unreadable') {
        return {
          severity: 'warning',
          message: `Syntax not checked: ${file.path} ${content.reason}`,
          file: file.path,
        };
      }
      const problem = /\.json$/i.test(file.path)
        ? checkJsonSyntax(content.text)
        : checkYamlSyntax(content.text);
      return (
        problem && {
          severity: 'failure',
          message: `${file.path} does not parse: ${problem.message}`,
          file: file.path,
          line: problem.line,
        }
      );
    }),
  );
  findings.push(...results.filter((f): f is Finding => f !== undefined));
  requireServed(ctx, 'proofs');
  const proof = ctx.proofs.governing;
  if (proof?.doc) findings.push(...notGreenTestEvidence(proof.doc, proof.path, ctx.config.tests.allow));
  return findings;
}

/** Combines the verdict's own findings with the other six results (already waived/exempted). */
export function aggregateVerdict(own: Finding[], others: CheckResult[]): CheckOutcome {
  // In advisory mode the others already post success; the verdict still reports what would fail.
  const failed = others.filter((r) => (r.advisory?.wouldBe ?? r.state) === 'failure').map((r) => r.check);
  const errored = others.filter((r) => r.state === 'error').map((r) => r.check);
  const ownFailures = own.filter((f) => f.severity === 'failure');
  // The verdict's own gate could not run (a file it needed was not served): never a pass.
  const ownError = own.find((f) => f.severity === 'error');
  const findings = [...own];
  if (failed.length > 0) {
    findings.push({ severity: 'failure', message: `Failed: ${failed.join(', ')}` });
    const lead = ownFailures[0] ? `; also ${ownFailures[0].message}` : '';
    return failure(findings, `Blocked: ${listSome(failed, 6)} failed${lead}`);
  }
  if (ownFailures.length > 0) return failure(findings);
  if (errored.length > 0) {
    return { state: 'error', description: `Could not evaluate: ${listSome(errored, 6)}`, findings };
  }
  if (ownError) return { state: 'error', description: `Could not evaluate: ${ownError.message}`, findings };
  return success('All checks passed: this PR may merge', findings);
}
