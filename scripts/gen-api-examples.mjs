// Writes __tests__/helpers/generated/github-api-examples.json from GitHub's OpenAPI description:
// `npm run build:api-examples` after updating @octokit/openapi. A test fails when the file is stale.
// (The description is 13 MB; the fake GitHub, started by most suites and the benchmark, reads this
// small extract instead.)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESCRIPTION, renderApiExamples } from './api-examples.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = '__tests__/helpers/generated/github-api-examples.json';
const description = JSON.parse(readFileSync(join(root, DESCRIPTION), 'utf8'));
const { version } = JSON.parse(
  readFileSync(join(root, 'node_modules/@octokit/openapi/package.json'), 'utf8'),
);
writeFileSync(join(root, OUT), renderApiExamples(description, version));
console.log(`wrote ${OUT}`);
