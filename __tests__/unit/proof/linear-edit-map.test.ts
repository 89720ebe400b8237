/**
 * The linear `EditMap.consume` must build exactly the tree upstream builds: compare both on every
 * Markdown fixture and on generated container-heavy Markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { linearConsume, upstreamConsume, useLinearEditMap } from '../../../src/proof/linear-edit-map.js';
import { parseMarkdown } from '../../../src/proof/markdown.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

function parsedBoth(text: string) {
  useLinearEditMap(false);
  try {
    const upstream = parseMarkdown(text);
    useLinearEditMap(true);
    return { upstream, linear: parseMarkdown(text) };
  } finally {
    useLinearEditMap(true);
  }
}

afterAll(() => useLinearEditMap(true));

it('is installed when the Markdown module loads, and differs from upstream', () => {
  expect(EditMap.prototype.consume).toBe(linearConsume);
  expect(upstreamConsume).not.toBe(linearConsume);
});

it('applies several edits exactly as upstream does', () => {
  const events = Array.from({ length: 10 }, (_, i) => i) as unknown as Parameters<EditMap['consume']>[0];
  const apply = (consume: EditMap['consume']) => {
    const map = new EditMap();
    map.add(7, 2, ['x'] as never);
    map.add(2, 1, ['a', 'b'] as never);
    map.add(5, 0, ['y'] as never);
    const copy = [...events];
    consume.call(map, copy);
    return { copy, pending: map.map.length };
  };
  const linear = apply(linearConsume);
  expect(linear).toEqual(apply(upstreamConsume));
  expect(linear.copy).toEqual([0, 1, 'a', 'b', 3, 4, 'y', 5, 6, 'x', 9]);
  expect(linear.pending).toBe(0);
});

const FIXTURE_MARKDOWN = markdownFiles(join(process.cwd(), '__fixtures__')).slice(0, 400);

it.each(FIXTURE_MARKDOWN.map((path) => [path.slice(process.cwd().length + 1), path]))(
  'builds the upstream tree for %s',
  (_name, path) => {
    const { upstream, linear } = parsedBoth(readFileSync(path, 'utf8'));
    expect(linear).toEqual(upstream);
  },
);

it('builds the upstream tree for generated container-heavy Markdown', () => {
  const line = fc.constantFrom(
    '- a',
    '  - b',
    '    - c',
    '- - x',
    '> q',
    '> - item',
    '- > quoted',
    '1. one',
    '   continued',
    '',
    'para **b** *e*',
    '| a | b |',
    '|---|---|',
    '- [x] done',
    '```',
    '    code',
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
      const { upstream, linear } = parsedBoth(lines.join('\n'));
      expect(linear).toEqual(upstream);
    }),
    { numRuns: 300 },
  );
});
