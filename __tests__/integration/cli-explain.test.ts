import { readFileSync } from 'node:fs';
import { CHECK_IDS } from '../../src/model/contexts.js';
import { runCli } from '../helpers/cli-run.js';

const run = runCli;

describe('merge-gate explain', () => {
  it('lists the seven checks without an argument', async () => {
    const { code, stdout } = await run(['explain']);
    expect(code).toBe(0);
    for (const id of CHECK_IDS) expect(stdout).toContain(id);
  });

  it('names the config keys that govern a check', async () => {
    const { code, stdout } = await run(['explain', 'prehandover-proof-check']);
    expect(code).toBe(0);
    expect(stdout).toContain('proof.required_fields');
    expect(stdout).toContain('token.pattern');
    expect((await run(['explain', 'merge-gate/verdict'])).stdout).toContain('tests.allow');
  });

  it('lists what prehandover-proof-check fails on, the evidence rules included', async () => {
    const { code, stdout } = await run(['explain', 'prehandover-proof-check']);
    expect(code).toBe(0);
    expect(stdout).toContain('evidence: a delivered file');
    expect(stdout).toContain('stale (matches an earlier commit of the PR');
    expect(stdout).toContain('hash of empty input');
    expect(stdout).toContain('a triggering issue that is a pull request');
    expect(stdout).toContain('evidence (warning): test results reported on a head commit with no check run');
    expect(stdout).toContain('evidence.verify');
    expect(stdout).toContain('evidence.test_check_pattern');
  });

  it('names only keys the schema has, for every check', async () => {
    const schema = JSON.parse(readFileSync('schema/merge-gate.schema.json', 'utf8'));
    const exists = (key: string): boolean => {
      let node = schema;
      for (const part of key.replace(/\[\]/g, '').split('.')) {
        node = node?.properties?.[part] ?? node?.items?.properties?.[part];
        if (!node) return false;
      }
      return true;
    };
    for (const id of CHECK_IDS) {
      const { stdout } = await run(['explain', id]);
      const keys = [...stdout.matchAll(/^ {2}- (\S+)$/gm)].map((m) => m[1] as string);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect([id, key, exists(key)]).toEqual([id, key, true]);
    }
  });

  it('refuses an unknown check with usage exit code 2, listing the valid names', async () => {
    const { code, stderr } = await run(['explain', 'governance']);
    expect(code).toBe(2);
    expect(stderr).toContain('governance/alignment');
  });
});
