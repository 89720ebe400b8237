/** Emphasis/strikethrough pairing has a per-run budget; past it markers stay literal, text is kept. */
import type { Nodes, Root } from 'mdast';
import { MAX_SEQUENCES_PER_RUN } from '../../../src/proof/inline-budget.js';
import { parseMarkdown } from '../../../src/proof/markdown.js';

function count(node: Nodes, type: string): number {
  const own = node.type === type ? 1 : 0;
  return own + ('children' in node ? node.children.reduce((sum, child) => sum + count(child, type), 0) : 0);
}

function text(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

function paragraphs(root: Root) {
  return root.children.filter((node) => node.type === 'paragraph');
}

it('pairs emphasis, strong and strikethrough as usual under the budget', () => {
  const root = parseMarkdown('**Session ID**: 090 and *this* and ~~that~~\n');
  expect(count(root, 'strong')).toBe(1);
  expect(count(root, 'emphasis')).toBe(1);
  expect(count(root, 'delete')).toBe(1);
});

it('leaves markers literal in a run over the budget, keeping every character', () => {
  const pairs = MAX_SEQUENCES_PER_RUN; // `**a**` holds two sequences: twice the budget in all.
  const source = '**a** '.repeat(pairs).trim();
  const root = parseMarkdown(`${source}\n`);
  expect(count(root, 'strong')).toBe(0);
  expect(text(root)).toBe(source);
});

it('budgets each run on its own: a normal paragraph after a hostile one still pairs', () => {
  const hostile = '_*'.repeat(MAX_SEQUENCES_PER_RUN);
  const root = parseMarkdown(`${hostile}\n\n**Agent**: foreman\n`);
  const [first, second] = paragraphs(root);
  expect(first && text(first)).toBe(hostile);
  expect(second && count(second, 'strong')).toBe(1);
});

it('pairs a run exactly at the budget', () => {
  const source = '**a** '.repeat(MAX_SEQUENCES_PER_RUN / 2).trim();
  expect(count(parseMarkdown(`${source}\n`), 'strong')).toBe(MAX_SEQUENCES_PER_RUN / 2);
});

it('budgets strikethrough the same way', () => {
  const source = '~~a~~ '.repeat(MAX_SEQUENCES_PER_RUN).trim();
  const root = parseMarkdown(`${source}\n`);
  expect(count(root, 'delete')).toBe(0);
  expect(text(root)).toBe(source);
  expect(count(parseMarkdown('~~a~~ '.repeat(10)), 'delete')).toBe(10);
});
