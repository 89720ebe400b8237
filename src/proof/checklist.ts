import type { ListItem } from 'mdast';
import type { ChecklistItem } from '../model/proof.js';
import { plainText } from './inline.js';

/**
 * A GFM task list item (`- [x] …` / `- [ ] …`) as a checklist item; undefined for an ordinary list
 * item. The text is the item's own paragraph, not its nested lists.
 */
export function readChecklistItem(node: ListItem, headings: string[]): ChecklistItem | undefined {
  if (typeof node.checked !== 'boolean') return undefined;
  const paragraph = node.children.find((child) => child.type === 'paragraph');
  const text = paragraph ? plainText(paragraph).replace(/\s+/g, ' ').trim() : '';
  return { text, checked: node.checked, line: node.position?.start.line ?? 0, headings };
}
