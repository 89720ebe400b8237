import { CHECK_IDS } from '../../src/model/contexts.js';
import { main } from '../../src/cli/main.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

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

  it('refuses an unknown check with usage exit code 2, listing the valid names', async () => {
    const { code, stderr } = await run(['explain', 'governance']);
    expect(code).toBe(2);
    expect(stderr).toContain('governance/alignment');
  });
});
