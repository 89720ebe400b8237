/**
 * The package as npm ships it: `npm pack` the repository (the `files` field decides what goes in),
 * install the tarball into a fresh project, and run the installed `merge-gate` bin on the demo PR.
 * Like the action e2e test, this packs the committed dist/ and never builds it (`npm run bundle`).
 *
 * The install resolves the package's runtime `dependencies` from the npm cache or the registry
 * (`--prefer-offline`); the bundled CLI needs none of them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_IDS } from '../../src/model/contexts.js';

const ROOT = process.cwd();
const DEMO_PR = join(ROOT, 'examples/demo-pr');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The children get the test's environment without Jest's `--experimental-vm-modules`. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false' };
  delete env.NODE_OPTIONS;
  return env;
}

function run(command: string, args: string[], cwd: string): Run {
  const result = spawnSync(command, args, { cwd, env: childEnv(), encoding: 'utf8', timeout: 45_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs npm and fails with its output when it does not exit 0. */
function npm(args: string[], cwd: string): string {
  const result = run('npm', args, cwd);
  if (result.code !== 0)
    throw new Error(`npm ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let temp: string;
let consumer: string;
let bin: string;
let packedFiles: string[];

beforeAll(() => {
  for (const built of ['dist/index.js', 'dist/cli/index.js'])
    if (!existsSync(join(ROOT, built)))
      throw new Error(`${built} is missing: run \`npm run bundle\` (this test packs the committed bundle).`);
  temp = mkdtempSync(join(tmpdir(), 'merge-gate-pack-'));

  const listing = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as PackResult[];
  packedFiles = (listing[0]?.files ?? []).map((file) => file.path);

  const packed = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', temp], ROOT),
  ) as PackResult[];
  const tarball = join(temp, packed[0]?.filename ?? 'missing.tgz');

  // A subfolder: `npm init -y` names the project after its folder, which must not be `merge-gate`.
  consumer = join(temp, 'consumer');
  mkdirSync(consumer);
  npm(['init', '-y'], consumer);
  npm(['install', tarball, '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], consumer);
  bin = join(consumer, 'node_modules/.bin/merge-gate');
});

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships the bundles, the action, the schema and the licence, and no sources or tests', () => {
    for (const path of [
      'dist/cli/index.js',
      'dist/index.js',
      'action.yml',
      'schema/merge-gate.schema.json',
      'LICENSE',
      'package.json',
    ])
      expect(packedFiles).toContain(path);
    const unwanted = packedFiles.filter((path) =>
      ['src/', '__tests__/', '__fixtures__/', 'node_modules/', 'examples/', '.github/'].some((prefix) =>
        path.startsWith(prefix),
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it('installs a merge-gate bin that reports the package version', () => {
    const installed = JSON.parse(
      readFileSync(join(consumer, 'node_modules/merge-gate/package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe(PACKAGE.version);

    const result = run(bin, ['--version'], consumer);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(PACKAGE.version);
  });

  it('runs the seven checks on the demo PR: catches the false claim of its proof, exit 1', () => {
    const result = run(bin, ['check', '--fixture', DEMO_PR, '--format', 'json'], consumer);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      verdict: string;
      role: string;
      governingProof: string;
      checks: { context: string; state: string; description: string }[];
    };
    expect(report.verdict).toBe('failure');
    expect(report.role).toBe('foreman');
    expect(report.governingProof).toBe(
      '.agent-workspace/foreman-v2/memory/PREHANDOVER-session-080-wave12-deploy-20260301.md',
    );
    expect(report.checks.map((check) => check.context)).toEqual([...CHECK_IDS]);
    expect(report.checks.map((check) => check.state)).toEqual([
      'failure',
      'success',
      'success',
      'success',
      'success',
      'success',
      'failure',
    ]);
    expect(report.checks[0]?.description).toBe(
      'apps/mat-ai-gateway/ecs-task-def.json is claimed as created/new under "Files Changed" but this PR does not add or modify it: it is not among the changed files',
    );
  });

  it('runs through npx from a clean directory: --version, explain, init --dir, check --fixture', () => {
    const npx = (args: string[], cwd = consumer) => run('npx', ['--no-install', 'merge-gate', ...args], cwd);
    const version = npx(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(PACKAGE.version);

    const explained = npx(['explain', 'prehandover-proof-check']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('prehandover-proof-check');

    const target = join(temp, 'new-repository');
    mkdirSync(target);
    const init = npx(['init', '--dir', target]);
    expect(init.code).toBe(0);
    expect(readFileSync(join(target, '.github/workflows/merge-gate.yml'), 'utf8')).toMatch(
      /uses: \S+\/merge-gate@v1\b/,
    );
    expect(existsSync(join(target, '.github/merge-gate.yml'))).toBe(true);

    // The demo PR's proof claims a file its PR never delivered: blocked, exit 1, saying why.
    const checked = npx(['check', '--fixture', DEMO_PR, '--format', 'text']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('merge-gate/verdict');
    expect(checked.stdout).toContain('apps/mat-ai-gateway/ecs-task-def.json');
  });

  it('exits 2 on a usage error, as documented', () => {
    const result = run(bin, ['check', '--format', 'yaml'], consumer);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe('');
  });
});
