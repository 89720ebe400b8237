import type { Finding } from '../../model/results.js';
import type { ProofTable } from '../../model/proof.js';
import { buildersNamedIn } from '../builders.js';
import { isBuilderTable } from '../delegation.js';
import { requireServed, type EvaluationContext } from '../context.js';
import { failure, listSome, success, type CheckDefinition } from './check.js';

/** Cells of a builder row that say how the delivery went. */
const STATUS_COLUMNS = /status|outcome|result|verdict|qp|delivered/;
/** A delivery that is not done: FAIL, ❌, BLOCKED, PENDING or not delivered (SPEC §4.4). */
const NOT_DELIVERED = /❌|\bFAIL(?:ED)?\b|\bBLOCKED\b|\bPENDING\b|\bnot[\s_-]+delivered\b|\bundelivered\b/i;

/** `builder-involvement-check`: builders were involved in what was built, and delivered (SPEC §4.4). */
export const builderInvolvementCheck: CheckDefinition = {
  id: 'builder-involvement-check',
  summary:
    'When implementation files change, a known builder must be involved and every builder row must be delivered with a passing QP verdict.',
  configKeys: ['roles.builders', 'path_classes'],
  run(ctx) {
    const files = ctx.implementationFiles;
    if (files.length === 0) return success('Not required: no implementation files changed');
    requireServed(ctx, 'proofs', 'memories', 'artifacts');
    const findings = undeliveredRows(ctx);
    const named = [...new Set(ctx.delegation.flatMap((e) => e.builders))];
    const builderPr = ctx.role === 'builder';
    if (named.length === 0 && !builderPr) {
      findings.unshift({
        severity: 'failure',
        message: `${files.length} implementation file(s) changed (${listSome(
          files.map((f) => f.path),
          2,
        )}) but no evidence names a known builder (${ctx.config.roles.builders.join(', ')}): record the builder in the proof's builder table or in agents_delegated_to`,
        file: ctx.proofs.governing?.path,
        configKey: 'roles.builders',
      });
    }
    if (findings.length > 0) return failure(findings);
    return success(
      builderPr && named.length === 0
        ? `Builder PR (${ctx.roleReason})`
        : `Builders involved: ${listSome(named)}`,
    );
  },
};

/** Every builder row of the governing proof must be delivered with a passing verdict. */
function undeliveredRows(ctx: EvaluationContext): Finding[] {
  const proof = ctx.proofs.governing;
  if (!proof?.doc) return [];
  const findings: Finding[] = [];
  for (const table of proof.doc.tables.filter(isBuilderTable)) {
    const statusIndexes = statusColumns(table);
    for (const row of table.rows) {
      const builder = buildersNamedIn(row.values[0] ?? '', ctx.config.roles.builders)[0];
      if (!builder) continue;
      const bad = statusIndexes.map((i) => row.values[i] ?? '').find((cell) => NOT_DELIVERED.test(cell));
      if (bad !== undefined) {
        findings.push({
          severity: 'failure',
          message: `Builder ${builder} is not delivered with a passing QP verdict: "${bad}"`,
          file: proof.path,
          line: row.line,
        });
      }
    }
  }
  return findings;
}

function statusColumns(table: ProofTable): number[] {
  const indexes = table.keys.flatMap((key, i) => (i > 0 && STATUS_COLUMNS.test(key) ? [i] : []));
  return indexes.length > 0 ? indexes : [table.keys.length - 1];
}
