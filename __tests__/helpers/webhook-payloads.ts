/**
 * Event payloads as GitHub sends them: the recorded webhook payloads of `@octokit/webhooks-examples`,
 * and the JSON schemas of `@octokit/webhooks-schemas` that every payload a test hands the action
 * (`GITHUB_EVENT_PATH`) must satisfy, so a test event can never be tidier than GitHub's.
 *
 *   recordedPayloads('pull_request', 'opened')          // every recorded `opened` payload, fresh copies
 *   pullRequestPayload('synchronize', { repository: 'octo/repo', number: 7, headSha })
 *   webhookProblems('pull_request_target', payload)     // [] when the payload is GitHub-shaped
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;

const modules = join(process.cwd(), 'node_modules/@octokit');
let examples: { name: string; examples: Json[] }[] | undefined;
let schema: { definitions: Record<string, unknown> } | undefined;
const validators = new Map<string, ValidateFunction>();

/** Events whose recorded payloads and schemas tests use (`pull_request_target` sends `pull_request`'s payload). */
export type WebhookEvent = 'pull_request' | 'merge_group' | 'push';

/** Fresh copies of GitHub's recorded payloads of `event` (of one activity type, when given). */
export function recordedPayloads(event: WebhookEvent, action?: string): Json[] {
  examples ??= JSON.parse(
    readFileSync(join(modules, 'webhooks-examples/api.github.com/index.json'), 'utf8'),
  ) as { name: string; examples: Json[] }[];
  const recorded = examples.find((entry) => entry.name === event)?.examples ?? [];
  return recorded
    .filter((payload) => action === undefined || payload.action === action)
    .map((payload) => structuredClone(payload));
}

/** The schema definition a payload of this event and activity type must satisfy. */
function definitionOf(eventName: string, payload: unknown): string {
  const event = eventName === 'pull_request_target' ? 'pull_request' : eventName;
  if (event === 'push') return 'push$event';
  const action = (payload as Json | undefined)?.action;
  return `${event}$${typeof action === 'string' ? action : ''}`;
}

/**
 * What makes `payload` unlike anything GitHub sends for `eventName` (its webhook schema's
 * complaints, one line each), or `[]`. An event without a schema is a problem too.
 */
export function webhookProblems(eventName: string, payload: unknown): string[] {
  const definition = definitionOf(eventName, payload);
  let validate = validators.get(definition);
  if (!validate) {
    schema ??= JSON.parse(readFileSync(join(modules, 'webhooks-schemas/schema.json'), 'utf8')) as {
      definitions: Record<string, unknown>;
    };
    if (!(definition in schema.definitions)) return [`no webhook schema for ${definition}`];
    const ajv = new Ajv({ strict: false, allErrors: true });
    // A CommonJS module: under NodeNext its default import is `module.exports`, the plugin is `.default`.
    addFormatsModule.default(ajv);
    validate = ajv.compile({ $ref: `#/definitions/${definition}`, definitions: schema.definitions });
    validators.set(definition, validate);
  }
  if (validate(payload)) return [];
  return (validate.errors ?? []).map(
    (error) => `${definition}${error.instancePath || '/'} ${error.message ?? ''}`,
  );
}

/** Throws, naming what is wrong, unless `payload` is shaped like GitHub's payloads of `eventName`. */
export function expectGitHubShaped(eventName: string, payload: unknown): void {
  const problems = webhookProblems(eventName, payload);
  if (problems.length > 0) {
    throw new Error(
      `This "${eventName}" test event is not shaped like GitHub's (@octokit/webhooks-schemas):\n` +
        problems.slice(0, 10).join('\n'),
    );
  }
}

/** Sets a repository object's owner and name (its URLs stay as recorded: the action reads none). */
function renameRepository(repo: unknown, fullName: string): void {
  const [owner = '', name = ''] = fullName.split('/');
  const json = repo as Json;
  json.name = name;
  json.full_name = fullName;
  (json.owner as Json).login = owner;
}

export interface PayloadTarget {
  /** `owner/repo` of the base repository (the recorded one when left out). */
  repository?: string;
  /** The PR number (the recorded one when left out). */
  number?: number;
  /** The PR's head commit as the event saw it. */
  headSha: string;
  /** The PR's count of changed files as the event saw it (the recorded one, 1, when left out). */
  changedFiles?: number;
}

/**
 * A recorded `pull_request` payload of activity `action` (the first one that satisfies today's
 * schema: older recordings lack fields GitHub has added since), pointed at a test PR: only the
 * repository's owner and name, the PR number and the head SHA (and, for `synchronize`, `after`,
 * which is that SHA) are rewritten. GitHub's examples have no `edited` payload; it is the recorded
 * `opened` payload with `action: edited` and the `changes` GitHub sends with it.
 */
export function pullRequestPayload(action: string, target: PayloadTarget): Json {
  const recorded = recordedPayloads('pull_request', action === 'edited' ? 'opened' : action).filter(
    (payload) => webhookProblems('pull_request', payload).length === 0,
  )[0];
  if (!recorded) throw new Error(`no recorded pull_request payload for "${action}"`);
  const payload = action === 'edited' ? editedFrom(recorded) : recorded;
  return pointAt(payload, target);
}

/** An `opened` payload as the `edited` one GitHub sends when the title changes. */
function editedFrom(opened: Json): Json {
  const pr = opened.pull_request as Json;
  return { ...opened, action: 'edited', changes: { title: { from: `${String(pr.title)} (draft title)` } } };
}

/** Rewrites what must point at the test PR; everything else stays as GitHub recorded it. */
export function pointAt(payload: Json, target: PayloadTarget): Json {
  const pr = payload.pull_request as Json;
  const head = pr.head as Json;
  const base = pr.base as Json;
  const recordedBase = String((base.repo as Json).full_name);
  if (target.repository) {
    renameRepository(payload.repository, target.repository);
    renameRepository(base.repo, target.repository);
    // A same-repository head (all of GitHub's recordings) moves with its repository.
    if (head.repo && (head.repo as Json).full_name === recordedBase)
      renameRepository(head.repo, target.repository);
  }
  if (target.number !== undefined) {
    payload.number = target.number;
    pr.number = target.number;
  }
  head.sha = target.headSha;
  if (target.changedFiles !== undefined) pr.changed_files = target.changedFiles;
  if (payload.action === 'synchronize') payload.after = target.headSha;
  return payload;
}

/** A recorded push (the action ignores pushes), the first that satisfies today's schema. */
export function recordedPush(): Json {
  const push = recordedPayloads('push').find((payload) => webhookProblems('push', payload).length === 0);
  if (!push) throw new Error('no recorded push payload');
  return push;
}

export interface MergeGroupTarget {
  /** `owner/repo` (the recorded one when left out). */
  repository?: string;
  /** The PR the queue entry is for: goes into the queue branch name. */
  number: number;
  /** The PR's head commit (also in the queue branch name). */
  headSha: string;
  /** The merge group's commit, where the statuses go (the recorded one when left out). */
  groupSha?: string;
}

/**
 * A recorded `merge_group` `checks_requested` payload (the first that satisfies today's schema),
 * its queue branch `gh-readonly-queue/<base>/pr-<N>-<sha>` naming the test PR and its head commit.
 */
export function mergeGroupPayload(target: MergeGroupTarget): Json {
  const recorded = recordedPayloads('merge_group', 'checks_requested').filter(
    (payload) => webhookProblems('merge_group', payload).length === 0,
  )[0];
  if (!recorded) throw new Error('no recorded merge_group payload');
  return pointMergeGroupAt(recorded, target);
}

/** Rewrites the queue branch (PR number and head SHA), and the repository and group commit when given. */
export function pointMergeGroupAt(payload: Json, target: MergeGroupTarget): Json {
  const group = payload.merge_group as Json;
  group.head_ref = String(group.head_ref).replace(
    /\/pr-\d+-[0-9a-f]+$/,
    `/pr-${target.number}-${target.headSha}`,
  );
  if (target.groupSha) group.head_sha = target.groupSha;
  if (target.repository) renameRepository(payload.repository, target.repository);
  return payload;
}
