import { checkJsonSyntax, checkYamlSyntax } from '../../../src/evaluate/syntax.js';

/** "Billion laughs": each level holds ten aliases of the level above, 10^levels strings once expanded. */
function aliasBomb(levels: number): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= levels; level++) {
    lines.push(`l${level}: &l${level} [${Array.from({ length: 10 }, () => `*l${level - 1}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('checkYamlSyntax', () => {
  it('accepts valid YAML, an empty file and a comment-only file', () => {
    expect(checkYamlSyntax('name: CI\non:\n  push:\n    branches: [main]\njobs: {}\n')).toBeUndefined();
    expect(checkYamlSyntax('')).toBeUndefined();
    expect(checkYamlSyntax('# nothing here\n')).toBeUndefined();
  });

  it('fails on a syntax error, with its line', () => {
    const problem = checkYamlSyntax('jobs:\n  build:\n    steps: [a, b\n    runs-on: ubuntu-latest\n');
    expect(problem?.message).toBeTruthy();
    expect(problem?.line).toBeGreaterThanOrEqual(3);
  });

  it('fails on a tab used for indentation', () => {
    expect(checkYamlSyntax('jobs:\n\tbuild: x\n')?.line).toBe(2);
  });

  it('fails on a duplicate key, naming it and the line of the repeat', () => {
    expect(checkYamlSyntax('on: push\njobs:\n  a: 1\n  b: 2\n  a: 3\n')).toEqual({
      message: 'duplicate key "a"',
      line: 5,
    });
  });

  it('fails on a duplicate key in a flow mapping and with differently quoted spellings', () => {
    expect(checkYamlSyntax('x: {a: 1, a: 2}\n')?.message).toBe('duplicate key "a"');
    expect(checkYamlSyntax('a: 1\n"a": 2\n')).toEqual({ message: 'duplicate key "a"', line: 2 });
  });

  it('allows the same key in different mappings, and 1 next to "1"', () => {
    expect(checkYamlSyntax('a:\n  name: x\nb:\n  name: y\n')).toBeUndefined();
    expect(checkYamlSyntax('1: int\n"1": string\n')).toBeUndefined();
  });

  it('checks every document of a multi-document stream', () => {
    expect(checkYamlSyntax('a: 1\n---\nb: 2\n---\nc: 3\n')).toBeUndefined();
    expect(checkYamlSyntax('a: 1\n---\nb: 2\nb: 3\n')).toEqual({ message: 'duplicate key "b"', line: 4 });
    expect(checkYamlSyntax('a: 1\n---\nb: [\n')?.line).toBeGreaterThanOrEqual(3);
  });

  it('accepts a few aliases, as workflow files use them', () => {
    expect(checkYamlSyntax('defaults: &d {runs-on: ubuntu-latest}\na: *d\nb: *d\n')).toBeUndefined();
  });

  it('fails on an alias that names no anchor before it', () => {
    expect(checkYamlSyntax('a: 1\nb: *nowhere\n')).toEqual({
      message: 'alias *nowhere refers to no anchor before it',
      line: 2,
    });
    expect(checkYamlSyntax('a: *later\nb: &later 1\n')?.line).toBe(1);
  });

  it('refuses an alias bomb without expanding it, at the line where the expansion passes the budget', () => {
    // Nine levels would be a billion strings once expanded: finishing at all shows nothing expanded.
    // Level k adds ten copies of level k-1 (11, 111, 1111… nodes): the total passes a million at level 5, line 6.
    expect(checkYamlSyntax(aliasBomb(9))).toEqual({
      message: 'refused: aliases expand to over 1,000,000 nodes, a resource-exhaustion guard',
      line: 6,
    });
    expect(checkYamlSyntax(aliasBomb(4))).toBeUndefined();
  });

  it('answers on thousands of distinct anchors reused through one alias', () => {
    // The yaml package's own alias accounting walks the whole document per alias here (minutes).
    const anchors = Array.from({ length: 5_000 }, (_, index) => `a${index}: &a${index} v`);
    const aliases = `x: &x [${Array.from({ length: 5_000 }, (_, index) => `*a${index}`).join(', ')}]`;
    expect(checkYamlSyntax([...anchors, aliases, 'y: *x', 'z: *x'].join('\n'))).toBeUndefined();
  });

  it('accepts a recursive alias, counting it once', () => {
    expect(checkYamlSyntax('a: &a [1, *a]\n')).toBeUndefined();
  });

  it('reads a large file to the end (growth up to 8 MB: npm run bench -- yaml)', () => {
    const entry = (index: number): string => `- name: step ${index}\n  run: echo ${index}\n`;
    const big = Array.from({ length: 30_000 }, (_, index) => entry(index)).join('');
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(checkYamlSyntax(`${big}- name: last\n  name: again\n`)).toEqual({
      message: 'duplicate key "name"',
      line: 60_002,
    });
  });

  it('answers on a large mapping with many keys (duplicate detection stays linear)', () => {
    const keys = Array.from({ length: 30_000 }, (_, index) => `key${index}: ${index}\n`).join('');
    expect(checkYamlSyntax(keys)).toBeUndefined();
    expect(checkYamlSyntax(`${keys}key7: again\n`)).toEqual({
      message: 'duplicate key "key7"',
      line: 30_001,
    });
  });

  it('refuses nesting deeper than the bound before the parser recurses, naming the line', () => {
    expect(checkYamlSyntax(`a: 1\nb: ${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toEqual({
      message: 'nested too deeply to check (over 200 levels)',
      line: 2,
    });
  });
});

describe('checkJsonSyntax', () => {
  it('accepts valid JSON, with or without a byte-order mark', () => {
    expect(checkJsonSyntax('{"canons": [], "total_canons": 0}\n')).toBeUndefined();
    expect(checkJsonSyntax('\uFEFF[1, 2]')).toBeUndefined();
  });

  it('fails on a trailing comma, with the line', () => {
    const problem = checkJsonSyntax('{\n  "a": 1,\n  "b": 2,\n}\n');
    expect(problem?.line).toBe(4);
    expect(problem?.message).not.toMatch(/position/);
  });

  it('finds the line of an unexpected token even when the engine gives no position', () => {
    const problem = checkJsonSyntax('{\n  "a": 1,\n  "b": ,\n  "c": 3\n}\n');
    expect(problem?.line).toBe(3);
    expect(problem?.message).toMatch(/^Unexpected token/);
    expect(checkJsonSyntax('{\n  "a": [1, 2}\n}')?.line).toBe(2);
  });

  it('does not echo the file into the message', () => {
    const problem = checkJsonSyntax(`{"a": "${'x'.repeat(500)}", "b": }`);
    expect(problem?.message.length).toBeLessThan(100);
    expect(problem?.line).toBe(1);
  });

  it('fails on an empty or truncated file at its last line', () => {
    expect(checkJsonSyntax('')).toBeDefined();
    expect(checkJsonSyntax('{\n  "a": [1,\n')?.line).toBe(3);
  });

  it('fails on text after the value', () => {
    expect(checkJsonSyntax('{"a": 1}\n\n{"b": 2}\n')?.line).toBe(3);
  });
});
