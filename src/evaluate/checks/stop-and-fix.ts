import type { Finding } from '../../model/results.js';
import type { ProofDocument, ProofTable } from '../../model/proof.js';
import { requireServed, type EvaluationContext } from '../context.js';
import { codeOnly } from '../code-scan.js';
import { addedLines } from '../diff.js';
import { globMatcher } from '../globs.js';
import { failure, listSome, success, type CheckDefinition } from './check.js';

const FINDINGS_HEADING = /findings|audit|gate|review/i;
const STATUS_KEY = /^(status|result|verdict)$|_(status|result|verdict)$|^(status|result|verdict)_/;
/** A QP or OPOJD verdict line, e.g. `QP VERDICT: PASS`, `**OPOJD: PASS**`. */
const VERDICT_LINE = /^[\s>*_-]*(QP(?:\s+VERDICT)?|OPOJD(?:\s+(?:VERDICT|GATE))?)\s*[:=]\s*(.*)$/i;

/** `stop-and-fix/enforcement`: nothing found is left unfixed (SPEC §4.5, §8.9). */
export const stopAndFixCheck: CheckDefinition = {
  id: 'stop-and-fix/enforcement',
  summary:
    'No rejected token, open finding, failing QP/OPOJD verdict, skipped/focused test or STOP-AND-FIX marker is left in the PR.',
  configKeys: [
    'stop_and_fix.failing_statuses',
    'stop_and_fix.test_globs',
    'stop_and_fix.test_patterns',
    'stop_and_fix.marker',
    'stop_and_fix.marker_exclude',
  ],
  async run(ctx) {
    requireServed(ctx, 'proofs');
    const findings: Finding[] = [];
    const proof = ctx.proofs.governing;
    if (proof?.doc) {
      if (proof.doc.token.kind === 'REJECT') {
        findings.push({
          severity: 'failure',
          message: `IAA rejected the handover (${proof.doc.token.token ?? proof.doc.token.value}): fix what it found and get a new audit`,
          file: proof.path,
          line: proof.doc.token.line || undefined,
        });
      }
      findings.push(...openTableRows(ctx, proof.doc, proof.path), ...failingVerdicts(proof.doc, proof.path));
    }
    findings.push(...(await addedCodeFindings(ctx)));
    if (findings.some((f) => f.severity === 'failure')) return failure(findings);
    return success(
      'Nothing left unfixed: no open findings, failing verdicts, skipped tests or markers',
      findings,
    );
  },
};

/** Rows of findings/audit tables whose status cell equals or starts with a failing status. */
function openTableRows(ctx: EvaluationContext, doc: ProofDocument, file: string): Finding[] {
  const statuses = ctx.config.stop_and_fix.failing_statuses;
  const failing = new RegExp(`^(?:${statuses.map(escapeRegExp).join('|')})(?:ED)?(?![A-Za-z])`, 'i');
  const findings: Finding[] = [];
  for (const table of doc.tables) {
    const columns = findingColumns(table);
    for (const row of table.rows) {
      const cell = columns.map((i) => (row.values[i] ?? '').trim()).find((value) => failing.test(value));
      if (cell !== undefined) {
        findings.push({
          severity: 'failure',
          message: `Unresolved finding "${row.values[0] ?? ''}": ${cell}`,
          file,
          line: row.line,
          configKey: 'stop_and_fix.failing_statuses',
        });
      }
    }
  }
  return findings;
}

/** The status columns of a findings table: Status/Result/Verdict columns, else the last column under a findings heading. */
function findingColumns(table: ProofTable): number[] {
  const status = table.keys.flatMap((key, i) => (STATUS_KEY.test(key) ? [i] : []));
  if (status.length > 0) return status;
  const heading = table.headings.at(-1) ?? '';
  return FINDINGS_HEADING.test(heading) && table.keys.length > 1 ? [table.keys.length - 1] : [];
}

/** The last QP/OPOJD verdict per section decides (SPEC §8.9). */
function failingVerdicts(doc: ProofDocument, file: string): Finding[] {
  const last = new Map<string, { verdict: string; line: number }>();
  for (const line of doc.textLines) {
    const match = VERDICT_LINE.exec(line.text.replace(/\*\*/g, ''));
    if (!match) continue;
    const kind = (match[1] ?? '').toUpperCase().startsWith('QP') ? 'QP' : 'OPOJD';
    last.set(`${kind}\0${line.headings.join('\0')}`, { verdict: (match[2] ?? '').trim(), line: line.line });
  }
  return [...last.values()]
    .filter(({ verdict }) => /^FAIL/i.test(verdict) || verdict.includes('❌'))
    .map(({ verdict, line }) => ({
      severity: 'failure' as const,
      message: `Verdict line says "${verdict}"`,
      file,
      line,
    }));
}

/** Skipped/focused/placeholder tests in added test code, and STOP-AND-FIX markers in added lines. */
async function addedCodeFindings(ctx: EvaluationContext): Promise<Finding[]> {
  const cfg = ctx.config.stop_and_fix;
  const isTest = globMatcher(cfg.test_globs);
  const isExcluded = globMatcher(cfg.marker_exclude);
  const findings: Finding[] = [];
  const unknown: string[] = [];
  const readers = { head: ctx.reader, mergeBase: ctx.mergeBaseReader };
  for (const file of ctx.present) {
    const test = isTest(file.path);
    const markerScanned = Boolean(cfg.marker) && !isExcluded(file.path) && file.path !== ctx.configPath;
    if (!test && !markerScanned) continue;
    const diff = await addedLines(file, readers);
    if ('unknown' in diff) {
      unknown.push(`${file.path} (${diff.unknown})`);
      continue;
    }
    const added = diff.lines;
    if (test) {
      const code = codeOnly(added.map((l) => l.text));
      code.forEach((text, i) => {
        const pattern = cfg.test_patterns.find((p) => text.includes(p));
        if (pattern) {
          findings.push({
            severity: 'failure',
            message: `Adds a skipped, focused or placeholder test (${pattern}): make it a real, running test`,
            file: file.path,
            line: added[i]?.line,
            configKey: 'stop_and_fix.test_patterns',
          });
        }
      });
    }
    if (markerScanned) {
      for (const { line, text } of added) {
        if (text.includes(cfg.marker)) {
          findings.push({
            severity: 'failure',
            message: `Adds a ${cfg.marker} marker: fix it before merging`,
            file: file.path,
            line,
            configKey: 'stop_and_fix.marker',
          });
        }
      }
    }
  }
  if (unknown.length > 0) {
    findings.push({
      severity: 'notice',
      message: `Added lines unknown, not scanned for tests or markers: ${listSome(unknown)}`,
    });
  }
  return findings;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
