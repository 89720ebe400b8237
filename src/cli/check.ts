import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../config/types.js';
import { loadConfig } from '../config/load.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Evaluation } from '../model/results.js';
import { renderJson, renderMarkdown, renderText } from '../report/render.js';
import { FixtureSource } from '../sources/fixture.js';
import { LocalGitSource } from '../sources/local-git.js';
import { DEFAULT_CONFIG_PATH, proposedConfigProblems } from '../config/in-force.js';
import { choice, parseCommandArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { CliError } from './errors.js';
import { EXIT } from './io.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  repo: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  'head-ref': { type: 'string' },
  label: { type: 'string', multiple: true },
  author: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  fixture: { type: 'string' },
} as const;

const USAGE = `Usage: merge-gate check [options]

Runs the seven checks on what a branch changes (git diff base...head), reading files at head,
and prints the report. Nothing from the repository is executed.

Options:
  --repo DIR        Repository (work tree or bare); default: the current directory
  --base REF        Base branch; default: origin/HEAD, else main, else master
  --head REF        Head commit or branch; default: HEAD
  --head-ref NAME   PR branch name the proof's Branch must equal; default: head's branch name
  --label L         A PR label (exact name); repeat for several
  --author LOGIN    PR author (diagnostics only); default: the head commit's author
  --config FILE     Config file on disk; default: ${DEFAULT_CONFIG_PATH} on the base branch
  --format F        text (default), json or markdown
  --fixture DIR     Read a recorded PR folder (pr.json, changed.tsv, head/) instead of git
  -h, --help        Show this help

Exit codes: 0 may merge, 1 blocked, 2 could not decide (usage, config, git or evaluation error).
`;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

/** `merge-gate check`: the same seven checks as the action, on a local repository (SPEC §7). */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Run the seven checks on a local branch and print the report',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(args, OPTIONS);
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.success;
    }
    const format = choice('format', values.format, FORMATS, 'text');
    const source = openSource(values, io.cwd);
    try {
      const config =
        values.config !== undefined
          ? await loadConfigFile(io.cwd, values.config)
          : loadConfig(await source.baseConfigText(DEFAULT_CONFIG_PATH), DEFAULT_CONFIG_PATH);
      const facts = await source.facts();
      const reader = source.reader({ maxFileBytes: config.limits.max_file_bytes });
      const evaluation = await evaluate(facts, reader, config, {
        configPath: DEFAULT_CONFIG_PATH,
        proposedConfigProblems: await proposedConfigProblems(facts, reader, DEFAULT_CONFIG_PATH),
        evidence: source.evidence(),
      });
      io.stdout.write(render(evaluation, format, config));
      return exitCode(evaluation);
    } finally {
      if (source instanceof LocalGitSource) await source.close();
    }
  },
};

function openSource(values: Values, cwd: string): LocalGitSource | FixtureSource {
  const pr = { headRef: values['head-ref'], labels: values.label, author: values.author };
  if (values.fixture !== undefined) {
    const gitOnly = (['repo', 'base', 'head'] as const).filter((flag) => values[flag] !== undefined);
    if (gitOnly.length > 0)
      throw new UsageError(`--fixture cannot be combined with --${gitOnly.join(', --')}`);
    return new FixtureSource(resolve(cwd, values.fixture), pr);
  }
  return new LocalGitSource({
    repo: resolve(cwd, values.repo ?? '.'),
    base: values.base,
    head: values.head,
    ...pr,
  });
}

/** A config file on disk; problems name it as the user wrote it. */
async function loadConfigFile(cwd: string, file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read config file ${file}: ${(error as Error).message}`);
  }
  return loadConfig(text, file);
}

function render(evaluation: Evaluation, format: Format, config: Config): string {
  const options = { contextPrefix: config.context_prefix };
  if (format === 'json') return renderJson(evaluation, options);
  if (format === 'markdown') return renderMarkdown(evaluation, options);
  return renderText(evaluation, options);
}

function exitCode(evaluation: Evaluation): number {
  if (evaluation.verdict === 'success') return EXIT.success;
  return evaluation.verdict === 'failure' ? EXIT.failure : EXIT.error;
}
