/**
 * The action from inputs to exit: read the event, run the gate, then report through the optional PR
 * comment, the job summary, annotations and outputs, and decide the step's fate per `fail-on`.
 * Everything the outside world provides comes in through `RunDeps`, so tests need no module mocks.
 */
import { contextName, type CheckId } from '../model/contexts.js';
import type { GitHubConnection, GitHubSession } from '../github/connect.js';
import { MissingPermissionError } from '../github/errors.js';
import { blobUrl, buildSummary } from '../report/summary.js';
import { annotationsFor } from './annotations.js';
import { commentPlan, writeReportComment } from './comment.js';
import { parseEvent, repositoryOf, type GateEvent } from './event.js';
import { threadEngine, type EngineThread } from './engine-host.js';
import { runGate, type GateOutcome } from './gate.js';
import { inThreadEngine } from './gate-engine.js';
import { readInputs, type ActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';
import { outputsFor, stepFailure } from './outputs.js';
import { readOnlyTokenMessage, unreportedMessage } from './messages.js';
import { redactingComment, redactingIO, redactingSink, redactor } from './redact.js';

export interface RunDeps {
  /** `process.env` in production: the runner's `GITHUB_*` variables. */
  env: Record<string, string | undefined>;
  io: ActionIO;
  readFile(path: string): Promise<string>;
  /** `connectGitHub` in production; tests pass one with short retry settings. */
  connect(connection: GitHubConnection): GitHubSession;
  /** Milliseconds from some fixed point, for the duration log line. */
  now(): number;
  /** Where the checks run when set (the bundle's engine thread); else in this thread. */
  engineThread?: EngineThread;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The run's page, linked from every status. */
export function runUrl(env: RunDeps['env']): string | undefined {
  const {
    GITHUB_SERVER_URL: server = 'https://github.com',
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: id,
  } = env;
  return repo && id ? `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${id}` : undefined;
}

async function readPayload(deps: RunDeps): Promise<unknown> {
  const path = deps.env.GITHUB_EVENT_PATH;
  if (!path) return {};
  return JSON.parse(await deps.readFile(path)) as unknown;
}

/** Runs the action. Never rejects: every failure ends in `setFailed` or a notice. */
export async function run(deps: RunDeps): Promise<void> {
  const { io } = deps;
  const started = deps.now();
  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => io.getInput(name));
  } catch (error) {
    io.setFailed(messageOf(error));
    return;
  }
  io.setSecret(inputs.token);
  const redact = redactor([inputs.token]);
  const safe: RunDeps = {
    ...deps,
    io: redactingIO(io, redact),
    connect: (connection) => {
      const session = deps.connect(connection);
      return {
        ...session,
        statusSink: (sha) => redactingSink(session.statusSink(sha), redact),
        stickyComment: (pullNumber, marker) =>
          redactingComment(session.stickyComment(pullNumber, marker), redact),
      };
    },
  };
  try {
    await runWithInputs(safe, inputs);
  } catch (error) {
    // Only a bug gets here: runGate turns every expected failure into `error` statuses.
    safe.io.setFailed(`Merge Gate failed unexpectedly: ${messageOf(error)}`);
  }
  io.info(`Merge Gate finished in ${Math.round(deps.now() - started)} ms.`);
}

async function runWithInputs(deps: RunDeps, inputs: ActionInputs): Promise<void> {
  const { io, env } = deps;
  let payload: unknown;
  try {
    payload = await readPayload(deps);
  } catch (error) {
    io.setFailed(`Cannot read the event payload (GITHUB_EVENT_PATH): ${messageOf(error)}`);
    return;
  }
  const event = parseEvent(env.GITHUB_EVENT_NAME, payload);
  if (event.kind === 'ignored') {
    io.notice(
      `Merge Gate has nothing to do for the "${event.name}" event: ${event.reason}. No statuses posted.`,
    );
    return;
  }
  if (event.kind === 'invalid') {
    io.setFailed(`Merge Gate cannot run on this "${event.name}" event: ${event.reason}.`);
    return;
  }
  const repository = repositoryOf(env);
  if (!repository) {
    io.setFailed(`GITHUB_REPOSITORY must be "owner/repo"; got "${env.GITHUB_REPOSITORY ?? ''}".`);
    return;
  }
  const { owner, repo } = repository;
  const session = deps.connect({
    token: inputs.token,
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL,
    workspace: env.GITHUB_WORKSPACE,
    // Rate-limit waits, Octokit's deprecation notices and the proxy in use go to the log, through
    // the redacting IO. The environment names the proxy, if any (HTTPS_PROXY, NO_PROXY…).
    client: {
      env,
      log: {
        debug: () => undefined,
        warn: (message) => io.info(message),
        info: (message) => io.info(message),
      },
    },
  });
  io.info(`Merge Gate: evaluating PR #${event.pullNumber ?? '?'} of ${owner}/${repo} (${event.name}).`);
  const outcome = await runGate({
    event,
    session,
    configPath: inputs.configPath,
    contextPrefix: inputs.contextPrefix,
    comment: inputs.comment,
    targetUrl: runUrl(env),
    log: (message) => io.info(message),
    ...(deps.engineThread
      ? { engine: threadEngine(deps.engineThread, inThreadEngine(), (message) => io.warning(message)) }
      : {}),
  });
  await report(deps, inputs, event, session, outcome);
}

/** PR comment, summary, annotations, outputs and the step's exit, from what the gate decided and posted. */
async function report(
  deps: RunDeps,
  inputs: ActionInputs,
  event: Extract<GateEvent, { kind: 'pull_request' | 'merge_group' }>,
  session: GitHubSession,
  outcome: GateOutcome,
): Promise<void> {
  const { io, env } = deps;
  const eventName = event.name;
  const { evaluation, statuses } = outcome;
  const contextOf = (check: CheckId) => contextName(check, outcome.prefix);

  const notices: string[] = [];
  if (statuses.fatal !== undefined) {
    const message =
      statuses.fatal instanceof MissingPermissionError
        ? readOnlyTokenMessage(statuses.fatal, eventName, outcome.isFork)
        : `Merge Gate could not post commit statuses: ${messageOf(statuses.fatal)}`;
    io.error(message);
    notices.push(message);
  } else if (statuses.unreported.length > 0) {
    const message = unreportedMessage(statuses.unreported);
    io.warning(message);
    notices.push(message);
  }

  for (const result of evaluation.results)
    io.info(`${contextOf(result.check)}: ${result.state} — ${result.description}`);

  const repository = env.GITHUB_REPOSITORY ?? '';
  const fileUrl = outcome.headSha
    ? blobUrl(env.GITHUB_SERVER_URL ?? 'https://github.com', repository, outcome.headSha)
    : undefined;
  const summaryOf = (runNotices: string[]) =>
    buildSummary(evaluation, {
      notices: runNotices,
      contextPrefix: outcome.prefix,
      ...(fileUrl ? { fileUrl } : {}),
    });

  // After the final statuses (runGate has awaited them), so the comment can never delay or change them.
  const plan = commentPlan(outcome.comment, evaluation.verdict, event.kind);
  if (!plan.write && plan.reason) io.info(plan.reason);
  if (plan.write && event.pullNumber !== undefined) {
    const comment = await writeReportComment({
      session,
      pullNumber: event.pullNumber,
      plan,
      prefix: outcome.prefix,
      renderReport: () => summaryOf(notices),
      headSha: outcome.headSha ?? (event.kind === 'pull_request' ? event.headSha : undefined),
      runUrl: runUrl(env),
      eventName,
      isFork: outcome.isFork,
    });
    io[comment.level](comment.message);
    if (comment.level === 'warning') notices.push(comment.message);
  }

  try {
    await io.writeSummary(summaryOf(notices));
  } catch (error) {
    io.warning(`Merge Gate could not write the job summary: ${messageOf(error)}`);
  }

  for (const annotation of annotationsFor(evaluation, contextOf)) {
    io[annotation.level](annotation.message, annotation.props);
  }
  for (const [name, value] of Object.entries(outputsFor(evaluation, contextOf))) io.setOutput(name, value);

  const failure = stepFailure(inputs.failOn, evaluation, statuses);
  if (failure) io.setFailed(failure);
}
