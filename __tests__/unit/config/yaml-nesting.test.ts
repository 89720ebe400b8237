import fc from 'fast-check';
import { LineCounter, Parser, parseAllDocuments, parseDocument, stringify } from 'yaml';
import {
  cstNestingExcess,
  MAX_YAML_NESTING,
  parseYamlDocument,
  parseYamlStream,
  type TooDeep,
} from '../../../src/config/yaml-nesting.js';

/** Depth of a parsed YAML value (scalars 0, each collection one more), walked without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(node as object)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const isTooDeep = (parsed: object): parsed is TooDeep => 'tooDeepAt' in parsed;

describe('YAML parsing with a nesting bound', () => {
  const lines = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
  it.each([
    ['flow sequences', `${'['.repeat(5000)}${']'.repeat(5000)}`, 1],
    ['flow mappings', `${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`, 1],
    ['compact sequences', `${'- '.repeat(5000)}x`, 1],
    ['indented mappings', `${lines(1000)} 1`, MAX_YAML_NESTING + 1],
    ['a deep flow value in a later document', `a: 1\n---\nb: ${'['.repeat(5000)}`, 3],
  ])('refuses %s thousands deep before composing, naming the line', (_shape, text, line) => {
    expect(parseYamlStream(text)).toEqual({ tooDeepAt: line });
  });

  it('composes exactly the bound, and refuses one level more', () => {
    const at = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const within = parseYamlStream(at(MAX_YAML_NESTING));
    expect(isTooDeep(within)).toBe(false);
    expect(parseYamlStream(at(MAX_YAML_NESTING + 1))).toEqual({ tooDeepAt: 1 });
  });

  it('gives the documents, errors and values the package gives, within the bound', () => {
    const text = 'a: 1\nb: [x, {c: d}]\na: 2\n---\n- &x y\n- *x\n';
    const ours = parseYamlStream(text, { uniqueKeys: true });
    expect(isTooDeep(ours)).toBe(false);
    const theirs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
    const summary = (docs: typeof theirs) =>
      (Array.isArray(docs) ? docs : []).map((doc) => ({
        value: doc.toJS(),
        errors: doc.errors.map((error) => error.code),
      }));
    expect(summary(ours as typeof theirs)).toEqual(summary(theirs));
    expect(summary(ours as typeof theirs)[0]?.errors).toEqual(['DUPLICATE_KEY']);
  });

  it('reads one document, a second one being an error unless silent (as parseDocument)', () => {
    const text = 'a: 1\n---\nb: 2\n';
    const ours = parseYamlDocument(text);
    const theirs = parseDocument(text, { prettyErrors: false });
    if (isTooDeep(ours)) throw new Error('refused');
    expect(ours.toJS()).toEqual(theirs.toJS());
    expect(ours.errors.map((error) => error.code)).toEqual(['MULTIPLE_DOCS']);
    const silent = parseYamlDocument(text, { logLevel: 'silent' });
    expect(isTooDeep(silent) ? 'refused' : silent.errors).toEqual([]);
  });

  it('measures the depth the package composes, in block or flow style', () => {
    const leaf = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('[', ']', '{', "'", '"', '# x', '- a'),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'large', maxDepth: 40 }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
      map: fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), tie('node'), { minKeys: 1, maxKeys: 3 }),
    })).node;
    fc.assert(
      fc.property(tree, fc.constantFrom('block', 'flow', 'any'), (value, style) => {
        const text = stringify(value, { collectionStyle: style as 'block' | 'flow' | 'any' });
        const depth = depthOf(value);
        fc.pre(depth > 0);
        expect(refusedAt(text, depth - 1)).toBe(true);
        expect(refusedAt(text, depth)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

/** Whether the CST walk refuses a text at another bound than the default. */
function refusedAt(text: string, limit: number): boolean {
  const lineCounter = new LineCounter();
  return [...new Parser(lineCounter.addNewLine).parse(text)].some(
    (token) => cstNestingExcess(token, limit) !== undefined,
  );
}
