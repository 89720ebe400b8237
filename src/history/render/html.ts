/**
 * The history report as one self-contained HTML file: inline CSS and SVG charts, no script, and a
 * Content-Security-Policy that forbids every request, so it reads the same offline, as a CI
 * artifact or attached to an issue. Pure.
 */
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
import { escapeHtml as e } from './escape.js';
import { failureRateChart, weeklyVerdictChart } from './svg.js';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328;max-width:75rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}.chart{overflow-x:auto}.label{font-size:12px;fill:#1f2328}.value,.count{font-size:12px}
.success{color:#1a7f37}.failure{color:#cf222e}.error{color:#9a6700}ul.reasons{margin:0;padding-left:1rem}
code{font-size:12px;background:#f6f8fa;padding:0 .2rem}`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function renderHistoryHtml(report: HistoryReport): string {
  const { summary } = report;
  const { title, verdicts } = headline(report);
  const body = [
    `<h1>${e(title)}</h1>`,
    `<p id="verdicts"><strong>Verdicts:</strong> ${e(verdicts)}</p>`,
    '<h2>Failure rate per check</h2>',
    `<div class="chart">${failureRateChart(summary.checks)}</div>`,
    '<h2>Verdicts per week of merge</h2>',
    `<p>Columns: <span class="success">may merge</span>, <span class="failure">blocked</span>, <span class="error">not evaluated</span>; the counts are below each week (the Monday it starts on).</p>`,
    `<div class="chart">${weeklyVerdictChart(summary.weeks)}</div>`,
    checkTable(report),
    comparisonSection(report),
    pullTable(report),
    listSection(
      UNKNOWN_HEADING,
      summary.unknown.map((u) => `<strong>${e(u.field)}</strong>: ${e(u.effect)}`),
    ),
    listSection('Notes', summary.notes.map(e)),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
}

function checkTable(report: HistoryReport): string {
  const rows = report.summary.checks.map((check) => {
    const kinds = check.findings
      .slice(0, TOP_KINDS)
      .map((k) => `<li>${k.count}× ${e(k.kind)} <small>(${e(pullList(k.pulls))})</small></li>`)
      .join('');
    return `<tr><td><code>${e(check.context)}</code></td><td class="n">${check.failed}/${check.evaluated}</td><td class="n">${percent(check.failureRate)}</td><td class="n">${check.errored}</td><td><ul class="reasons">${kinds}</ul></td></tr>`;
  });
  return `<h2>Most frequent findings per check</h2>
<table id="checks"><thead><tr><th>Check</th><th>Failed</th><th>Rate</th><th>Not evaluated</th><th>Findings (PRs)</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function comparisonSection(report: HistoryReport): string {
  const comparison = report.summary.comparison;
  if (!comparison) return '';
  const v = comparison.verdicts;
  const rows = comparison.changed.map((change) => {
    const why = change.checks
      .map((c) => `<li><code>${e(c.context)}</code> ${c.from} → ${c.to}: ${e(c.reason)}</li>`)
      .join('');
    return `<tr><td>#${change.number}</td><td>${e(change.title)}</td><td>${state(change.from)} → ${state(change.to)}</td><td><ul class="reasons">${why}</ul></td></tr>`;
  });
  return `<h2>With ${e(comparison.config)}</h2>
<p id="comparison">${comparison.changed.length} pull request(s) change verdict; under this config ${verdictCounts(v)}.</p>
${rows.length > 0 ? `<table><thead><tr><th>PR</th><th>Title</th><th>Verdict</th><th>Why</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>` : ''}`;
}

function pullTable(report: HistoryReport): string {
  const rows = report.pulls.map((pull) => {
    const reasons = failingChecks(pull).map((f) => `<li><code>${e(f.context)}</code>: ${e(f.finding)}</li>`);
    if (pull.error !== null) reasons.unshift(`<li>${e(pull.error)}</li>`);
    return `<tr data-number="${pull.number}" data-verdict="${pull.verdict}"><td>#${pull.number}</td><td>${e(pull.mergedAt.slice(0, 10))}</td><td>${state(pull.verdict)}</td><td>${e(pull.title)}</td><td><ul class="reasons">${reasons.join('')}</ul></td></tr>`;
  });
  return `<h2>Pull requests</h2>
<table id="pulls"><thead><tr><th>PR</th><th>Merged</th><th>Verdict</th><th>Title</th><th>Failing checks (first finding)</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function state(value: CheckState): string {
  return `<span class="${value}">${VERDICT_WORD[value]}</span>`;
}

function listSection(heading: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  return `<h2>${e(heading)}</h2>\n<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}
