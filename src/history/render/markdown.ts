/** The history report as GitHub-flavoured Markdown: fits a job summary or an issue. Pure. */
import { codeSpan, escapeCell, escapeInline, oneLine } from '../../report/markdown.js';
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

const EMOJI: Record<CheckState, string> = { success: '✅', failure: '❌', error: '⚠️' };
const cell = (text: string) => escapeCell(escapeInline(text));

export function renderHistoryMarkdown(report: HistoryReport): string {
  const { summary } = report;
  const { title, verdicts } = headline(report);
  const out = [`## ${escapeInline(title)}`, '', `**Verdicts:** ${verdicts}`, ''];

  out.push('### Per check', '', '| Check | Failed | Rate | Most frequent findings |', '|---|---:|---:|---|');
  for (const check of summary.checks) {
    const kinds = check.findings
      .slice(0, TOP_KINDS)
      .map((k) => `${k.count}× ${escapeInline(k.kind)} (${pullList(k.pulls, 5)})`)
      .join('<br>');
    const errors = check.errored > 0 ? ` (+${check.errored} not evaluated)` : '';
    out.push(
      `| ${codeSpan(check.context)} | ${check.failed}/${check.evaluated}${errors} | ${percent(check.failureRate)} | ${escapeCell(kinds)} |`,
    );
  }

  out.push(
    '',
    '### Per week of merge',
    '',
    '| Week of | ✅ may merge | ❌ blocked | ⚠️ not evaluated |',
    '|---|---:|---:|---:|',
  );
  for (const week of summary.weeks)
    out.push(`| ${week.week} | ${week.success} | ${week.failure} | ${week.error} |`);

  out.push(
    '',
    '### Pull requests',
    '',
    '| PR | Merged | Verdict | Title | Failing checks (first finding) |',
    '|---|---|---|---|---|',
  );
  for (const pull of report.pulls) {
    const reasons = failingChecks(pull).map(
      (f) => `${codeSpan(f.context)}: ${escapeInline(oneLine(f.finding))}`,
    );
    if (pull.error !== null) reasons.unshift(escapeInline(oneLine(pull.error)));
    out.push(
      `| #${pull.number} | ${pull.mergedAt.slice(0, 10)} | ${EMOJI[pull.verdict]} ${VERDICT_WORD[pull.verdict]} | ${cell(pull.title)} | ${escapeCell(reasons.join('<br>'))} |`,
    );
  }

  const comparison = summary.comparison;
  if (comparison) {
    out.push('', `### With ${escapeInline(comparison.config)}`, '');
    out.push(
      `${comparison.changed.length} pull request(s) change verdict; under this config: ${verdictCounts(comparison.verdicts)}.`,
    );
    if (comparison.changed.length > 0) {
      out.push('', '| PR | Verdict | Why |', '|---|---|---|');
      for (const change of comparison.changed) {
        const why = change.checks.map(
          (c) => `${codeSpan(c.context)} ${c.from} → ${c.to}: ${escapeInline(oneLine(c.reason))}`,
        );
        out.push(
          `| #${change.number} ${cell(change.title)} | ${VERDICT_WORD[change.from]} → ${VERDICT_WORD[change.to]} | ${escapeCell(why.join('<br>'))} |`,
        );
      }
    }
  }
  if (summary.unknown.length > 0) {
    out.push(
      '',
      `### ${UNKNOWN_HEADING}`,
      '',
      ...summary.unknown.map((u) => `- **${u.field}**: ${escapeInline(u.effect)}`),
    );
  }
  if (summary.notes.length > 0)
    out.push('', '### Notes', '', ...summary.notes.map((n) => `- ${escapeInline(n)}`));
  return `${out.join('\n')}\n`;
}
