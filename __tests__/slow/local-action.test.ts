/**
 * `npm run local-action` as a contributor runs it (CONTRIBUTING.md, "Run the action locally"):
 * `@github/local-action` imports `src/action/entry.ts` through tsx and calls its `run()`, with the
 * environment of `.env.example`. Only what must point at the stand-in changes: the token, the
 * repository, the API URL and the summary file; everything else (the context prefix, the event
 * name, the sample event file, no GITHUB_OUTPUT) is the committed example's. One spawn, a few seconds.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_IDS, contextName } from '../../src/model/contexts.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { createRepo, removeTempRepos } from '../helpers/git-repo.js';
import { expectGitHubShaped } from '../helpers/webhook-payloads.js';

const ROOT = process.cwd();
const TOKEN = 'ghs_localActionSecret_0a1b2c3d4e5f6789';
const HEAD_REF = 'feature/no-proof';

interface LocalRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `.env.example`'s settings (the last assignment of a name wins, as dotenv reads it). */
function exampleSettings(): Map<string, string> {
  const settings = new Map<string, string>();
  for (const line of readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n')) {
    const match = /^([\w.-]+)=(.*)$/.exec(line);
    if (match) settings.set(match[1] ?? '', match[2] ?? '');
  }
  return settings;
}

/** The `local-action` script of package.json with its `.env` replaced by `envFile`, run in the repository root. */
function runLocalAction(envFile: string): Promise<LocalRun> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [bin = '', ...args] = (pkg.scripts['local-action'] ?? '').split(' ');
  expect(args.at(-1)).toBe('.env');
  // Only PATH and HOME: no GITHUB_ACTIONS (a developer's shell has none), nothing from the test's runner.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/.bin', bin), ...args.slice(0, -1), envFile],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let github: FakeGitHub;
let dir: string;
beforeAll(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'merge-gate-local-action-'));
});
afterAll(async () => {
  await github.close();
  rmSync(dir, { recursive: true, force: true });
  removeTempRepos();
});

describe('npm run local-action (@github/local-action on src/action/entry.ts)', () => {
  it('runs the action once on the sample event: prefixed statuses, summary file created, outputs in the log, no token', async () => {
    const settings = exampleSettings();
    expect(settings.get('INPUT_CONTEXT-PREFIX')).toBe('local');
    expect(settings.has('GITHUB_ACTIONS')).toBe(false);
    const eventName = settings.get('GITHUB_EVENT_NAME') ?? '';
    const event = JSON.parse(readFileSync(join(ROOT, settings.get('GITHUB_EVENT_PATH') ?? ''), 'utf8')) as {
      number: number;
    };
    expectGitHubShaped(eventName, event);

    // The sample event's PR, served with implementation code and no proof: the proof check fails.
    const repo = createRepo({ files: { 'README.md': '# base\n' } });
    const base = repo.sha();
    repo.branch(HEAD_REF);
    const head = repo.commit('feature without a proof', {
      'apps/web/src/feature.ts': 'export const f = 1;\n',
    });
    await github.servePullRequestFromGit(repo.dir, { number: event.number, headRef: HEAD_REF, base, head });

    const summary = join(dir, 'not-yet', 'summary.md');
    const envFile = join(dir, '.env');
    writeFileSync(
      envFile,
      readFileSync(join(ROOT, '.env.example'), 'utf8') +
        [
          `INPUT_GITHUB-TOKEN=${TOKEN}`,
          'GITHUB_REPOSITORY=octo/repo',
          `GITHUB_API_URL=${github.url}`,
          `GITHUB_STEP_SUMMARY=${summary}`,
        ].join('\n'),
    );

    const run = await runLocalAction(envFile);

    expect(run.code).toBe(0); // fail-on: error, and nothing errored
    const contexts = CHECK_IDS.map((check) => contextName(check, 'local'));
    // Once pending, once final per context: imported, not run a second time on import.
    expect(github.statusesFor(head)).toHaveLength(14);
    expect(github.firstPosted(head, 7)).toEqual(contexts.map((c) => [c, 'pending']).sort());
    const finals = github.finalStatuses(head);
    expect([...finals.keys()].sort()).toEqual([...contexts].sort());
    expect(finals.get('local/prehandover-proof-check')?.state).toBe('failure');
    expect(finals.get('local/merge-gate/verdict')?.state).toBe('failure');

    expect(run.stdout).toContain(`Merge Gate: evaluating PR #${event.number} of octo/repo (${eventName}).`);
    expect(run.stdout).toMatch(/^local\/merge-gate\/verdict: failure — Blocked: prehandover-proof-check/m);
    expect(run.stdout).toContain('::set-output name=verdict::failure');
    expect(existsSync(summary)).toBe(true);
    const written = readFileSync(summary, 'utf8');
    for (const context of contexts) expect(written).toContain(context);

    // Off a runner nothing consumes ::add-mask::, so it is not written: the token appears nowhere.
    expect(run.stdout).not.toContain('::add-mask::');
    const posted = JSON.stringify(github.statuses);
    for (const text of [run.stdout, run.stderr, written, posted]) expect(text).not.toContain(TOKEN);
  });
});
