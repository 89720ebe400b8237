/** The history report in the format asked for. */
import type { HistoryReport } from '../report.js';
import { renderHistoryHtml } from './html.js';
import { renderHistoryMarkdown } from './markdown.js';
import { renderHistoryText } from './text.js';

export const HISTORY_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export function renderHistory(report: HistoryReport, format: HistoryFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderHistoryMarkdown(report);
    case 'html':
      return renderHistoryHtml(report);
    case 'text':
      return renderHistoryText(report);
  }
}
