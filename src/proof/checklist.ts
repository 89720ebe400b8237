import type { ChecklistItem } from '../model/proof.js';
import { plainText } from './inline.js';
import type { Token } from './markdown.js';
import { taskState } from './task-lists.js';

/**
 * The GFM task list item (`- [x] …` / `- [ ] …`) opened by the `list_item_open` token at `index`,
 * as a checklist item; undefined for an ordinary list item. The text is the item's own first
 * paragraph (task-lists.ts puts the box there), not its nested lists.
 */
export function readChecklistItem(
  tokens: readonly Token[],
  index: number,
  headings: string[],
): ChecklistItem | undefined {
  const item = tokens[index] as Token;
  const checked = taskState(item);
  if (checked === undefined) return undefined;
  const inline = tokens[index + 2];
  const text = plainText(inline?.children ?? [])
    .replace(/\s+/g, ' ')
    .trim();
  return { text, checked, line: (item.map?.[0] ?? 0) + 1, headings };
}
