/**
 * The routes evidence verification reads, for the fake GitHub API (fake-github.ts), answered the way
 * GitHub answers them (from the API description's examples: github-evidence-answers.ts):
 *
 *   GET /repos/{o}/{r}/issues/{n}                      `issue`: an issue; a pull request carries `pull_request`
 *   GET /repos/{o}/{r}/commits/{sha}/check-runs        `check-runs`: `{ total_count, check_runs: [{ name, status, … }] }`
 *   GET /repos/{o}/{r}/commits/{sha}/status            `combined-status`: the latest status per context
 *   GET /repos/{o}/{r}/git/trees/{sha}?recursive=1     `tree`: `{ sha, tree: [{ path, type, … }], truncated }`
 *   GET /repos/{o}/{r}/pulls/{n}/commits               `pull-commits`: the PR's commits, oldest first, paginated
 *   GET /repos/{o}/{r}/commits?sha=&path=              `commits`: commits reachable from `sha` that changed `path`
 *
 * Trees and commits come from the git repository the fake serves the repository from; issues and
 * check runs are set by the test, statuses are those posted to the server.
 */
import { execFile } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { pageOf, send, type EvidenceRoute } from './fake-http.js';
import {
  checkRunsJson,
  combinedStatusJson,
  commitJson,
  issueJson,
  treeJson,
  type CheckRunPullAnswer,
  type CombinedStatusEntry,
  type CommitAnswer,
  type TreeEntryAnswer,
} from './github-evidence-answers.js';

const execFileAsync = promisify(execFile);

/** `GET /pulls/{n}/commits` lists at most this many commits (GitHub REST docs). */
const PR_COMMITS_LIMIT = 250;

/** What the evidence routes need from the server they are part of. */
export interface FakeEvidenceHost {
  /** The git directory a repository is served from, if any. */
  gitDirOf(repository: string): string | undefined;
  /** The PR's base and head commits, if the server knows the PR. */
  pullOf(repository: string, number: number): { baseSha: string; headSha: string } | undefined;
  /** The repository's PRs whose head is `sha` (a check run lists them). */
  pullsWithHead(repository: string, sha: string): CheckRunPullAnswer[];
  /** Statuses posted on a commit, in order, with the id each got. */
  statusesOn(repository: string, sha: string): CombinedStatusEntry[];
}

export class FakeEvidence {
  private readonly issues = new Map<string, 'issue' | 'pull_request'>();
  private readonly checkRuns = new Map<string, string[]>();
  private checkRunsRefused = false;

  /** An issue (or, with `pull_request`, a PR) at `owner/repo#number`; PRs the server serves are PRs already. */
  setIssue(repository: string, number: number, kind: 'issue' | 'pull_request' = 'issue'): void {
    this.issues.set(`${repository}#${number}`, kind);
  }

  /** Check runs (by name) on a commit. */
  setCheckRuns(repository: string, sha: string, names: string[]): void {
    this.checkRuns.set(`${repository}@${sha}`, names);
  }

  /** Answer check-run requests with 403, as for a token without `checks: read`. */
  refuseCheckRuns(refused = true): void {
    this.checkRunsRefused = refused;
  }

  /** Answers a request to one of these routes; `params` are its path's (`owner/repo`, then a number or ref). */
  async serve(
    route: EvidenceRoute,
    params: string[],
    url: URL,
    res: ServerResponse,
    host: FakeEvidenceHost,
  ): Promise<void> {
    const [repository = '', id = ''] = params;
    switch (route) {
      case 'issue':
        return this.serveIssue(res, repository, Number(id), host);
      case 'check-runs':
        return this.serveCheckRuns(res, repository, id, host);
      case 'combined-status':
        return serveCombinedStatus(res, url, repository, id, host);
      case 'tree':
        return serveTree(res, url, repository, id, host);
      case 'pull-commits':
        return servePullCommits(res, url, repository, Number(id), host);
      case 'commits':
        return serveCommitsForPath(res, url, repository, host);
    }
  }

  private serveIssue(res: ServerResponse, repository: string, number: number, host: FakeEvidenceHost): void {
    const kind =
      this.issues.get(`${repository}#${number}`) ??
      (host.pullOf(repository, number) ? 'pull_request' : undefined);
    if (!kind) return notFound(res, 'issues/issues#get-an-issue');
    const title = `${kind === 'issue' ? 'Issue' : 'PR'} ${number}`;
    send(res, 200, issueJson({ repository, number, kind, title }));
  }

  private serveCheckRuns(res: ServerResponse, repository: string, sha: string, host: FakeEvidenceHost): void {
    if (this.checkRunsRefused) {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference',
        status: '403',
      });
    }
    const names = this.checkRuns.get(`${repository}@${sha}`) ?? [];
    send(res, 200, checkRunsJson(repository, sha, names, host.pullsWithHead(repository, sha)));
  }
}

function serveCombinedStatus(
  res: ServerResponse,
  url: URL,
  repository: string,
  sha: string,
  host: FakeEvidenceHost,
): void {
  const latest = [...new Map(host.statusesOn(repository, sha).map((s) => [s.context, s])).values()];
  const { items, headers } = pageOf(url, latest);
  send(res, 200, combinedStatusJson(repository, sha, latest, items), headers);
}

async function serveTree(
  res: ServerResponse,
  url: URL,
  repository: string,
  sha: string,
  host: FakeEvidenceHost,
): Promise<void> {
  const gitDir = host.gitDirOf(repository);
  // GitHub resolves a commit to its tree, and answers with the tree's own SHA.
  const treeSha = gitDir
    ? (await git(gitDir, ['rev-parse', '--verify', `${sha}^{tree}`]))?.trim()
    : undefined;
  if (!gitDir || !treeSha) return notFound(res, 'git/trees#get-a-tree');
  // Any value of `recursive` asks for the whole tree (GitHub REST docs).
  const recursive = url.searchParams.has('recursive') ? ['-r', '-t'] : [];
  const listing = (await git(gitDir, ['ls-tree', ...recursive, '-l', '-z', treeSha])) ?? '';
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line): TreeEntryAnswer => {
      const tab = line.indexOf('\t');
      const [mode = '', type = '', object = '', size = '-'] = line.slice(0, tab).split(/\s+/);
      return {
        path: line.slice(tab + 1),
        mode,
        type,
        sha: object,
        ...(size !== '-' ? { size: Number(size) } : {}),
      };
    });
  send(res, 200, treeJson(repository, treeSha, entries));
}

async function servePullCommits(
  res: ServerResponse,
  url: URL,
  repository: string,
  number: number,
  host: FakeEvidenceHost,
): Promise<void> {
  const pr = host.pullOf(repository, number);
  const gitDir = host.gitDirOf(repository);
  if (!pr || !gitDir) return notFound(res, 'pulls/pulls#list-commits-on-a-pull-request');
  const commits = await gitLog(gitDir, ['--reverse', `${pr.baseSha}..${pr.headSha}`]);
  const { items, headers } = pageOf(url, commits.slice(0, PR_COMMITS_LIMIT));
  send(
    res,
    200,
    items.map((commit) => commitJson('pulls/list-commits', repository, commit)),
    headers,
  );
}

async function serveCommitsForPath(
  res: ServerResponse,
  url: URL,
  repository: string,
  host: FakeEvidenceHost,
): Promise<void> {
  const gitDir = host.gitDirOf(repository);
  if (!gitDir) return notFound(res, 'commits/commits#list-commits');
  const sha = url.searchParams.get('sha') ?? 'HEAD';
  const path = url.searchParams.get('path');
  const commits = await gitLog(gitDir, [sha, ...(path ? ['--', path] : [])]);
  const { items, headers } = pageOf(url, commits);
  send(
    res,
    200,
    items.map((commit) => commitJson('repos/list-commits', repository, commit)),
    headers,
  );
}

/** GitHub's 404, with the documentation link its error answers carry. */
function notFound(res: ServerResponse, docs: string): void {
  send(res, 404, {
    message: 'Not Found',
    documentation_url: `https://docs.github.com/rest/${docs}`,
    status: '404',
  });
}

/** Commits as `git log` lists them (newest first unless `--reverse`), with what a commit answer shows. */
async function gitLog(gitDir: string, args: string[]): Promise<CommitAnswer[]> {
  // Fields apart by US, commits by RS: neither occurs in a SHA, a name, a date or a test's message.
  const format = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join('%x1f');
  const out = (await git(gitDir, ['log', `--format=${format}%x1e`, ...args])) ?? '';
  return out
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [
        sha = '',
        tree = '',
        parents = '',
        an = '',
        ae = '',
        ad = '',
        cn = '',
        ce = '',
        cd = '',
        message = '',
      ] = record.split('\x1f');
      return {
        sha,
        tree,
        parents: parents.split(' ').filter(Boolean),
        author: { name: an, email: ae, date: utc(ad) },
        committer: { name: cn, email: ce, date: utc(cd) },
        message: message.trimEnd(),
      };
    });
}

/** GitHub writes commit dates in UTC: `2011-04-14T16:00:49Z`. */
function utc(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function git(gitDir: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd: gitDir, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}
