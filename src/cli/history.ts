import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { verdictCounts } from '../history/render/common.js';
import { HISTORY_FORMATS, renderHistory } from '../history/render/index.js';
import { historyExitCode, type HistoryReport } from '../history/report.js';
import { runHistory, type HistorySource } from '../history/run-history.js';
import { choice, parseCommandArgs, UsageError } from './args.js';
import { loadConfigFile } from './check.js';
import type { Command } from './command.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';
import { EXIT } from './io.js';
import { progressOn } from './progress.js';

const OPTIONS = {
  repo: { type: 'string' },
  github: { type: 'string' },
  branch: { type: 'string' },
  limit: { type: 'string' },
  since: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  jobs: { type: 'string' },
  from: { type: 'string' },
} as const;

const USAGE = `Usage: merge-gate history [--repo DIR | --github OWNER/REPO] [options]

What the gate would have decided on every pull request already merged: each PR gets the seven
results merge-gate check gives for the same base, head and config, and the report sums them up
per check and per week. Nothing from the repository is executed.

Options:
  --repo DIR            Local repository (work tree or bare); default: the current directory.
                        PRs are read from the branch's first-parent history: squash commits
                        "… (#N)" and "Merge pull request #N from owner/branch" merges.
  --github OWNER/REPO   List merged PRs through the GitHub API instead (token: GITHUB_TOKEN or
                        GH_TOKEN; API root: GITHUB_API_URL)
  --branch REF          Local mode: the branch to read; default origin/HEAD, else main, else master
  --limit N             At most N PRs, the most recently merged (default 100)
  --since DATE          Only PRs merged on or after DATE (YYYY-MM-DD or ISO 8601)
  --config FILE         Also evaluate every PR under this proposed config, and report the PRs
                        whose verdict changes and why
  --format F            text (default), json, markdown or html
  --output FILE         Write the report to FILE instead of stdout
  --jobs N              PRs evaluated at once (default: the number of cores)
  --from FILE           Render a JSON report saved earlier (--format json) instead of
                        evaluating again: one run, several formats
  -h, --help            Show this help

Exit codes: 0 every PR evaluated, 1 some PRs could not be evaluated (listed as errors in the
report), 2 usage, config, git or API errors (no report).
`;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

/** `merge-gate history`: the seven checks over a repository's merged PRs (docs/history.md). */
export const historyCommand: Command = {
  name: 'history',
  summary: 'Evaluate the merged PRs of a repository and report what the gate would have blocked',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(args, OPTIONS);
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.success;
    }
    const format = choice('format', values.format, HISTORY_FORMATS, 'text');
    if (values.from !== undefined) {
      const report = await readSavedReport(values, io.cwd);
      await emit(renderHistory(report, format), values.output, io, report);
      return historyExitCode(report);
    }
    const query = {
      limit: positiveInteger('limit', values.limit, 100),
      ...(values.since !== undefined ? { since: parseDate(values.since) } : {}),
    };
    const jobs = positiveInteger('jobs', values.jobs, availableParallelism());
    const source = sourceFrom(values, io);
    const proposed =
      values.config !== undefined
        ? { config: await loadConfigFile(io.cwd, values.config), path: values.config }
        : undefined;
    const progress = progressOn(io);
    let report;
    try {
      report = await runHistory({
        source,
        query,
        jobs,
        ...(proposed ? { proposed } : {}),
        onProgress: (done, total) => progress.update(done, total),
      });
    } finally {
      progress.stop();
    }
    await emit(renderHistory(report, format), values.output, io, report);
    return historyExitCode(report);
  },
};

/** Writes the report to stdout, or to `--output` with a one-line summary on stderr. */
async function emit(
  text: string,
  output: string | undefined,
  io: CliIo,
  report: HistoryReport,
): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  await writeOutput(resolve(io.cwd, output), text);
  const s = report.summary;
  io.stderr.write(`merge-gate: ${s.pulls} PRs (${verdictCounts(s.verdicts)}); report written to ${output}\n`);
}

/** A JSON report from an earlier run; the options that choose or evaluate PRs make no sense with it. */
async function readSavedReport(values: Values, cwd: string): Promise<HistoryReport> {
  const clashing = (['repo', 'github', 'branch', 'limit', 'since', 'config', 'jobs'] as const).filter(
    (flag) => values[flag] !== undefined,
  );
  if (clashing.length > 0) throw new UsageError(`--from cannot be combined with --${clashing.join(', --')}`);
  const file = values.from ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read the report ${file}: ${(error as Error).message}`);
  }
  const report = parsed as Partial<HistoryReport> | null;
  if (!report || !Array.isArray(report.pulls) || typeof report.summary !== 'object' || !report.summary)
    throw new CliError(`${file} is not a merge-gate history JSON report (no "pulls" and "summary")`);
  return report as HistoryReport;
}

function sourceFrom(values: Values, io: CliIo): HistorySource {
  if (values.github !== undefined) {
    if (values.repo !== undefined) throw new UsageError('--repo and --github cannot be combined');
    if (values.branch !== undefined)
      throw new UsageError(
        '--branch applies to local mode only (GitHub mode lists PRs merged into any branch)',
      );
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(values.github);
    if (!match) throw new UsageError(`--github must be OWNER/REPO (got "${values.github}")`);
    const env = io.env ?? process.env;
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    if (!token) throw new CliError('--github needs a token: set GITHUB_TOKEN (or GH_TOKEN)');
    return {
      kind: 'github',
      owner: match[1] ?? '',
      repo: match[2] ?? '',
      token,
      ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    };
  }
  return {
    kind: 'local',
    repo: resolve(io.cwd, values.repo ?? '.'),
    ...(values.branch !== undefined ? { branch: values.branch } : {}),
  };
}

function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--${flag} must be a whole number of at least 1 (got "${value}")`);
  return Number(value);
}

function parseDate(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new UsageError(`--since must be a date, YYYY-MM-DD or ISO 8601 (got "${value}")`);
  return date;
}

async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
