import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { CHECK_IDS } from '../../src/model/contexts.js';
import { CONFIGS, WORKFLOWS, WORKFLOW_PATH } from '../../src/cli/init.js';
import { DEFAULT_CONFIG_PATH as CONFIG_PATH } from '../../src/config/in-force.js';
import { runCli } from '../helpers/cli-run.js';

const EXAMPLES = join(process.cwd(), 'examples');

const run = runCli;

const example = (path: string) => readFileSync(join(EXAMPLES, path), 'utf8');

let repo: string;
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'merge-gate-init-'));
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('merge-gate init: templates', () => {
  // The CLI is bundled and cannot read examples/ at run time: its copies must stay identical.
  it.each(Object.keys(WORKFLOWS))(
    'workflow %s equals its file in examples/workflows/ byte for byte',
    (name) => {
      expect(WORKFLOWS[name as keyof typeof WORKFLOWS]).toBe(example(`workflows/${name}.yml`));
    },
  );

  it.each(Object.keys(CONFIGS))('config %s equals its file in examples/config/ byte for byte', (name) => {
    expect(CONFIGS[name as keyof typeof CONFIGS]).toBe(example(`config/${name}.yml`));
  });
});

describe('merge-gate init: writing', () => {
  it('writes the recommended workflow and the default config, creating the folders', async () => {
    const { code, stdout } = await run(['init'], repo);
    expect(code).toBe(0);
    expect(read(WORKFLOW_PATH)).toBe(example('workflows/pull-request-target.yml'));
    expect(read(CONFIG_PATH)).toBe(example('config/default.yml'));
    expect(stdout).toContain(`Wrote ${WORKFLOW_PATH} (workflow: pull-request-target)`);
    expect(stdout).toContain(`Wrote ${CONFIG_PATH} (config: default)`);
    expect(stdout).toContain('git add');
    for (const id of CHECK_IDS) expect(stdout).toContain(`       ${id}\n`);
  });

  it('writes into --dir, relative to the working directory', async () => {
    mkdirSync(join(repo, 'project'));
    const { code, stdout } = await run(['init', '--dir', 'project'], repo);
    expect(code).toBe(0);
    expect(readFileSync(join(repo, 'project', CONFIG_PATH), 'utf8')).toBe(example('config/default.yml'));
    expect(existsSync(join(repo, CONFIG_PATH))).toBe(false);
    expect(stdout).toContain(`Wrote ${join('project', WORKFLOW_PATH)}`);
  });

  it.each([
    ['pull-request-target', 'default'],
    ['pull-request', 'minimal'],
    ['merge-queue', 'default'],
    ['pull-request-target', 'minimal'],
  ])('--workflow %s --config %s writes those examples', async (workflow, config) => {
    const { code, stdout } = await run(['init', '--workflow', workflow, '--config', config], repo);
    expect(code).toBe(0);
    expect(read(WORKFLOW_PATH)).toBe(example(`workflows/${workflow}.yml`));
    expect(read(CONFIG_PATH)).toBe(example(`config/${config}.yml`));
    expect(stdout.includes('Require merge queue')).toBe(workflow === 'merge-queue');
    expect(stdout.includes('roles.builders')).toBe(config === 'minimal');
  });

  it.each(Object.keys(CONFIGS))(
    'writes a %s config that the action loads without problems',
    async (config) => {
      expect((await run(['init', '--config', config], repo)).code).toBe(0);
      expect(() => loadConfig(read(CONFIG_PATH), CONFIG_PATH)).not.toThrow();
    },
  );

  it.each(Object.keys(WORKFLOWS))(
    'writes a %s workflow that parses and runs the action',
    async (workflow) => {
      expect((await run(['init', '--workflow', workflow], repo)).code).toBe(0);
      const parsed = parse(read(WORKFLOW_PATH), { uniqueKeys: true }) as {
        jobs: Record<string, { steps: { uses?: string }[] }>;
      };
      const uses = Object.values(parsed.jobs).flatMap((job) => job.steps.map((step) => step.uses));
      expect(uses).toContain('OWNER/merge-gate@v1');
    },
  );
});

describe('merge-gate init: existing files', () => {
  function seed(path: string, text: string): void {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }

  it('refuses when the workflow exists, names it, says --force and writes nothing', async () => {
    seed(WORKFLOW_PATH, 'name: mine\n');
    const { code, stdout, stderr } = await run(['init'], repo);
    expect(code).toBe(2);
    expect(stderr).toContain(WORKFLOW_PATH);
    expect(stderr).not.toContain(CONFIG_PATH);
    expect(stderr).toContain('use --force');
    expect(stdout).toBe('');
    expect(read(WORKFLOW_PATH)).toBe('name: mine\n');
    // Checked before writing: the config, which did not exist, was not written either.
    expect(existsSync(join(repo, CONFIG_PATH))).toBe(false);
  });

  it('refuses when only the config exists, leaving the workflow unwritten', async () => {
    seed(CONFIG_PATH, 'mode: advisory\n');
    const { code, stderr } = await run(['init', '--config', 'minimal'], repo);
    expect(code).toBe(2);
    expect(stderr).toContain(CONFIG_PATH);
    expect(read(CONFIG_PATH)).toBe('mode: advisory\n');
    expect(existsSync(join(repo, WORKFLOW_PATH))).toBe(false);
  });

  it('names both files when both exist', async () => {
    seed(WORKFLOW_PATH, 'name: mine\n');
    seed(CONFIG_PATH, 'mode: advisory\n');
    const { code, stderr } = await run(['init'], repo);
    expect(code).toBe(2);
    expect(stderr).toContain(WORKFLOW_PATH);
    expect(stderr).toContain(CONFIG_PATH);
    expect(read(WORKFLOW_PATH)).toBe('name: mine\n');
    expect(read(CONFIG_PATH)).toBe('mode: advisory\n');
  });

  it('overwrites both with --force', async () => {
    seed(WORKFLOW_PATH, 'name: mine\n');
    seed(CONFIG_PATH, 'mode: advisory\n');
    const { code, stdout } = await run(['init', '--force', '--workflow', 'merge-queue'], repo);
    expect(code).toBe(0);
    expect(read(WORKFLOW_PATH)).toBe(example('workflows/merge-queue.yml'));
    expect(read(CONFIG_PATH)).toBe(example('config/default.yml'));
    expect(stdout).toContain(`Overwrote ${WORKFLOW_PATH}`);
  });

  it('never writes through a symbolic link, even with --force', async () => {
    const outside = join(repo, 'outside.yml');
    writeFileSync(outside, 'keep: me\n');
    mkdirSync(join(repo, '.github'));
    symlinkSync(outside, join(repo, CONFIG_PATH));
    const { code, stderr } = await run(['init', '--force'], repo);
    expect(code).toBe(2);
    expect(stderr).toContain('symbolic link');
    expect(readFileSync(outside, 'utf8')).toBe('keep: me\n');
    expect(existsSync(join(repo, WORKFLOW_PATH))).toBe(false);
  });
});

describe('merge-gate init: usage', () => {
  it('prints its help with every option and choice', async () => {
    const { code, stdout } = await run(['init', '--help'], repo);
    expect(code).toBe(0);
    for (const text of ['--dir', '--force', '--workflow', '--config', ...Object.keys(WORKFLOWS), 'minimal'])
      expect(stdout).toContain(text);
    expect((await run(['--help'], repo)).stdout).toMatch(/^ {2}init +\S/m);
  });

  it.each([
    [['--workflow', 'push'], '--workflow must be one of pull-request-target, pull-request, merge-queue'],
    [['--config', 'strict'], '--config must be one of default, minimal'],
    [['--frobnicate'], 'Unknown option'],
    [['extra'], 'Unexpected argument'],
  ])('rejects %j with exit code 2 and writes nothing', async (args, message) => {
    const { code, stderr } = await run(['init', ...args], repo);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: merge-gate init');
    expect(existsSync(join(repo, '.github'))).toBe(false);
  });

  it('refuses a --dir that does not exist instead of creating it', async () => {
    const { code, stderr } = await run(['init', '--dir', 'no-such-repo'], repo);
    expect(code).toBe(2);
    expect(stderr).toContain('--dir no-such-repo: no such directory');
    expect(existsSync(join(repo, 'no-such-repo'))).toBe(false);
  });
});
