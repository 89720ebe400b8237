/**
 * A real loopback HTTP server standing in for the GitHub REST API, for tests and the benchmark:
 * the action's real Octokit (pagination, retry, throttling) talks to it over TCP.
 *
 *   const github = await FakeGitHub.start({ token, latencyMs: 20 }); // http://127.0.0.1:<port>
 *   await github.servePullRequestFromGit(repo.dir, { number: 7, headRef, base, head }); // files + contents from git
 *   github.addPullRequest({ number: 8, headRef, headSha, baseSha, files });             // or facts in memory
 *   github.setFile('octo/repo', headSha, 'proof.md', '…');                              // contents by hand
 *   github.inject('files', { kind: 'status', status: 502 }, 2);  // the next two file-list requests fail
 *   github.inject('statuses', { kind: 'timeout' }, Infinity, 7); // every status post after the first 7 hangs
 *   github.hideRepository('contributor/fork');                    // a private fork: 404 for everything
 *   github.comments.add('octo/repo', 7, 'LGTM');                   // a reviewer's comment on PR #7
 *   …  github.count('files'), github.peakConcurrency('statuses'), github.finalStatuses(sha), github.requests
 *   …  github.comments.on('octo/repo', 7)                          // PR #7's conversation, oldest first
 *   await github.close();
 *
 * Routes: `pull` (GET a PR), `pulls` (list PRs, e.g. the merged ones: fake-pull-list.ts), `files` (GET its files, 100 a page at most, capped at 3000 like GitHub),
 * `contents` (GET a file at a ref: raw bytes for the raw media type, else base64 JSON) and `compare`
 * (GET `base...head`: the merge base from git, else the PR's `mergeBaseSha`; fake-contents.ts), `statuses`
 * (POST a commit status; a description over 140 characters gets 422 like GitHub), `comments` (list,
 * create, edit and delete a PR's conversation comments; see fake-comments.ts), and evidence
 * verification's `issue`, `check-runs`, `combined-status`, `tree`, `pull-commits` and `commits`
 * (fake-evidence.ts). Anything else: 404. Success answers are GitHub-shaped: built from the API
 * description's examples (fake-answers.ts, github-answers.ts, github-evidence-answers.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { RequestTimeout } from '../../src/github/client.js';
import { FakeComments, type FakeAnswer } from './fake-comments.js';
import { FakeContents } from './fake-contents.js';
import { changedFilesFromGit } from './fake-git-store.js';
import type {
  FakeGitHubOptions,
  FakePullRequest,
  PostedStatus,
  RecordedRequest,
} from './fake-github-types.js';
import { filesAnswer, FILES_LIMIT, pullAnswer, statusAnswer } from './fake-answers.js';
import { pullListPage } from './fake-pull-list.js';
import { FakeEvidence } from './fake-evidence.js';
import {
  answerWithFault,
  Barriers,
  FaultPlan,
  parseJson,
  readBody,
  routeOf,
  send,
  type Fault,
  type Route,
} from './fake-http.js';

export { FILES_LIMIT };

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly statuses: PostedStatus[] = [];
  /** The PRs' conversation comments (issue comments). */
  readonly comments = new FakeComments();
  /** Issues, check runs, trees and commits for evidence verification (see fake-evidence.ts). */
  readonly evidence = new FakeEvidence();
  latencyMs: number;
  readonly repository: string;
  private readonly pulls = new Map<string, FakePullRequest>();
  private readonly contents = new FakeContents();
  private readonly hidden = new Set<string>();
  private readonly faults = new FaultPlan();
  private readonly barriers = new Barriers();
  private readonly inFlight = new Map<Route, number>();
  private readonly peak = new Map<Route, number>();

  private constructor(
    private readonly server: Server | HttpsServer,
    readonly url: string,
    private readonly options: FakeGitHubOptions,
  ) {
    this.latencyMs = options.latencyMs ?? 0;
    this.repository = options.repository ?? 'octo/repo';
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port (never a DNS name: failed lookups retry for seconds). */
  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const server = options.tls ? createHttpsServer(options.tls) : createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGitHub(server, `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    return fake;
  }

  addPullRequest(pr: FakePullRequest): void {
    this.pulls.set(`${pr.repository ?? this.repository}#${pr.number}`, pr);
  }

  /** A file at a commit (or ref) of a repository; `null` makes it answer 404 even if git has it. */
  setFile(repository: string, ref: string, path: string, content: string | Uint8Array | null): void {
    this.contents.set(repository, ref, path, content);
  }

  /**
   * Every request about `repository` answers 404, as GitHub answers for a private repository the
   * token cannot see (a private fork under the base repository's token).
   */
  hideRepository(repository: string): void {
    this.hidden.add(repository);
  }

  /** Answers contents requests for `repository` at any commit from a git repository on disk. */
  serveGit(repository: string, gitDir: string): void {
    this.contents.serveGit(repository, gitDir);
  }

  /**
   * Serves the PR `git diff base...head` describes in a repository on disk (files listed by the
   * local git source, an implementation independent of the action's), with contents from git.
   */
  async servePullRequestFromGit(
    gitDir: string,
    pr: Omit<FakePullRequest, 'files' | 'headSha' | 'baseSha'> & { base: string; head: string },
  ): Promise<FakePullRequest> {
    const { base, head, ...rest } = pr;
    const { headSha, baseSha, files } = await changedFilesFromGit(gitDir, base, head, pr.headRef);
    const served: FakePullRequest = { ...rest, headSha, baseSha, files };
    this.addPullRequest(served);
    // Base (config) and head (proof) contents come from the same repository on disk.
    this.serveGit(pr.repository ?? this.repository, gitDir);
    if (pr.headRepository) this.serveGit(pr.headRepository, gitDir);
    return served;
  }

  /**
   * The next `times` requests to `route` get `fault` (Infinity: all of them), after letting `after`
   * requests through normally (e.g. `after: 7` fails the final status posts, not the pending ones).
   */
  inject(route: Route, fault: Fault, times = 1, after = 0): void {
    this.faults.inject(route, fault, times, after);
  }

  /**
   * A client timeout that waits `hungMs` for a request this server will leave hanging (a `timeout`
   * fault is due on its route) and `normalMs` for any other: a timeout is still a real abort, but
   * a test need not wait seconds for each, and a slow answer on a loaded machine is never cut.
   */
  requestTimeout(normalMs: number, hungMs = 50): RequestTimeout {
    return ({ method, url }) => {
      const { route } = routeOf(method, decodeURIComponent(new URL(url).pathname));
      return this.faults.peek(route)?.kind === 'timeout' ? hungMs : normalMs;
    };
  }

  /** Answers no request to `route` until `count` of them are in flight together (see `Barriers`). */
  holdAnswers(route: Route, count: number, maxWaitMs?: number): void {
    this.barriers.hold(route, count, maxWaitMs);
  }

  /** Answers the requests `holdAnswers` is holding on `route` now. */
  releaseAnswers(route: Route): void {
    this.barriers.release(route);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Requests received, all or to one route (faulted ones included). */
  count(route?: Route): number {
    return route ? this.requests.filter((r) => r.route === route).length : this.requests.length;
  }

  /** The most requests to `route` the server was handling at the same moment. */
  peakConcurrency(route: Route): number {
    return this.peak.get(route) ?? 0;
  }

  /**
   * The first `count` statuses posted on `sha` as sorted [context, state] pairs: the pending posts
   * run concurrently, so only which ones came first is fixed, not their order.
   */
  firstPosted(sha: string, count: number): string[][] {
    return this.statusesFor(sha)
      .slice(0, count)
      .map((s) => [s.context, s.state])
      .sort();
  }

  /** Statuses posted on a commit, in the order received. */
  statusesFor(sha: string): PostedStatus[] {
    return this.statuses.filter((s) => s.sha === sha);
  }

  /** The last status per context on a commit: what GitHub would show. */
  finalStatuses(sha: string): Map<string, PostedStatus> {
    return new Map(this.statusesFor(sha).map((s) => [s.context, s]));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname);
    const { route, params } = routeOf(req.method ?? 'GET', path);
    const raw = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      route,
      headers: req.headers,
      receivedAt: performance.now(),
    };
    res.once('finish', () => (recorded.answeredAt = performance.now()));
    if (raw) recorded.body = parseJson(raw);
    this.requests.push(recorded);
    const inFlight = (this.inFlight.get(route) ?? 0) + 1;
    this.inFlight.set(route, inFlight);
    this.peak.set(route, Math.max(inFlight, this.peak.get(route) ?? 0));
    res.once('close', () => this.inFlight.set(route, (this.inFlight.get(route) ?? 1) - 1));
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    await this.barriers.pass(route);

    const fault = this.faults.take(route);
    if (fault) {
      recorded.fault = fault.kind;
      return answerWithFault(fault, res);
    }
    if (this.options.token && !this.authorized(req)) return send(res, 401, { message: 'Bad credentials' });
    if (params[0] !== undefined && this.hidden.has(params[0]))
      return send(res, 404, { message: 'Not Found' });
    const answer = (a: FakeAnswer) => send(res, a.status, a.body, a.headers);
    try {
      switch (route) {
        case 'pull':
          return answer(pullAnswer(this.pullOf(params[0] ?? '', Number(params[1])), params[0] ?? ''));
        case 'pulls': {
          const page = pullListPage(url, [...this.pulls.values()], params[0] ?? '');
          return send(res, 200, page.items, page.headers);
        }
        case 'files':
          return answer(filesAnswer(this.pullOf(params[0] ?? '', Number(params[1])), url, params[0] ?? ''));
        case 'contents':
          return await this.contents.serve(req, res, {
            repository: params[0] ?? '',
            path: params[1] ?? '',
            ref: url.searchParams.get('ref') ?? '',
            rawContents: this.options.rawContents !== false,
          });
        case 'compare': {
          const [repository = '', base = '', head = ''] = params;
          const pr = [...this.pulls.values()].find(
            (p) =>
              (p.repository ?? this.repository) === repository && p.baseSha === base && p.headSha === head,
          );
          return await this.contents.serveCompare(res, { repository, base, head, pr });
        }
        case 'statuses':
          return answer(statusAnswer(this.statuses, params[0] ?? '', params[1] ?? '', recorded.body));
        case 'comments': {
          const [repository = '', number = ''] = params;
          const knownPr = this.pulls.has(`${repository}#${number}`);
          return answer(
            this.comments.answer(recorded.method, url, recorded.body, repository, Number(number), knownPr),
          );
        }
        case 'other':
          return send(res, 404, { message: 'Not Found' });
        default:
          return await this.evidence.serve(route, params, url, res, this.evidenceHost);
      }
    } catch (error) {
      send(res, 500, { message: `fake server error: ${(error as Error).message}` });
    }
  }

  private readonly evidenceHost = {
    gitDirOf: (repository: string) => this.contents.gitDirOf(repository),
    pullOf: (repository: string, number: number) => this.pulls.get(`${repository}#${number}`),
    pullsWithHead: (repository: string, sha: string) =>
      [...this.pulls.values()]
        .filter((p) => (p.repository ?? this.repository) === repository && p.headSha === sha)
        .map((p) => ({ ...p, baseRef: p.baseRef ?? 'main' })),
    // A status's id is its place among all posts, as the post's answer said (statusJson).
    statusesOn: (repository: string, sha: string) =>
      this.statuses
        .map((s, index) => ({ ...s, id: index + 1 }))
        .filter((s) => s.repository === repository && s.sha === sha),
  };

  private pullOf(repository: string, number: number): FakePullRequest | undefined {
    return this.pulls.get(`${repository}#${number}`);
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    return header === `token ${this.options.token}` || header === `Bearer ${this.options.token}`;
  }
}

export type { Fault, Route } from './fake-http.js';
export type {
  FakeGitHubOptions,
  FakePullRequest,
  PostedStatus,
  RecordedRequest,
} from './fake-github-types.js';
export { gitRepoFromFixture } from './git-repo.js';
