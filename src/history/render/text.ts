/** The history report for a terminal: summary per check, per week, then one entry per PR. Pure. */
import { oneLine } from '../../report/markdown.js';
import type { CheckState } from '../../model/results.js';
import type { HistoryReport } from '../report.js';
import {
  failingChecks,
  headline,
  percent,
  pullList,
  TOP_KINDS,
  UNKNOWN_HEADING,
  VERDICT_WORD,
  verdictCounts,
} from './common.js';

const SYMBOL: Record<CheckState, string> = { success: '✔', failure: '✖', error: '!' };

export function renderHistoryText(report: HistoryReport): string {
  const { summary } = report;
  const { title, verdicts } = headline(report);
  const out = [title, `Verdicts: ${verdicts}`];

  const width = Math.max(0, ...summary.checks.map((c) => c.context.length));
  out.push('', 'Per check (failed / evaluated):');
  for (const check of summary.checks) {
    const errors = check.errored > 0 ? `, ${check.errored} not evaluated` : '';
    const waived = check.waived > 0 ? `, ${check.waived} waived` : '';
    out.push(
      `  ${check.context.padEnd(width)}  ${`${check.failed}/${check.evaluated}`.padStart(9)}  ${percent(check.failureRate).padStart(6)}${errors}${waived}`,
    );
    for (const kind of check.findings.slice(0, TOP_KINDS))
      out.push(`      ${String(kind.count).padStart(4)}× ${kind.kind}  (${pullList(kind.pulls)})`);
  }

  out.push('', 'Per week of merge (Monday):');
  for (const week of summary.weeks)
    out.push(
      `  ${week.week}  ${SYMBOL.success} ${String(week.success).padStart(3)}  ${SYMBOL.failure} ${String(week.failure).padStart(3)}  ${SYMBOL.error} ${String(week.error).padStart(3)}`,
    );

  out.push('', 'Pull requests (newest first):');
  for (const pull of report.pulls) {
    out.push(
      `  ${SYMBOL[pull.verdict]} #${pull.number}  ${pull.mergedAt.slice(0, 10)}  ${VERDICT_WORD[pull.verdict]}  ${oneLine(pull.title)}`,
    );
    if (pull.error !== null) out.push(`      reason: ${oneLine(pull.error)}`);
    for (const failing of failingChecks(pull))
      out.push(`      ${failing.context}: ${oneLine(failing.finding)}`);
  }

  const comparison = summary.comparison;
  if (comparison) {
    const n = comparison.changed.length;
    out.push(
      '',
      `With ${comparison.config}: ${n} pull request${n === 1 ? '' : 's'} change verdict (${verdictCounts(comparison.verdicts)})`,
    );
    for (const change of comparison.changed) {
      out.push(
        `  #${change.number}  ${VERDICT_WORD[change.from]} → ${VERDICT_WORD[change.to]}  ${oneLine(change.title)}`,
      );
      for (const check of change.checks)
        out.push(`      ${check.context} ${check.from} → ${check.to}: ${oneLine(check.reason)}`);
    }
  }
  if (summary.unknown.length > 0) {
    out.push('', `${UNKNOWN_HEADING}:`);
    for (const unknown of summary.unknown) out.push(`  - ${unknown.field}: ${unknown.effect}`);
  }
  if (summary.notes.length > 0) out.push('', 'Notes:', ...summary.notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}
