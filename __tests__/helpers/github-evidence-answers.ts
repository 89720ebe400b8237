/**
 * The fake GitHub's answers to evidence verification's reads (fake-evidence.ts), GitHub-shaped the
 * way github-answers.ts builds the core routes': each starts from GitHub's own example answer for
 * the operation and sets only what points at the test's data (numbers, names, SHAs, paths, states,
 * dates), so the suite behind the validating proxy checks the whole answer against the description.
 */
import { exampleObject, firstItem, repositoryJson, type Json } from './github-answers.js';

const API = 'https://api.github.com';

export interface IssueAnswer {
  repository: string;
  number: number;
  /** A pull request is an issue too: its issue answer carries `pull_request`. */
  kind: 'issue' | 'pull_request';
  title: string;
}

/** `GET /repos/{owner}/{repo}/issues/{issue_number}` for an open issue or pull request. */
export function issueJson(issue: IssueAnswer): Json {
  const { pull_request: pullLinks, ...answer } = exampleObject('issues/get', issue.repository);
  const api = `${API}/repos/${issue.repository}/issues/${issue.number}`;
  const html = `https://github.com/${issue.repository}/${issue.kind === 'issue' ? 'issues' : 'pull'}/${issue.number}`;
  return {
    ...answer,
    id: issue.number,
    node_id: Buffer.from(`05:Issue${issue.number}`).toString('base64'),
    url: api,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    number: issue.number,
    title: issue.title,
    // Open, where the example is a locked issue with a closing reason.
    state: 'open',
    state_reason: null,
    locked: false,
    active_lock_reason: null,
    closed_at: null,
    closed_by: null,
    ...(issue.kind === 'pull_request'
      ? {
          pull_request: {
            ...(pullLinks as Json),
            url: `${API}/repos/${issue.repository}/pulls/${issue.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: null,
          },
        }
      : {}),
  };
}

/** A pull request as a check run lists it (`pull_requests`: the open PRs whose head is the run's commit). */
export interface CheckRunPullAnswer {
  number: number;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
}

/**
 * `GET /repos/{owner}/{repo}/commits/{ref}/check-runs`: runs named `names` on `sha`, still in
 * progress (a test job may still be running while the gate runs).
 */
export function checkRunsJson(
  repository: string,
  sha: string,
  names: readonly string[],
  pulls: readonly CheckRunPullAnswer[],
): Json {
  const answer = exampleObject('checks/list-for-ref', repository);
  const template = (answer.check_runs as Json[])[0] ?? {};
  const pullTemplate = ((template.pull_requests as Json[] | undefined) ?? [])[0] ?? {};
  const repo = {
    ...((pullTemplate.head as Json).repo as Json),
    url: `${API}/repos/${repository}`,
    name: repository.split('/')[1] ?? repository,
  };
  const pullRequests = pulls.map((pr) => ({
    ...pullTemplate,
    url: `${API}/repos/${repository}/pulls/${pr.number}`,
    id: pr.number,
    number: pr.number,
    head: { ref: pr.headRef, sha: pr.headSha, repo },
    base: { ref: pr.baseRef, sha: pr.baseSha, repo },
  }));
  // The example's run belongs to github/hello-world, not to the example repository: its URLs are set here.
  const runs = names.map((name, index) => {
    const id = index + 1;
    const url = `${API}/repos/${repository}/check-runs/${id}`;
    return {
      ...template,
      id,
      node_id: Buffer.from(`08:CheckRun${id}`).toString('base64'),
      name,
      head_sha: sha,
      url,
      html_url: `https://github.com/${repository}/runs/${id}`,
      status: 'in_progress',
      conclusion: null,
      completed_at: null,
      output: { ...(template.output as Json), annotations_url: `${url}/annotations` },
      pull_requests: pullRequests,
    };
  });
  return { ...answer, total_count: runs.length, check_runs: runs };
}

/** A commit status as the combined status lists it: the latest of its context. */
export interface CombinedStatusEntry {
  /** The id the status got when it was posted. */
  id: number;
  context: string;
  state: string;
  description?: string;
  target_url?: string;
}

/**
 * `GET /repos/{owner}/{repo}/commits/{ref}/status`: `statuses` is the page asked for, `total` the
 * number of contexts, `state` is computed from all of them (`all`) as GitHub does.
 */
export function combinedStatusJson(
  repository: string,
  sha: string,
  all: readonly CombinedStatusEntry[],
  statuses: readonly CombinedStatusEntry[],
): Json {
  const answer = exampleObject('repos/get-combined-status-for-ref', repository);
  const template = (answer.statuses as Json[])[0] ?? {};
  return {
    ...answer,
    state: combinedState(all.map((s) => s.state)),
    sha,
    total_count: all.length,
    statuses: statuses.map((status) => ({
      ...template,
      url: `${API}/repos/${repository}/statuses/${sha}`,
      id: status.id,
      node_id: Buffer.from(`06:Status${status.id}`).toString('base64'),
      state: status.state,
      description: status.description ?? null,
      target_url: status.target_url ?? null,
      context: status.context,
    })),
    repository: repositoryJson(answer.repository, repository, false),
    commit_url: `${API}/repos/${repository}/commits/${sha}`,
    url: `${API}/repos/${repository}/commits/${sha}/status`,
  };
}

/** GitHub's rule: failure if any context failed or errored, pending if any is pending or none exists. */
function combinedState(states: readonly string[]): string {
  if (states.some((s) => s === 'failure' || s === 'error')) return 'failure';
  if (states.length === 0 || states.includes('pending')) return 'pending';
  return 'success';
}

/** One entry of a git tree, as `git ls-tree -l` lists it. */
export interface TreeEntryAnswer {
  path: string;
  mode: string;
  type: string;
  sha: string;
  /** Blobs only. */
  size?: number;
}

/** `GET /repos/{owner}/{repo}/git/trees/{tree_sha}` (with `recursive`, every entry below the tree). */
export function treeJson(repository: string, treeSha: string, entries: readonly TreeEntryAnswer[]): Json {
  const answer = exampleObject('git/get-tree', repository);
  // The example's entry is a blob: a tree entry has no size.
  const template = { ...(answer.tree as Json[])[0] };
  delete template.size;
  return {
    ...answer,
    sha: treeSha,
    url: `${API}/repos/${repository}/git/trees/${treeSha}`,
    tree: entries.map((entry) => ({
      ...template,
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size !== undefined ? { size: entry.size } : {}),
      url: `${API}/repos/${repository}/git/${entry.type}s/${entry.sha}`,
    })),
    truncated: false,
  };
}

/** A git identity and time, as a commit records them. */
export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601. */
  date: string;
}

export interface CommitAnswer {
  sha: string;
  tree: string;
  parents: readonly string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
}

/** One commit of `GET /repos/{owner}/{repo}/pulls/{pull_number}/commits` or `GET /repos/{owner}/{repo}/commits`. */
export function commitJson(
  operationId: 'pulls/list-commits' | 'repos/list-commits',
  repository: string,
  commit: CommitAnswer,
): Json {
  const answer = firstItem(operationId, repository);
  const api = `${API}/repos/${repository}`;
  const commitUrl = (sha: string) => `${api}/commits/${sha}`;
  const htmlUrl = (sha: string) => `https://github.com/${repository}/commit/${sha}`;
  return {
    ...answer,
    url: commitUrl(commit.sha),
    sha: commit.sha,
    node_id: Buffer.from(`06:Commit${commit.sha}`).toString('base64'),
    html_url: htmlUrl(commit.sha),
    comments_url: `${commitUrl(commit.sha)}/comments`,
    commit: {
      ...(answer.commit as Json),
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { url: `${api}/git/trees/${commit.tree}`, sha: commit.tree },
    },
    parents: commit.parents.map((sha) => ({ url: commitUrl(sha), sha, html_url: htmlUrl(sha) })),
  };
}
