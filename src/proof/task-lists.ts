/**
 * GFM task list items for markdown-it: a list item whose first paragraph starts with `[ ]`, `[x]`
 * or `[X]` followed by a space or a line break and more text (GFM spec, "Task list items"; the
 * rule micromark's extension applied). Written here, not taken from a plugin:
 * `markdown-it-task-lists` is unmaintained, and `@mdit/plugin-tasklist` runs after the inline
 * parse and wants a space after the box, so a box followed by a line break is not a task and `[x]`
 * with a `[x]: …` definition elsewhere is read as a link.
 *
 * This rule runs after the block parse and before the inline parse, so the box is never read as a
 * link and the item's text is read without it.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** A box, then either a line break (after optional spaces) or spaces and more text. */
const TASK_BOX = /^\[([ \t\nxX])\](?=[ \t]*\n|[ \t]+\S)/;

/** Adds the rule; a task item's `list_item_open` token then answers {@link taskState}. */
export function taskLists(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'task_lists', markTaskItems);
}

/** `true` or `false` for a checked or unchecked task list item, undefined for any other token. */
export function taskState(token: Token): boolean | undefined {
  const checked = token.meta?.['taskChecked'];
  return typeof checked === 'boolean' ? checked : undefined;
}

function markTaskItems(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i += 1) {
    const inline = tokens[i] as Token;
    if (inline.type !== 'inline') continue;
    const item = tokens[i - 2] as Token;
    if (tokens[i - 1]?.type !== 'paragraph_open' || item.type !== 'list_item_open') continue;
    const box = TASK_BOX.exec(inline.content);
    if (!box) continue;
    const mark = box[1] as string;
    item.meta = { ...item.meta, taskChecked: mark === 'x' || mark === 'X' };
    // Blanked in place, not cut: the inline parse then keeps every character where it was, and
    // `[\n]` keeps its line break.
    inline.content = ` ${mark === '\n' ? '\n' : ' '} ${inline.content.slice(3)}`;
  }
}
