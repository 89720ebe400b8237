/**
 * The routes evidence verification reads, for the fake GitHub API (fake-github.ts), answered the way
 * GitHub answers them:
 *
 *   GET /repos/{o}/{r}/issues/{n}                      an issue; a pull request carries `pull_request`
 *   GET /repos/{o}/{r}/commits/{sha}/check-runs        `{ total_count, check_runs: [{ name, status, … }] }`
 *   GET /repos/{o}/{r}/commits/{sha}/status            combined status: the latest status per context
 *   GET /repos/{o}/{r}/git/trees/{sha}?recursive=1     `{ sha, tree: [{ path, type, … }], truncated }`
 *   GET /repos/{o}/{r}/pulls/{n}/commits               the PR's commits, oldest first, paginated
 *   GET /repos/{o}/{r}/commits?sha=&path=              commits reachable from `sha` that changed `path`
 *
 * Trees and commits come from the git repository the fake serves the repository from; issues and
 * check runs are set by the test. Kept in its own file: the server only hands unknown GET routes here.
 */
import { execFile } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { pageOf, send } from './fake-http.js';

const execFileAsync = promisify(execFile);

/** What the evidence routes need from the server they are part of. */
export interface FakeEvidenceHost {
  /** The git directory a repository is served from, if any. */
  gitDirOf(repository: string): string | undefined;
  /** The PR's base and head commits, if the server knows the PR. */
  pullOf(repository: string, number: number): { baseSha: string; headSha: string } | undefined;
  /** Statuses posted on a commit, in order. */
  statusesOn(repository: string, sha: string): { context: string; state: string; description?: string }[];
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

  /** Answers the request if it is one of these routes; false when it is not. */
  async serve(
    method: string,
    path: string,
    url: URL,
    res: ServerResponse,
    host: FakeEvidenceHost,
  ): Promise<boolean> {
    if (method !== 'GET') return false;
    let match: RegExpExecArray | null;
    if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)$/.exec(path))) {
      this.serveIssue(res, match[1] ?? '', Number(match[2]), host);
    } else if ((match = /^\/repos\/([^/]+\/[^/]+)\/commits\/([^/]+)\/check-runs$/.exec(path))) {
      this.serveCheckRuns(res, match[1] ?? '', match[2] ?? '');
    } else if ((match = /^\/repos\/([^/]+\/[^/]+)\/commits\/([^/]+)\/status$/.exec(path))) {
      this.serveCombinedStatus(res, match[1] ?? '', match[2] ?? '', host);
    } else if ((match = /^\/repos\/([^/]+\/[^/]+)\/git\/trees\/([0-9a-f]{40})$/.exec(path))) {
      await this.serveTree(res, match[1] ?? '', match[2] ?? '', url, host);
    } else if ((match = /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)\/commits$/.exec(path))) {
      await this.servePullCommits(res, url, match[1] ?? '', Number(match[2]), host);
    } else if ((match = /^\/repos\/([^/]+\/[^/]+)\/commits$/.exec(path))) {
      await this.serveCommitsForPath(res, url, match[1] ?? '', host);
    } else {
      return false;
    }
    return true;
  }

  private serveIssue(res: ServerResponse, repository: string, number: number, host: FakeEvidenceHost): void {
    const kind =
      this.issues.get(`${repository}#${number}`) ??
      (host.pullOf(repository, number) ? 'pull_request' : undefined);
    if (!kind) return send(res, 404, { message: 'Not Found' });
    const htmlUrl = `https://github.com/${repository}/${kind === 'issue' ? 'issues' : 'pull'}/${number}`;
    send(res, 200, {
      number,
      title: `${kind === 'issue' ? 'Issue' : 'PR'} ${number}`,
      state: 'open',
      html_url: htmlUrl,
      ...(kind === 'pull_request'
        ? {
            pull_request: {
              url: `https://api.github.com/repos/${repository}/pulls/${number}`,
              html_url: htmlUrl,
            },
          }
        : {}),
    });
  }

  private serveCheckRuns(res: ServerResponse, repository: string, sha: string): void {
    if (this.checkRunsRefused) {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference',
      });
    }
    const names = this.checkRuns.get(`${repository}@${sha}`) ?? [];
    send(res, 200, {
      total_count: names.length,
      check_runs: names.map((name, id) => ({
        id,
        name,
        head_sha: sha,
        status: 'in_progress',
        conclusion: null,
      })),
    });
  }

  private serveCombinedStatus(
    res: ServerResponse,
    repository: string,
    sha: string,
    host: FakeEvidenceHost,
  ): void {
    const latest = new Map(host.statusesOn(repository, sha).map((s) => [s.context, s]));
    const statuses = [...latest.values()].map((s, id) => ({
      id,
      context: s.context,
      state: s.state,
      description: s.description ?? null,
    }));
    send(res, 200, {
      state: statuses.length ? 'pending' : 'pending',
      sha,
      total_count: statuses.length,
      statuses,
    });
  }

  private async serveTree(
    res: ServerResponse,
    repository: string,
    sha: string,
    url: URL,
    host: FakeEvidenceHost,
  ): Promise<void> {
    const gitDir = host.gitDirOf(repository);
    if (!gitDir) return send(res, 404, { message: 'Not Found' });
    const recursive = url.searchParams.has('recursive');
    const lines = await git(gitDir, ['ls-tree', ...(recursive ? ['-r', '-t'] : []), '-z', sha]);
    if (lines === undefined) return send(res, 404, { message: 'Not Found' });
    const tree = lines
      .split('\0')
      .filter(Boolean)
      .map((entry) => {
        const [meta = '', path = ''] = entry.split('\t');
        const [mode, type, object] = meta.split(' ');
        return {
          path,
          mode,
          type,
          sha: object,
          url: `${url.origin}/repos/${repository}/git/${type}s/${object}`,
        };
      });
    send(res, 200, { sha, url: url.toString(), tree, truncated: false });
  }

  private async servePullCommits(
    res: ServerResponse,
    url: URL,
    repository: string,
    number: number,
    host: FakeEvidenceHost,
  ): Promise<void> {
    const pr = host.pullOf(repository, number);
    const gitDir = host.gitDirOf(repository);
    if (!pr || !gitDir) return send(res, 404, { message: 'Not Found' });
    const shas = ((await git(gitDir, ['rev-list', '--reverse', `${pr.baseSha}..${pr.headSha}`])) ?? '')
      .split('\n')
      .filter(Boolean);
    const { items, headers } = pageOf(url, shas.slice(0, 250));
    send(
      res,
      200,
      items.map((sha) => ({ sha, commit: { message: `commit ${sha.slice(0, 7)}` }, parents: [] })),
      headers,
    );
  }

  private async serveCommitsForPath(
    res: ServerResponse,
    url: URL,
    repository: string,
    host: FakeEvidenceHost,
  ): Promise<void> {
    const gitDir = host.gitDirOf(repository);
    const sha = url.searchParams.get('sha') ?? 'HEAD';
    const path = url.searchParams.get('path');
    if (!gitDir) return send(res, 404, { message: 'Not Found' });
    const shas = ((await git(gitDir, ['rev-list', sha, ...(path ? ['--', path] : [])])) ?? '')
      .split('\n')
      .filter(Boolean);
    const { items, headers } = pageOf(url, shas);
    send(
      res,
      200,
      items.map((commit) => ({ sha: commit, commit: { message: `commit ${commit.slice(0, 7)}` } })),
      headers,
    );
  }
}

async function git(gitDir: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd: gitDir, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}
