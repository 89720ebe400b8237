/**
 * The fake GitHub's answers, GitHub-shaped: each starts from GitHub's own example answer for the
 * route (its OpenAPI description, extracted into generated/github-api-examples.json by
 * `npm run build:api-examples`) and sets only what the fake models: numbers, names, SHAs, states.
 * So every field a real answer has is there, with a realistic value, and the suite that runs behind
 * the validating proxy (Prism) checks the whole answer against the description.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Json = Record<string, unknown>;

/** The repository every example answer is about. */
const EXAMPLE_REPOSITORY = 'octocat/Hello-World';

const generated = JSON.parse(
  readFileSync(join(process.cwd(), '__tests__/helpers/generated/github-api-examples.json'), 'utf8'),
) as { examples: Record<string, unknown> };

/** Each example's text with its URLs pointed at a repository, made once: the fake answers thousands. */
const exampleTexts = new Map<string, string>();

/** A fresh copy of GitHub's example for an operation, its URLs pointed at `repository`. */
function example(operationId: string, repository: string): unknown {
  const key = `${operationId}\0${repository}`;
  let text = exampleTexts.get(key);
  if (text === undefined) {
    const value = generated.examples[operationId];
    if (value === undefined)
      throw new Error(`no example answer for ${operationId}: run npm run build:api-examples`);
    text = JSON.stringify(value).replaceAll(EXAMPLE_REPOSITORY, repository);
    exampleTexts.set(key, text);
  }
  return JSON.parse(text) as unknown;
}

/** GitHub's example answer for an operation that answers an object. */
export const exampleObject = (operationId: string, repository: string) =>
  example(operationId, repository) as Json;
/** The first item of GitHub's example answer for an operation that answers a list. */
export const firstItem = (operationId: string, repository: string) =>
  (example(operationId, repository) as Json[])[0] as Json;

/** A user as GitHub shows one: `[bot]` logins are of type Bot, and escaped in URLs (`%5Bbot%5D`). */
function userJson(template: unknown, login: string): Json {
  const name = encodeURIComponent(login);
  return {
    ...(template as Json),
    login,
    url: `https://api.github.com/users/${name}`,
    html_url: `https://github.com/${name}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
  };
}

/** A repository as the PR answer embeds it (`head.repo`, `base.repo`). */
export function repositoryJson(template: unknown, fullName: string, fork: boolean): Json {
  const [owner = '', name = ''] = fullName.split('/');
  const repo = template as Json;
  return { ...repo, name, full_name: fullName, fork, owner: userJson(repo.owner, owner) };
}

export interface PullAnswer {
  /** `owner/repo` of the base repository. */
  repository: string;
  number: number;
  title: string;
  body: string;
  draft: boolean;
  author: string;
  labels: readonly string[];
  headRef: string;
  headSha: string;
  /** `owner/repo` the head lives in; `null` when that repository was deleted (GitHub then answers `head.repo: null`). */
  headRepository: string | null;
  baseRef: string;
  baseSha: string;
  changedFiles: number;
}

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}` for an open PR. */
export function pullRequestJson(pr: PullAnswer): Json {
  const answer = exampleObject('pulls/get', pr.repository);
  const head = answer.head as Json;
  const base = answer.base as Json;
  const [baseOwner = ''] = pr.repository.split('/');
  // A deleted fork leaves only its owner, the PR's author, to name the head.
  const headOwner = pr.headRepository === null ? pr.author : (pr.headRepository.split('/')[0] ?? '');
  const label = (answer.labels as Json[])[0];
  return {
    ...answer,
    url: `https://api.github.com/repos/${pr.repository}/pulls/${pr.number}`,
    html_url: `https://github.com/${pr.repository}/pull/${pr.number}`,
    number: pr.number,
    title: pr.title,
    body: pr.body,
    draft: pr.draft,
    user: userJson(answer.user, pr.author),
    labels: pr.labels.map((name, index) => ({ ...label, id: index + 1, name })),
    // Open and unmerged, where the example is a merged, locked PR.
    state: 'open',
    locked: false,
    active_lock_reason: null,
    closed_at: null,
    merged_at: null,
    merged: false,
    merged_by: null,
    // The description's example lists a team without the `type` its own schema requires.
    requested_teams: [],
    head: {
      ...head,
      label: `${headOwner}:${pr.headRef}`,
      ref: pr.headRef,
      sha: pr.headSha,
      user: userJson(head.user, headOwner),
      repo:
        pr.headRepository === null
          ? null
          : repositoryJson(head.repo, pr.headRepository, pr.headRepository !== pr.repository),
    },
    base: {
      ...base,
      label: `${baseOwner}:${pr.baseRef}`,
      ref: pr.baseRef,
      sha: pr.baseSha,
      user: userJson(base.user, baseOwner),
      repo: repositoryJson(base.repo, pr.repository, false),
    },
    statuses_url: `https://api.github.com/repos/${pr.repository}/statuses/${pr.headSha}`,
    changed_files: pr.changedFiles,
  };
}

export interface DiffEntryAnswer {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  previousFilename?: string;
  /** Left out, as GitHub leaves it out for binary files and large diffs. */
  patch?: string;
}

/** One entry of `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`. */
/** The example file-list entry per repository, without the example's patch: every field is a scalar. */
const diffEntryTemplates = new Map<string, Json>();

export function diffEntryJson(repository: string, headSha: string, file: DiffEntryAnswer): Json {
  let answer = diffEntryTemplates.get(repository);
  if (!answer) {
    // The example's patch belongs to the example's file.
    answer = firstItem('pulls/list-files', repository);
    delete answer.patch;
    diffEntryTemplates.set(repository, answer);
  }
  const path = encodeURI(file.filename);
  return {
    ...answer,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `https://github.com/${repository}/blob/${headSha}/${path}`,
    raw_url: `https://github.com/${repository}/raw/${headSha}/${path}`,
    contents_url: `https://api.github.com/repos/${repository}/contents/${path}?ref=${headSha}`,
    ...(file.previousFilename !== undefined ? { previous_filename: file.previousFilename } : {}),
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
  };
}

/** `GET /repos/{owner}/{repo}/contents/{path}?ref=…` for a file, in its JSON (base64) form. */
export function contentFileJson(repository: string, ref: string, path: string, content: Uint8Array): Json {
  const answer = exampleObject('repos/get-content', repository);
  const links = answer._links as Json;
  const self = `https://api.github.com/repos/${repository}/contents/${encodeURI(path)}?ref=${ref}`;
  const html = `https://github.com/${repository}/blob/${ref}/${encodeURI(path)}`;
  return {
    ...answer,
    name: path.split('/').pop() ?? path,
    path,
    size: content.byteLength,
    content: Buffer.from(content).toString('base64'),
    url: self,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${repository}/${ref}/${encodeURI(path)}`,
    _links: { ...links, self, html },
  };
}

export interface StatusAnswer {
  repository: string;
  sha: string;
  id: number;
  state: string;
  context: string;
  description?: string;
  target_url?: string;
}

/** `POST /repos/{owner}/{repo}/statuses/{sha}`: the status as created. */
export function statusJson(status: StatusAnswer): Json {
  const answer = exampleObject('repos/create-commit-status', status.repository);
  return {
    ...answer,
    url: `https://api.github.com/repos/${status.repository}/statuses/${status.sha}`,
    id: status.id,
    node_id: Buffer.from(`06:Status${status.id}`).toString('base64'),
    state: status.state,
    context: status.context,
    description: status.description ?? null,
    target_url: status.target_url ?? null,
  };
}

export interface IssueCommentAnswer {
  repository: string;
  issueNumber: number;
  id: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** An issue comment (a PR's conversation comment), as listed, created or updated. */
export function issueCommentJson(comment: IssueCommentAnswer): Json {
  const answer = exampleObject('issues/create-comment', comment.repository);
  const issue = `https://api.github.com/repos/${comment.repository}/issues/${comment.issueNumber}`;
  return {
    ...answer,
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `https://api.github.com/repos/${comment.repository}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${comment.repository}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: issue,
    body: comment.body,
    user: userJson(answer.user, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
  };
}
