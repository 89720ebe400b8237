/**
 * One PR through the gate: read it, load the base config, post `pending`, evaluate, post the final
 * states. Whatever fails on the way becomes an `error` evaluation, and every context still ends
 * terminal (SPEC §1).
 */
import { plannedPages } from '../github/changed-files.js';
import type { GitHubSession } from '../github/connect.js';
import { MissingPermissionError } from '../github/errors.js';
import type { Evaluation } from '../model/results.js';
import { StatusReporter, type StatusReport } from '../report/statuses.js';
import type { ConfigSettings } from './engine-protocol.js';
import type { GateEvent } from './event.js';
import { inThreadEngine, type GateEngine } from './gate-engine.js';
import type { CommentMode } from './inputs.js';

export interface GateRequest {
  event: Extract<GateEvent, { kind: 'pull_request' | 'merge_group' }>;
  session: GitHubSession;
  configPath: string;
  /** The `context-prefix` input; overrides the config's `context_prefix`. */
  contextPrefix?: string;
  /** The `comment` input; overrides the config's `comment`. */
  comment?: CommentMode;
  /** The workflow run, linked from every status. */
  targetUrl?: string;
  log: (message: string) => void;
  /** Where the config is loaded and the checks run; default: this thread. */
  engine?: GateEngine;
}

export interface GateOutcome {
  evaluation: Evaluation;
  statuses: StatusReport;
  /** The context prefix in force (input, else config). */
  prefix: string;
  /** The PR comment setting in force (input, else config; `never` when the config could not be read). */
  comment: CommentMode;
  /** The PR's head commit, when the PR could be read. */
  headSha?: string;
  isFork?: boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs the gate for one event. Never rejects. */
export async function runGate(request: GateRequest): Promise<GateOutcome> {
  const { event, session, configPath } = request;
  const reporterOn = (sha: string, prefix: string) =>
    new StatusReporter(session.statusSink(sha), {
      prefix,
      targetUrl: request.targetUrl,
      isFatal: (error) => error instanceof MissingPermissionError,
    });

  let prefix = request.contextPrefix ?? '';
  let comment = request.comment ?? 'never';
  let reporter: StatusReporter | undefined;
  let pending: Promise<void> = Promise.resolve();
  let evaluation: Evaluation;
  let headSha: string | undefined;
  let isFork: boolean | undefined;
  const engine = request.engine ?? inThreadEngine();
  const onConfig = (sha: string, settings: ConfigSettings) => {
    if (reporter) return;
    prefix = request.contextPrefix ?? settings.contextPrefix ?? '';
    comment = request.comment ?? settings.comment ?? 'never';
    reporter = reporterOn(sha, prefix);
    pending = reporter.markPending();
  };
  try {
    if (event.pullNumber === undefined) {
      const ref = event.kind === 'merge_group' ? event.headRef : '';
      throw new Error(`Cannot tell which pull request the merge group ${ref} is for.`);
    }
    const source = session.pullRequest(event.pullNumber);
    // The event's count plans the file-list pages, which then leave with the PR read instead of
    // waiting for its answer; the PR read's own count checks them (GitHubAdapter.startListing).
    // The PR read goes first: its answer (requested before the action loaded) brings the base SHA
    // that the config read waits for.
    const pullRequest = source.pullRequest();
    const countHint = event.kind === 'pull_request' ? event.changedFiles : undefined;
    if (countHint !== undefined) source.startListing(countHint);
    const pr = await pullRequest;
    ({ headSha, isFork } = pr);
    if (event.kind === 'pull_request' && event.headSha && event.headSha !== headSha) {
      // A re-run replays the old payload: evaluate and report on the PR as it is now.
      request.log(
        `The event was for ${event.headSha.slice(0, 7)}; the PR head is now ${headSha.slice(0, 7)}.`,
      );
    }
    // The file list does not depend on the config: start both reads now so they overlap.
    // (A failure surfaces when awaited; the catches only avoid an unhandled rejection.)
    const listing = source.facts();
    listing.catch(() => undefined);
    const configText = source.baseConfigText(configPath);
    configText.catch(() => undefined);
    const pagesToWrite = countHint !== undefined ? 0 : plannedPages(pr.changedFilesCount);
    engine.readsStarted(pagesToWrite + 1, Promise.allSettled([listing, configText]));
    const statusSha = event.kind === 'merge_group' ? event.statusSha : headSha;
    evaluation = await engine.evaluate({
      source,
      configText,
      configPath,
      onConfig: (settings) => onConfig(statusSha, settings),
    });
  } catch (error) {
    evaluation = await engine.errorEvaluation(messageOf(error));
  }
  // A pending post landing after the final state would leave the context pending for good.
  await pending;
  // The PR's current head when it could be read, else the payload's.
  const statusSha = event.kind === 'merge_group' ? event.statusSha : (headSha ?? event.headSha);
  reporter ??= statusSha ? reporterOn(statusSha, prefix) : undefined;
  const statuses: StatusReport = reporter
    ? await reporter.finish(evaluation.results)
    : { finished: [], unreported: [{ context: '*', reason: 'no commit SHA to post statuses on' }] };
  return {
    evaluation,
    statuses,
    prefix,
    comment,
    ...(headSha ? { headSha } : {}),
    ...(isFork !== undefined ? { isFork } : {}),
  };
}
