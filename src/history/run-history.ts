/**
 * `merge-gate history` end to end, without the command line: list the merged PRs (local git or the
 * API), evaluate each with the engine `check` and the action use, and build the report.
 */
import type { Config } from '../config/types.js';
import type { ClientOptions } from '../github/client.js';
import { discoverLocalPulls } from './discover-local.js';
import { evaluatePulls } from './evaluate-pulls.js';
import { LocalPullEvaluator } from './local-evaluator.js';
import { buildReport, type HistoryReport } from './report.js';
import type { Discovery, PullEvaluator, PullQuery } from './types.js';

export type HistorySource =
  | { kind: 'local'; repo: string; branch?: string }
  | {
      kind: 'github';
      owner: string;
      repo: string;
      token: string;
      apiUrl?: string;
      client?: Omit<ClientOptions, 'baseUrl'>;
    };

export interface HistoryRequest {
  source: HistorySource;
  query: PullQuery;
  /** PRs evaluated at once. */
  jobs: number;
  /** A proposed config (`--config`) and the path it was given as. */
  proposed?: { config: Config; path: string };
  /** Called once the PRs are listed, then after each PR. */
  onProgress?: (done: number, total: number) => void;
}

/** Runs the whole history. Throws only when nothing can be listed (a git or API error, exit 2). */
export async function runHistory(request: HistoryRequest): Promise<HistoryReport> {
  const { discovery, evaluator } = await open(request.source, request.query);
  try {
    request.onProgress?.(0, discovery.pulls.length);
    const outcomes = await evaluatePulls(discovery.pulls, evaluator, {
      jobs: request.jobs,
      ...(request.proposed ? { proposed: request.proposed.config } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    });
    return buildReport(discovery, outcomes, request.proposed?.path);
  } finally {
    await evaluator.close();
  }
}

async function open(
  source: HistorySource,
  query: PullQuery,
): Promise<{ discovery: Discovery; evaluator: PullEvaluator }> {
  if (source.kind === 'local') {
    const discovery = await discoverLocalPulls(source.repo, {
      ...query,
      ...(source.branch !== undefined ? { branch: source.branch } : {}),
    });
    return { discovery, evaluator: new LocalPullEvaluator(source.repo, discovery.shallow === true) };
  }
  // Loaded only in GitHub mode: local runs (and `merge-gate check`) never load the API client.
  const { openGitHubHistory } = await import('./github-mode.js');
  const github = openGitHubHistory(source);
  return { discovery: await github.discover(query), evaluator: github.evaluator };
}
