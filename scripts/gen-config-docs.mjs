// Writes docs/configuration.md from schema/merge-gate.schema.json: `node scripts/gen-config-docs.mjs`.
// A unit test fails when the committed page differs from what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderConfigDocs } from './config-docs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schema/merge-gate.schema.json'), 'utf8'));
writeFileSync(join(root, 'docs/configuration.md'), renderConfigDocs(schema));
console.log('wrote docs/configuration.md');
