/**
 * Markdown text → markdown-it tokens, with what proofs use: CommonMark with raw HTML, GFM tables
 * and strikethrough (built into markdown-it), task list items and YAML front matter (small rules
 * of our own), and a source line on every token.
 *
 * Block tokens carry `map = [first line, line after the last]` (0-based); inline tokens carry the
 * line offset within their paragraph (source-lines.ts). Autolinking of bare URLs and typography
 * are off: a proof's text is read as written.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { depthBounds, MAX_NESTING } from './depth-bounds.js';
import { frontMatter } from './front-matter.js';
import { inlineSourceLines } from './source-lines.js';
import { taskLists } from './task-lists.js';

export type { Token } from 'markdown-it';

let parser: MarkdownIt | undefined;

/** Built on first use, not at import: the action's start-up (before its first request) stays short. */
function markdownIt(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
    // A documented option (`maxNesting`) that @types/markdown-it leaves out.
    Object.assign(parser.options, { maxNesting: MAX_NESTING });
    parser.disable(['linkify', 'replacements', 'smartquotes']);
    parser.use(frontMatter).use(taskLists).use(inlineSourceLines).use(depthBounds);
  }
  return parser;
}

/** Backslash escapes and entities decoded, as CommonMark reads a fence's info string. */
export function unescapeAll(text: string): string {
  return markdownIt().utils.unescapeAll(text);
}

/** Parses Markdown into markdown-it's flat token stream (block tokens, each `inline` with children). */
export function parseMarkdown(text: string): Token[] {
  return markdownIt().parse(text, {});
}
