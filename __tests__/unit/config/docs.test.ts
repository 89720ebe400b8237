import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderConfigDocs, schemaKeys, type SchemaNode } from '../../../scripts/config-docs.mjs';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { loadConfig } from '../../../src/config/load.js';

/** The repository root, so the test does not depend on the working directory. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${ROOT}${path}`, 'utf8');

const schema = JSON.parse(read('schema/merge-gate.schema.json')) as SchemaNode;
const committed = read('docs/configuration.md');

describe('docs/configuration.md', () => {
  it('is what scripts/gen-config-docs.mjs writes from the schema (run it after changing the schema)', () => {
    expect(committed).toBe(renderConfigDocs(schema));
  });

  it('documents every key of the schema under its own heading', () => {
    const keys = schemaKeys(schema).map((key) => key.path);
    expect(keys).toEqual(
      expect.arrayContaining(['mode', 'proof.globs', 'path_classes[].statuses', 'limits.max_file_bytes']),
    );
    for (const key of keys) expect(committed).toContain(`### \`${key}\`\n`);
  });

  it('holds a complete example file that starts with the schema comment and loads to the defaults', () => {
    const example = /## A complete file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(committed)?.[1] ?? '';
    expect(example.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/merge-gate.schema.json');
    expect(loadConfig(example, 'example.yml')).toEqual(DEFAULT_CONFIG);
  });

  it('gives examples that load as configuration', () => {
    const examples = [...committed.matchAll(/Example:\n\n```yaml\n([\s\S]*?)```/g)].map(
      (match) => match[1] ?? '',
    );
    expect(examples.length).toBeGreaterThan(40);
    for (const example of examples) expect(() => loadConfig(example, 'example.yml')).not.toThrow();
  });

  it('names the published schema URL', () => {
    expect(committed).toContain(
      'https://raw.githubusercontent.com/OWNER/merge-gate/v1/schema/merge-gate.schema.json',
    );
  });
});
