/** Which events Merge Gate acts on, and what it reads from their payloads (SPEC §2). */

/** `pull_request` / `pull_request_target` activity types that can change the verdict. */
export const PULL_REQUEST_ACTIONS: readonly string[] = [
  'opened',
  'synchronize',
  'reopened',
  'edited',
  'labeled',
  'unlabeled',
  'ready_for_review',
];

export type GateEvent =
  /** Statuses go on the PR's current head (the payload's `headSha` only if the PR cannot be read). */
  | {
      kind: 'pull_request';
      name: string;
      pullNumber: number;
      headSha: string;
      /**
       * The payload's `changed_files`: how many pages of files to ask for while the PR itself is
       * read. Only a hint (a re-run replays the payload): the PR read's count decides.
       */
      changedFiles?: number;
    }
  /** Statuses go on the merge group's head commit; the PR is the one the queue entry is for. */
  | { kind: 'merge_group'; name: string; pullNumber?: number; statusSha: string; headRef: string }
  /** Not ours: log and exit 0 without statuses (do not fail pushes to main). */
  | { kind: 'ignored'; name: string; reason: string }
  /** A payload without what the event must carry. */
  | { kind: 'invalid'; name: string; reason: string };

/**
 * The PR number in a merge queue branch, `gh-readonly-queue/<base>/pr-<N>-<sha>` (with or without
 * `refs/heads/`; the base branch may itself contain slashes).
 */
export function pullNumberFromQueueRef(ref: string): number | undefined {
  const match = /(?:^|\/)gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
  const number = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** `owner` and `repo` from `GITHUB_REPOSITORY`, or undefined when it is not `owner/repo`. */
export function repositoryOf(
  env: Record<string, string | undefined>,
): { owner: string; repo: string } | undefined {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const string = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Classifies the event from `GITHUB_EVENT_NAME` and the parsed `GITHUB_EVENT_PATH` payload. */
export function parseEvent(name: string | undefined, payload: unknown): GateEvent {
  const eventName = name ?? '';
  const body = object(payload);
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const action = string(body.action);
    if (action && !PULL_REQUEST_ACTIONS.includes(action)) {
      return {
        kind: 'ignored',
        name: eventName,
        reason: `the "${action}" activity cannot change the verdict`,
      };
    }
    const pr = object(body.pull_request);
    const number = typeof pr.number === 'number' ? pr.number : Number(body.number);
    if (!Number.isSafeInteger(number) || number <= 0) {
      return { kind: 'invalid', name: eventName, reason: 'the event payload has no pull_request.number' };
    }
    const changedFiles = typeof pr.changed_files === 'number' ? pr.changed_files : -1;
    return {
      kind: 'pull_request',
      name: eventName,
      pullNumber: number,
      headSha: string(object(pr.head).sha),
      ...(Number.isSafeInteger(changedFiles) && changedFiles >= 0 ? { changedFiles } : {}),
    };
  }
  if (eventName === 'merge_group') {
    const group = object(body.merge_group);
    const statusSha = string(group.head_sha);
    const headRef = string(group.head_ref);
    if (!statusSha)
      return { kind: 'invalid', name: eventName, reason: 'the event payload has no merge_group.head_sha' };
    return {
      kind: 'merge_group',
      name: eventName,
      pullNumber: pullNumberFromQueueRef(headRef),
      statusSha,
      headRef,
    };
  }
  return {
    kind: 'ignored',
    name: eventName,
    reason: 'Merge Gate evaluates pull_request, pull_request_target and merge_group events',
  };
}
