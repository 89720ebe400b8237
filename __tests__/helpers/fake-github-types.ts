/** What the fake GitHub records and serves (fake-github.ts). */
import type { IncomingMessage } from 'node:http';
import type { ChangedFile } from '../../src/model/facts.js';
import type { Fault, Route } from './fake-http.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path, without the query. */
  path: string;
  query: URLSearchParams;
  route: Route;
  headers: IncomingMessage['headers'];
  body?: unknown;
  /** The fault injected into this request, if one was. */
  fault?: Fault['kind'];
  /** `performance.now()` when the request had arrived (its body read), and when its answer was sent. */
  receivedAt: number;
  answeredAt?: number;
}

export interface PostedStatus {
  repository: string;
  sha: string;
  context: string;
  state: string;
  description?: string;
  target_url?: string;
}

export interface FakePullRequest {
  /** `owner/repo` of the base repository; defaults to the server's repository. */
  repository?: string;
  number: number;
  title?: string;
  body?: string;
  draft?: boolean;
  author?: string;
  labels?: string[];
  headRef: string;
  headSha: string;
  /**
   * `owner/repo` the head lives in (a fork); defaults to the base repository. `null`: the fork was
   * deleted, and GitHub answers `head.repo: null`.
   */
  headRepository?: string | null;
  baseRef?: string;
  baseSha: string;
  /** The commit `baseSha...headSha` starts from, when git does not serve the repository; default `baseSha`. */
  mergeBaseSha?: string;
  files: ChangedFile[];
  /** The PR's `changed_files`; defaults to `files.length`. */
  changedFiles?: number;
  /** ISO 8601: a merged PR, listed by `GET /repos/{o}/{r}/pulls?state=closed` (fake-pull-list.ts). */
  mergedAt?: string;
  /** ISO 8601, for the list's `sort=updated`; defaults to `mergedAt`. */
  updatedAt?: string;
}

export interface FakeGitHubOptions {
  /** Default `octo/repo`. */
  repository?: string;
  /** When set, requests without `token <token>` / `Bearer <token>` get 401. */
  token?: string;
  /** Added before every answer. */
  latencyMs?: number;
  /** When false, contents are always answered in the base64 JSON form (as if the raw media type were ignored). */
  rawContents?: boolean;
  /** Serve HTTPS with this PEM key and certificate (the bench's runs over TLS), not plain HTTP. */
  tls?: { key: string; cert: string };
}
