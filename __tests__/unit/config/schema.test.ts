import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import validateConfig from '../../../src/config/generated/validate-config.js';
import validateInventory from '../../../src/config/generated/validate-inventory.js';

/** The repository root, so the test does not depend on the working directory. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${ROOT}${path}`, 'utf8');

interface SchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: unknown;
  [keyword: string]: unknown;
}

const schema = JSON.parse(read('schema/merge-gate.schema.json')) as SchemaNode;

/** Every key of the schema with its path; `inList` for keys of list items, which have no default of their own. */
function keysOf(
  node: SchemaNode,
  path: string[] = [],
  inList = false,
): { path: string[]; node: SchemaNode; inList: boolean }[] {
  return Object.entries(node.properties ?? {}).flatMap(([name, sub]) => [
    { path: [...path, name], node: sub, inList },
    ...keysOf(sub, [...path, name], inList),
    ...(sub.items?.properties ? keysOf(sub.items, [...path, name, '[]'], true) : []),
  ]);
}

function valueAt(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

function objectSchemas(node: SchemaNode): SchemaNode[] {
  const children = [...Object.values(node.properties ?? {}), ...(node.items ? [node.items] : [])];
  return [...(node.type === 'object' ? [node] : []), ...children.flatMap(objectSchemas)];
}

describe('schema/merge-gate.schema.json', () => {
  const keys = keysOf(schema);

  it('is draft-07 with an $id and a title', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toEqual(expect.any(String));
    expect(schema.title).toEqual(expect.any(String));
  });

  it('has defaults equal to DEFAULT_CONFIG, key by key', () => {
    const topLevel = Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, sub]) => [name, sub.default]),
    );
    expect(topLevel).toEqual(DEFAULT_CONFIG);
    for (const key of keys.filter((k) => !k.inList)) {
      expect({ key: key.path.join('.'), default: key.node.default }).toEqual({
        key: key.path.join('.'),
        default: valueAt(DEFAULT_CONFIG, key.path),
      });
    }
  });

  it('describes every key and gives it an example', () => {
    for (const key of keys) {
      expect({ key: key.path.join('.'), described: (key.node.description ?? '').length > 10 }).toEqual({
        key: key.path.join('.'),
        described: true,
      });
      expect({
        key: key.path.join('.'),
        examples: Array.isArray(key.node.examples) && key.node.examples.length > 0,
      }).toEqual({ key: key.path.join('.'), examples: true });
    }
  });

  it('refuses unknown keys in every mapping except synonyms, whose keys are names', () => {
    const mappings = objectSchemas(schema);
    expect(mappings.length).toBeGreaterThan(10);
    for (const mapping of mappings) {
      if (mapping === schema.properties?.synonyms)
        expect(mapping.additionalProperties).toEqual(expect.objectContaining({ type: 'array' }));
      else expect(mapping.additionalProperties).toBe(false);
    }
  });

  it('accepts DEFAULT_CONFIG and every top-level example', () => {
    expect(validateConfig(DEFAULT_CONFIG)).toBe(true);
    for (const example of schema.examples ?? []) expect(validateConfig(example)).toBe(true);
  });
});

describe('generated validators', () => {
  it('are up to date with the schemas (run `npm run build:schema` after changing a schema)', () => {
    expect(() =>
      execFileSync('node', ['scripts/build-validator.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('are ES modules without require()', () => {
    for (const file of readdirSync(`${ROOT}src/config/generated`).filter((name) => name.endsWith('.js'))) {
      expect(read(`src/config/generated/${file}`)).not.toContain('require(');
    }
  });

  it('report every problem, not just the first', () => {
    expect(validateConfig({ mode: 'strict', proof: { glob: [] } })).toBe(false);
    expect(validateConfig.errors?.map((error) => error.keyword).sort()).toEqual([
      'additionalProperties',
      'enum',
    ]);
  });
});

describe('schema/canon-inventory.schema.json', () => {
  it('accepts the real inventory in the fixtures, with its extra keys', () => {
    const inventory: unknown = JSON.parse(
      read('__fixtures__/prs/maturion-isms-pr-712/head/governance/CANON_INVENTORY.json'),
    );
    expect(validateInventory(inventory)).toBe(true);
  });

  it('accepts entries named by path or by filename, with extra keys', () => {
    expect(
      validateInventory({
        canons: [{ path: 'governance/canon/A.md' }, { filename: 'B.md', layer: 'x' }],
        total_canons: 2,
        owner: 'x',
      }),
    ).toBe(true);
  });

  it('refuses a file without canons, an entry with neither path nor filename, and a total that is not a whole number', () => {
    expect(validateInventory({ total_canons: 0 })).toBe(false);
    expect(validateInventory({ canons: [{ version: '1.0' }] })).toBe(false);
    expect(validateInventory({ canons: [], total_canons: '2' })).toBe(false);
    expect(validateInventory({ canons: [{ path: 'a.md', file_hash_sha256: 42 }] })).toBe(false);
  });
});
