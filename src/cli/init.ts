import { lstat, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CHECK_IDS } from '../model/contexts.js';
import { DEFAULT_CONFIG_PATH } from '../config/in-force.js';
import { choice, parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { CliError } from './errors.js';
import { EXIT } from './io.js';
import {
  DEFAULT_CONFIG_FILE,
  MERGE_QUEUE_WORKFLOW,
  MINIMAL_CONFIG_FILE,
  PULL_REQUEST_TARGET_WORKFLOW,
  PULL_REQUEST_WORKFLOW,
} from './generated/examples.js';

/** Where init writes the workflow, relative to the repository (the config goes to `DEFAULT_CONFIG_PATH`). */
export const WORKFLOW_PATH = '.github/workflows/merge-gate.yml';

/** `--workflow` choices: the text of examples/workflows/<name>.yml. */
export const WORKFLOWS = {
  'pull-request-target': PULL_REQUEST_TARGET_WORKFLOW,
  'pull-request': PULL_REQUEST_WORKFLOW,
  'merge-queue': MERGE_QUEUE_WORKFLOW,
} as const;

/** `--config` choices: the text of examples/config/<name>.yml. */
export const CONFIGS = { default: DEFAULT_CONFIG_FILE, minimal: MINIMAL_CONFIG_FILE } as const;

type WorkflowName = keyof typeof WORKFLOWS;
type ConfigName = keyof typeof CONFIGS;
const WORKFLOW_NAMES = Object.keys(WORKFLOWS) as WorkflowName[];
const CONFIG_NAMES = Object.keys(CONFIGS) as ConfigName[];

const USAGE = `Usage: merge-gate init [--dir PATH] [--force] [--workflow NAME] [--config NAME]

Sets up Merge Gate in a repository by writing two files:
  ${WORKFLOW_PATH}  the workflow that runs the action on pull requests
  ${DEFAULT_CONFIG_PATH}            the configuration (the action reads it from the base branch)
Refuses, writing nothing, when either file exists, unless --force is given.

Options:
  --dir PATH       Repository to write into (default: the current directory)
  --workflow NAME  pull-request-target (default: works for forks, never runs PR code),
                   pull-request (same-repository PRs only) or
                   merge-queue (pull_request_target plus merge_group)
  --config NAME    default (the default process, every key commented) or
                   minimal (one agent, no foreman/builder split, no IAA)
  --force          Overwrite existing files
  -h, --help       Show this help
`;

/** `merge-gate init`: writes the example workflow and config into a repository. */
export const initCommand: Command = {
  name: 'init',
  summary: 'Write the Merge Gate workflow and config into a repository',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      dir: { type: 'string' },
      force: { type: 'boolean' },
      workflow: { type: 'string' },
      config: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.success;
    }
    const workflow = choice('workflow', values.workflow, WORKFLOW_NAMES, 'pull-request-target');
    const config = choice('config', values.config, CONFIG_NAMES, 'default');
    const root = resolve(io.cwd, values.dir ?? '.');
    await requireDirectory(root, values.dir ?? '.');
    const files = [
      { path: WORKFLOW_PATH, text: WORKFLOWS[workflow], what: `workflow: ${workflow}` },
      { path: DEFAULT_CONFIG_PATH, text: CONFIGS[config], what: `config: ${config}` },
    ];
    const shown = (path: string) => (values.dir === undefined ? path : join(values.dir, path));

    // Every file is checked before any is written, so a refusal leaves the repository untouched.
    const existing: string[] = [];
    for (const file of files) {
      const kind = await entryKind(join(root, file.path));
      if (kind === 'missing') continue;
      if (kind === 'blocked')
        throw new CliError(`cannot create ${shown(file.path)}: a folder on its path is a file`);
      if (kind !== 'file') throw new CliError(`${shown(file.path)} exists and is a ${kind}: remove it first`);
      existing.push(shown(file.path));
    }
    if (existing.length > 0 && !values.force) {
      const list = existing.map((path) => `  ${path}\n`).join('');
      io.stderr.write(
        `merge-gate: ${existing.length === 1 ? 'this file exists' : 'these files exist'}:\n${list}` +
          'Nothing was written: use --force to overwrite.\n',
      );
      return EXIT.error;
    }

    for (const file of files) {
      const target = join(root, file.path);
      try {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.text);
      } catch (error) {
        throw new CliError(`cannot write ${shown(file.path)}: ${(error as Error).message}`);
      }
      const verb = existing.includes(shown(file.path)) ? 'Overwrote' : 'Wrote';
      io.stdout.write(`${verb} ${shown(file.path)} (${file.what})\n`);
    }
    io.stdout.write(nextSteps(workflow, config, shown));
    return EXIT.success;
  },
};

function nextSteps(workflow: WorkflowName, config: ConfigName, shown: (path: string) => string): string {
  const lines = [
    '',
    'Next steps:',
    `  1. Replace OWNER in the workflow's "uses: OWNER/merge-gate@v1" with the action's owner${
      config === 'minimal'
        ? ",\n     and dev-agent in roles.builders of the config with your agent's name"
        : ''
    }.`,
    `  2. Commit both files and push them to the default branch:`,
    `       git add ${shown(WORKFLOW_PATH)} ${shown(DEFAULT_CONFIG_PATH)}`,
    '       git commit -m "Add Merge Gate" && git push',
    '     The config is read from the base branch, so it applies to pull requests once it is merged there.',
    '  3. Make the seven contexts required status checks of the default branch (Settings → Rules →',
    '     Rulesets, "Require status checks to pass", source GitHub Actions):',
    ...CHECK_IDS.map((id) => `       ${id}`),
  ];
  if (workflow === 'merge-queue') lines.push('     and enable "Require merge queue" in the same ruleset.');
  lines.push('  Details: docs/action.md in the Merge Gate repository, "Making the checks required".', '');
  return lines.join('\n');
}

/** The `--dir` must be an existing directory: a typo should not scatter files into a new folder. */
async function requireDirectory(path: string, given: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new CliError(`--dir ${given}: no such directory`);
  if (!info.isDirectory()) throw new CliError(`--dir ${given}: not a directory`);
}

type EntryKind = 'missing' | 'blocked' | 'file' | 'directory' | 'symbolic link' | 'special file';

/** What is at `path`, without following a symbolic link (init never writes through one). */
async function entryKind(path: string): Promise<EntryKind> {
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return 'symbolic link';
    if (info.isDirectory()) return 'directory';
    return info.isFile() ? 'file' : 'special file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ENOTDIR') return 'blocked';
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
}
