/** Small, pure helpers for writing GitHub-flavoured Markdown that quotes untrusted text (proof content). */

/** Joins a multi-line text into one line (table cells and list items cannot hold line breaks). */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** Makes text safe inside a table cell: one line, `|` escaped (GFM splits cells before reading code spans). */
export function escapeCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

/**
 * Keeps quoted text from turning into HTML: outside code spans, `<` and `>` become entities, so a
 * stray `<!--` or `<details>` in a proof cannot swallow the rest of the report. Code spans are
 * left alone (inside them `<` is already literal) so messages can keep their `code` formatting.
 */
export function escapeInline(text: string): string {
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** A code span that holds any text, backticks included (the fence is longer than any run inside). */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link destination that survives spaces and parentheses in file paths. */
export function linkTarget(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}
