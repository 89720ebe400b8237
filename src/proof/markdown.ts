/**
 * Markdown text → mdast tree, with the syntax extensions proofs use: GFM tables, task lists and
 * strikethrough, and YAML front matter.
 *
 * Not the whole `gfm()` bundle: its autolink-literal transform walks the tree recursively and
 * overflows the stack on 5,000-deep nested lists, and links are plain text to the parser anyway.
 */
import './linear-edit-map.js';
import type { Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { attention } from 'micromark-core-commonmark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { withSequenceBudget } from './inline-budget.js';

// Pairing `*`/`_` (the one `attention` construct micromark uses everywhere) and `~` is quadratic
// in an inline run: both get the budget of inline-budget.ts.
withSequenceBudget(attention, 'attentionSequence');
const strikethrough = gfmStrikethrough();
for (const construct of [strikethrough.text?.[126] ?? []].flat()) {
  withSequenceBudget(construct, 'strikethroughSequenceTemporary');
}

const MARKDOWN_OPTIONS: Options = {
  extensions: [gfmTable(), gfmTaskListItem(), strikethrough, frontmatter(['yaml'])],
  mdastExtensions: [
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    frontmatterFromMarkdown(['yaml']),
  ],
};

/** Parses Markdown into an mdast tree with positions (1-based lines) on every node. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, MARKDOWN_OPTIONS);
}
