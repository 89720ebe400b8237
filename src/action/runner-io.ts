/**
 * `ActionIO` on the runner: workflow commands on stdout, the `GITHUB_OUTPUT` and
 * `GITHUB_STEP_SUMMARY` files, the process exit code. Behaves as `@actions/core` 3 does for the
 * calls the action makes (inputs, outputs, masking, annotations, summary, setFailed), without
 * importing it (see workflow-commands.ts).
 *
 * Off a runner (`GITHUB_ACTIONS` is not `true`: `npm run local-action`, or the bundle started by
 * hand), two things differ, as `@github/local-action`'s stand-in for `@actions/core` behaves:
 * nothing reads an `::add-mask::` command there, so it is not written (it would print the token);
 * and a missing output or summary file is created rather than refused.
 */
import { accessSync, appendFileSync, constants, existsSync, mkdirSync } from 'node:fs';
import { EOL } from 'node:os';
import { dirname } from 'node:path';
import type { ActionIO, AnnotationProps } from './io.js';
import { annotationProperties, keyValueBlock, workflowCommand } from './workflow-commands.js';

interface RunnerProcess {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  exitCode?: number | string | undefined | null;
}

/** The runner IO of `proc` (the running process by default). */
export function runnerIO(proc: RunnerProcess = process): ActionIO {
  const { env } = proc;
  const onRunner = env.GITHUB_ACTIONS === 'true';
  /** On a runner, `refuse` throws as @actions/core does when the file is unusable; off one, its folder is made. */
  const prepareFile = (file: string, refuse: () => void) => {
    if (onRunner) refuse();
    else mkdirSync(dirname(file), { recursive: true });
  };
  const line = (text: string) => void proc.stdout.write(text + EOL);
  const command = (name: string, message: string, props?: AnnotationProps) =>
    line(workflowCommand(name, annotationProperties(props), message));

  return {
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setSecret: (value) => {
      if (onRunner) command('add-mask', value);
    },
    info: (message) => line(message),
    notice: (message, props) => command('notice', message, props),
    warning: (message, props) => command('warning', message, props),
    error: (message, props) => command('error', message, props),
    setOutput: (name, value) => {
      const file = env.GITHUB_OUTPUT;
      if (!file) {
        // Outside a runner (or an old one): the deprecated stdout command, as @actions/core falls back.
        proc.stdout.write(EOL);
        line(workflowCommand('set-output', { name }, value));
        return;
      }
      prepareFile(file, () => {
        if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
      });
      appendFileSync(file, `${keyValueBlock(name, value)}${EOL}`, { encoding: 'utf8' });
    },
    setFailed: (message) => {
      proc.exitCode = 1;
      command('error', message);
    },
    writeSummary: async (markdown) => {
      const file = env.GITHUB_STEP_SUMMARY;
      if (!file) {
        throw new Error(
          'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
        );
      }
      prepareFile(file, () => {
        try {
          accessSync(file, constants.R_OK | constants.W_OK);
        } catch {
          throw new Error(
            `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
          );
        }
      });
      // Synchronous, as for outputs: one small append at the end of the run (and `node:fs/promises`
      // stays unloaded).
      appendFileSync(file, markdown + EOL, { encoding: 'utf8' });
    },
  };
}
