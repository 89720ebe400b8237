/**
 * Evidence, not attestation (SPEC §9): the claims of the proofs checked against the pull request
 * itself. The findings belong to `prehandover-proof-check`; `evidence.verify` decides whether a
 * false claim in the governing proof fails it (`enforce`), warns (`warn`) or is not looked for (`off`).
 */
import type { Finding } from '../../model/results.js';
import type { ProofDocument } from '../../model/proof.js';
import type { EvaluationContext } from '../context.js';
import { baseName } from '../checks/check.js';
import { deliveredFileFindings, pullRequestFiles } from './delivered-files.js';
import { statedHashFindings } from './stated-hashes.js';
import { testClaimFindings } from './test-claims.js';
import { triggeringIssueFindings } from './triggering-issue.js';
import type { EvidenceFinding } from './types.js';

const CONFIG_KEY = 'evidence.verify';

/** What the evidence rules use: the context's parts known once the proofs are read. */
export type EvidenceInput = Pick<EvaluationContext, 'config' | 'facts' | 'proofs' | 'reader' | 'evidence'>;

/** Findings of every evidence rule, for the governing proof and (as warnings) the related proofs. */
export async function evidenceFindings(ctx: EvidenceInput): Promise<Finding[]> {
  const mode = ctx.config.evidence.verify;
  if (mode === 'off') return [];
  const files = pullRequestFiles(ctx.facts.changedFiles);
  const budget = { reads: 0, files: new Set<string>() };
  const claimsOf = async (path: string, doc: ProofDocument) => [
    ...(await deliveredFileFindings(doc, files, ctx.evidence)),
    ...(await statedHashFindings(doc, {
      proofPath: path,
      files,
      reader: ctx.reader,
      lookup: ctx.evidence,
      headSha: ctx.facts.headSha,
      baseSha: ctx.facts.baseSha,
      budget,
    })),
  ];

  const findings: Finding[] = [];
  const governing = ctx.proofs.governing;
  if (governing?.doc) {
    // The three kinds of lookup are independent: their requests overlap (findings keep this order).
    const own = await Promise.all([
      claimsOf(governing.path, governing.doc),
      triggeringIssueFindings(governing.doc, ctx.facts.number, ctx.evidence),
      testClaimFindings(governing.doc, ctx.config.evidence.test_check_pattern, ctx.evidence),
    ]);
    findings.push(...own.flat().map((f) => toFinding(f, governing.path, mode === 'enforce')));
  }
  for (const related of ctx.proofs.related) {
    if (!related.doc) continue;
    const theirs = await claimsOf(related.path, related.doc);
    findings.push(
      ...theirs.map((f) =>
        toFinding(
          { ...f, message: `Related proof ${baseName(related.path)}: ${f.message}` },
          related.path,
          false,
        ),
      ),
    );
  }
  return findings;
}

/** A false claim fails only in the governing proof under `enforce`; advice warns; not-checked is a notice. */
function toFinding(found: EvidenceFinding, file: string, failing: boolean): Finding {
  const severity =
    found.kind === 'not-checked' ? 'notice' : found.kind === 'false-claim' && failing ? 'failure' : 'warning';
  return {
    severity,
    message: found.message,
    file,
    ...(found.line !== undefined ? { line: found.line } : {}),
    configKey: found.kind === 'advice' ? 'evidence.test_check_pattern' : CONFIG_KEY,
  };
}
