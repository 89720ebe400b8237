/**
 * The `merge-gate` command line, run in-process through main() on temporary git repositories
 * (SPEC §7): exit 0 when the PR may merge, 1 when blocked, 2 on usage, config or git errors.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CHECK_IDS } from '../../src/model/contexts.js';
import { createRepo, removeTempRepos, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/cli-run.js';

const run = runCli;

afterAll(removeTempRepos);

/** A repository whose branch `feature` changes `files` on top of a `main` holding `base`. */
function prRepo(
  files: Record<string, string>,
  base: Record<string, string> = { 'README.md': '# Demo\n' },
): TempRepo {
  const repo = createRepo({ files: base });
  repo.branch('feature');
  repo.commit('feature work', files);
  return repo;
}

const IMPLEMENTATION = { 'apps/web/src/app.ts': 'export const answer = 42;\n' };
const DOCS = { 'docs/guide.md': '# Guide\n' };
const PR_743 = join(process.cwd(), '__fixtures__/prs/maturion-isms-pr-743');

/** Every file under `dir`, keyed by its path relative to `dir`. */
function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files[relative(dir, file)] = readFileSync(file, 'utf8');
  }
  return files;
}

describe('merge-gate check', () => {
  it('exits 1 and prints the seven checks when implementation changes without a proof', async () => {
    const repo = prRepo(IMPLEMENTATION);
    const result = await run(['check', '--repo', repo.dir, '--base', 'main']);
    expect(result.code).toBe(1);
    const rows = result.stdout.split('\n').slice(0, 7);
    expect(rows.map((row) => row.split(/\s+/)[1])).toEqual([...CHECK_IDS]);
    expect(rows[0]).toMatch(/^✖ prehandover-proof-check/);
    expect(result.stdout).toContain('Verdict: failure');
  });

  it('exits 1 for the real foreman PR (maturion-isms #743): its proof claims files the branch does not hold, on their lines', async () => {
    const repo = createRepo({ files: { 'README.md': '# ISMS\n' } });
    repo.branch('copilot/deploy-ai-gateway-production');
    repo.commit('wave 12 handover', filesUnder(join(PR_743, 'head')));
    const result = await run(['check', '--repo', repo.dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✖ prehandover-proof-check/m);
    expect(result.stdout).toMatch(/^Governing proof: .*PREHANDOVER-session-080-wave12-deploy-20260301\.md$/m);
    // The proof's "Files Changed" table, lines 91 and 92: the recorded fixture has no copy of the
    // workflow, and the task definition was never in the PR at all.
    expect(result.stdout).toContain(
      'PREHANDOVER-session-080-wave12-deploy-20260301.md:92  apps/mat-ai-gateway/ecs-task-def.json is claimed as created/new under "Files Changed" but this PR does not add or modify it: it does not exist at head either  [evidence.verify]',
    );
    expect(result.stdout).toContain(
      'PREHANDOVER-session-080-wave12-deploy-20260301.md:91  .github/workflows/deploy-mat-ai-gateway.yml is listed as delivered under "Files Changed" but does not exist at head',
    );
    // Local mode cannot look up issues: it says so instead of passing or failing the claim.
    expect(result.stdout).toContain(
      'notice: Triggering issue #741 not looked up: a local run has no GitHub API',
    );
  });

  it('exits 0 for the same PR with evidence.verify: off (every other check passes)', async () => {
    const repo = createRepo({
      files: { 'README.md': '# ISMS\n', '.github/merge-gate.yml': 'evidence:\n  verify: off\n' },
    });
    repo.branch('copilot/deploy-ai-gateway-production');
    repo.commit('wave 12 handover', filesUnder(join(PR_743, 'head')));
    const result = await run(['check', '--repo', repo.dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('evidence.verify');
  });

  it('exits 1 when the same proof is handed over from another branch', async () => {
    const repo = createRepo({ files: { 'README.md': '# ISMS\n' } });
    repo.branch('some-other-branch');
    repo.commit('wave 12 handover', filesUnder(join(PR_743, 'head')));
    const result = await run(['check', '--repo', repo.dir, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).checks[0]).toMatchObject({
      context: 'prehandover-proof-check',
      state: 'failure',
    });
  });

  it('exits 0 for a documentation-only PR labelled docs-only', async () => {
    const repo = prRepo(DOCS);
    const result = await run(['check', '--label', 'docs-only'], repo.dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Verdict: success');
  });

  it('prints JSON with the verdict and one entry per context', async () => {
    const repo = prRepo(IMPLEMENTATION);
    const result = await run(['check', '--repo', repo.dir, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ verdict: 'failure', governingProof: null, relatedProofs: [] });
    expect(report.checks.map((c: { context: string }) => c.context)).toEqual([...CHECK_IDS]);
    for (const check of report.checks) {
      expect(check).toEqual(
        expect.objectContaining({
          state: expect.stringMatching(/^(success|failure|error)$/),
          description: expect.any(String),
          findings: expect.any(Array),
        }),
      );
    }
  });

  it('prints Markdown with the verdict heading and the table', async () => {
    const repo = prRepo(IMPLEMENTATION);
    const result = await run(['check', '--repo', repo.dir, '--format', 'markdown']);
    expect(result.stdout).toMatch(/^## ❌ Merge Gate: blocked\n/);
    expect(result.stdout).toContain('| ❌ | `merge-gate/verdict` |');
  });

  it('reads the config from the base branch, so a PR cannot switch its own gate to advisory', async () => {
    const repo = prRepo({ ...IMPLEMENTATION, '.github/merge-gate.yml': 'mode: advisory\n' });
    expect((await run(['check', '--repo', repo.dir])).code).toBe(1);

    const advisory = prRepo(IMPLEMENTATION, {
      'README.md': '# Demo\n',
      '.github/merge-gate.yml': 'mode: advisory\n',
    });
    const result = await run(['check', '--repo', advisory.dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ prehandover-proof-check +advisory:/);
  });

  it('uses --config FILE from disk instead of the base branch', async () => {
    const repo = prRepo(IMPLEMENTATION);
    writeFileSync(join(repo.dir, 'local.yml'), 'mode: advisory\n');
    const result = await run(['check', '--config', 'local.yml'], repo.dir);
    expect(result.code).toBe(0);
  });

  it('exits 2 and names the key when the base config is invalid', async () => {
    const repo = prRepo(IMPLEMENTATION, { '.github/merge-gate.yml': 'mode: sometimes\n' });
    const result = await run(['check', '--repo', repo.dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('.github/merge-gate.yml');
    expect(result.stderr).toMatch(/mode/);
  });

  it('exits 2 and names an unknown key in a --config file', async () => {
    const repo = prRepo(IMPLEMENTATION);
    writeFileSync(join(repo.dir, 'bad.yml'), 'proof:\n  match_brunch: false\n');
    const result = await run(['check', '--repo', repo.dir, '--config', join(repo.dir, 'bad.yml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('match_brunch');
  });

  it('exits 2 when the --config file cannot be read', async () => {
    const repo = prRepo(IMPLEMENTATION);
    const result = await run(['check', '--repo', repo.dir, '--config', 'missing.yml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read config file missing.yml');
  });

  it('exits 2 and says what git could not do', async () => {
    const repo = prRepo(IMPLEMENTATION);
    const badBase = await run(['check', '--repo', repo.dir, '--base', 'no-such-branch']);
    expect(badBase).toMatchObject({ code: 2, stdout: '' });
    expect(badBase.stderr).toContain('base no-such-branch is not a commit');

    const notRepo = mkdtempSync(join(tmpdir(), 'merge-gate-not-a-repo-'));
    try {
      const result = await run(['check', '--repo', notRepo]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not a git repository/);
    } finally {
      rmSync(notRepo, { recursive: true });
    }
  });

  it('reads a recorded PR with --fixture; the governing proof follows --head-ref', async () => {
    const deploy = await run([
      'check',
      '--fixture',
      PR_743,
      '--head-ref',
      'copilot/deploy-ai-gateway-production',
      '--format',
      'json',
    ]);
    expect(deploy.stderr).toBe('');
    expect(JSON.parse(deploy.stdout).governingProof).toMatch(
      /PREHANDOVER-session-080-wave12-deploy-20260301\.md$/,
    );

    const render = await run([
      'check',
      '--fixture',
      PR_743,
      '--head-ref',
      'copilot/update-deploy-mat-ai-gateway-workflow',
      '--format',
      'json',
    ]);
    const report = JSON.parse(render.stdout);
    expect(report.governingProof).toMatch(/PREHANDOVER-session-081-wave12-render-20260301\.md$/);
    expect(report.relatedProofs).toEqual([expect.stringMatching(/PREHANDOVER-session-080/)]);
  });
});

describe('merge-gate usage', () => {
  it('exits 2 with the usage on stderr for an unknown flag', async () => {
    const result = await run(['check', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--frobnicate');
    expect(result.stderr).toContain('Usage: merge-gate check');
    expect(result.stdout).toBe('');
  });

  it('exits 2 for an unknown command, or none', async () => {
    for (const args of [['frobnicate'], [], ['--frobnicate']]) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: merge-gate <command>');
    }
  });

  it('exits 2 for a format it does not know', async () => {
    const result = await run(['check', '--format', 'yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be one of text, json, markdown');
  });

  it('refuses --fixture together with git options', async () => {
    const result = await run(['check', '--fixture', PR_743, '--base', 'main']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fixture cannot be combined with --base');
  });

  it('prints help and the version on stdout, exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check +Run the seven checks/);
    expect((await run(['check', '--help'])).stdout).toContain('--head-ref NAME');
    const version = await run(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });
});

describe('merge-gate proof', () => {
  const seed = join(process.cwd(), '__fixtures__/seed/PREHANDOVER-session-080-wave12-deploy.md');

  it('prints the parsed proof as JSON', async () => {
    const result = await run(['proof', seed]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(Object.keys(parsed)).toEqual(['fields', 'token', 'tokens', 'checklist', 'sections', 'warnings']);
    expect(parsed.fields).toContainEqual(
      expect.objectContaining({ canonical: 'session_id', value: '080', line: 5 }),
    );
    expect(parsed.token).toMatchObject({ kind: 'PASS' });
  });

  it('exits 2 when the file is missing or not given', async () => {
    expect((await run(['proof', 'no-such-proof.md'])).stderr).toContain('cannot read');
    expect((await run(['proof'])).code).toBe(2);
  });
});
