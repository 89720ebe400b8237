/**
 * The environment a GitHub-hosted runner gives a JavaScript action's step, for spawning
 * `node dist/index.js` the way a runner does: the e2e tests (bundle-run.ts) and the bench
 * (bench/action-run.mjs) use the same list.
 */
import { join } from 'node:path';

export interface RunnerEnvOptions {
  /** The step's temporary folder: HOME, RUNNER_TEMP, and the event, summary and output files. */
  dir: string;
  apiUrl: string;
  eventName: string;
  /** `owner/repo`; default `octo/repo`. */
  repository?: string;
  /** GITHUB_WORKSPACE; default `dir`. */
  workspace?: string;
  /** The action's inputs, by name as in action.yml (`github-token`, `fail-on`, …). */
  inputs: Record<string, string>;
}

/** The `GITHUB_*`, `INPUT_*` and runner variables; files at `dir`/event.json, summary.md, output.txt. */
export function runnerEnv(options: RunnerEnvOptions): NodeJS.ProcessEnv {
  const { dir, apiUrl } = options;
  const repository = options.repository ?? 'octo/repo';
  return {
    PATH: process.env.PATH,
    HOME: dir,
    RUNNER_TEMP: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_RUN_ID: '777',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '5',
    GITHUB_WORKFLOW: 'Merge Gate',
    GITHUB_JOB: 'gate',
    GITHUB_ACTION: 'merge-gate',
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_WORKSPACE: options.workspace ?? dir,
    ...Object.fromEntries(
      Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
}
