/**
 * The job summary (SPEC §5): what the run could not do (notices), then the same Markdown report the
 * CLI prints, with findings linked to the lines at fault at the head commit.
 */
import type { Evaluation } from '../model/results.js';
import { renderMarkdown } from './render.js';

export interface SummaryOptions {
  /** Prefix of the context names, so the summary names what the statuses name. */
  contextPrefix?: string;
  /** Link to a file (and line) at the head commit; see `blobUrl`. */
  fileUrl?: (file: string, line?: number) => string;
  /** Problems of the run itself (statuses not posted, …), shown first as warnings. */
  notices?: string[];
}

/** The summary's Markdown. */
export function buildSummary(evaluation: Evaluation, options: SummaryOptions = {}): string {
  const notices = (options.notices ?? []).map(
    (notice) =>
      `> [!WARNING]\n${notice
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}\n`,
  );
  const { contextPrefix, fileUrl } = options;
  const report = renderMarkdown(evaluation, {
    ...(contextPrefix ? { contextPrefix } : {}),
    ...(fileUrl ? { fileUrl } : {}),
  });
  return [...notices, report].join('\n');
}

/**
 * `https://github.com/<owner>/<repo>/blob/<sha>/<path>#L<line>`. The base repository serves a fork
 * PR's commits too (they are fetched into `refs/pull/<n>/head`), so one form fits every PR.
 */
export function blobUrl(
  serverUrl: string,
  repository: string,
  sha: string,
): (file: string, line?: number) => string {
  const root = `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/${sha}`;
  return (file, line) => {
    const path = file.split('/').map(encodeURIComponent).join('/');
    return `${root}/${path}${line ? `#L${line}` : ''}`;
  };
}
