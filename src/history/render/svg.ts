/**
 * The HTML report's two charts as inline SVG: per-check failure rate (horizontal bars) and verdicts
 * per week (stacked columns). No script, no fonts or images from elsewhere. Every number is also
 * written as text in the chart, with `data-*` attributes naming what it shows, so a reader (and the
 * browser test) can check it against the JSON.
 */
import type { CheckSummary, WeekSummary } from '../aggregate.js';
import { escapeHtml } from './escape.js';

const COLOURS = { success: '#2da44e', failure: '#cf222e', error: '#bf8700', track: '#eaeef2' };

/** Per check: a bar of failed / evaluated, labelled with both numbers and the rate. */
export function failureRateChart(checks: readonly CheckSummary[]): string {
  const labelWidth = 230;
  const barWidth = 360;
  const row = 28;
  const height = checks.length * row + 10;
  const bars = checks.map((check, i) => {
    const y = i * row + 5;
    const width = Math.round(check.failureRate * barWidth);
    const value = `${check.failed}/${check.evaluated} (${(check.failureRate * 100).toFixed(1)}%)`;
    return [
      `<g class="bar" data-context="${escapeHtml(check.context)}" data-failed="${check.failed}" data-evaluated="${check.evaluated}" data-rate="${check.failureRate}">`,
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${escapeHtml(check.context)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="20" fill="${COLOURS.track}"/>`,
      `<rect x="${labelWidth}" y="${y}" width="${width}" height="20" fill="${COLOURS.failure}"/>`,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 15}" class="value">${value}</text>`,
      '</g>',
    ].join('');
  });
  return svg('failure-rate', 'Failure rate per check', labelWidth + barWidth + 130, height, bars);
}

/** Per week: a column of may-merge, blocked and not-evaluated PRs, stacked, with the counts beneath. */
export function weeklyVerdictChart(weeks: readonly WeekSummary[]): string {
  const column = 54;
  const plot = 160;
  const top = 10;
  const max = Math.max(1, ...weeks.map((w) => w.success + w.failure + w.error));
  const columns = weeks.map((week, i) => {
    const x = 40 + i * column;
    let y = top + plot;
    const parts = (['success', 'failure', 'error'] as const).map((state) => {
      const h = Math.round((week[state] / max) * plot);
      y -= h;
      return `<rect x="${x}" y="${y}" width="${column - 14}" height="${h}" fill="${COLOURS[state]}" data-state="${state}"/>`;
    });
    const counts = (['success', 'failure', 'error'] as const).map(
      (state, line) =>
        `<text x="${x + (column - 14) / 2}" y="${top + plot + 30 + line * 14}" text-anchor="middle" class="count" data-state="${state}" fill="${COLOURS[state]}">${week[state]}</text>`,
    );
    return [
      `<g class="week" data-week="${week.week}" data-success="${week.success}" data-failure="${week.failure}" data-error="${week.error}">`,
      ...parts,
      `<text x="${x + (column - 14) / 2}" y="${top + plot + 14}" text-anchor="middle" class="label">${week.week.slice(5)}</text>`,
      ...counts,
      '</g>',
    ].join('');
  });
  const axis = `<text x="4" y="${top + 10}" class="label">${max}</text><line x1="36" y1="${top + plot}" x2="${40 + weeks.length * column}" y2="${top + plot}" stroke="#8c959f"/>`;
  return svg('verdicts-per-week', 'Verdicts per week of merge', 60 + weeks.length * column, top + plot + 64, [
    axis,
    ...columns,
  ]);
}

function svg(id: string, title: string, width: number, height: number, body: readonly string[]): string {
  return [
    `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    ...body,
    '</svg>',
  ].join('\n');
}
