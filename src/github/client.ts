/**
 * The one Octokit the action uses, on Node's global `fetch`: `@octokit/core` with pagination, the
 * REST methods we call (`rest.ts`), the retry and throttling plugins, a per-request timeout, and
 * refusal of malformed JSON. A proxy agent is loaded only when the environment names a proxy
 * (`proxy.ts`). Every knob is injectable so tests against a loopback server run in milliseconds.
 */
import { Octokit } from '@octokit/core';
import type { OctokitPlugin } from '@octokit/core/types';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { yieldWithoutTimers } from './bottleneck-yield.js';
import { setUpProxy } from './proxy.js';
import { apiRoot, DEFAULT_REQUEST_TIMEOUT_MS, userAgentFor } from './request-defaults.js';
import { restMethods } from './rest.js';

/**
 * `@octokit/core` with pagination and the REST methods in `rest.ts`: what `@octokit/rest` is, for
 * the methods we call. `createClient` adds the hardening, retry and throttling plugins.
 */
export const RestOctokit = Octokit.plugin(paginateRest, restMethods);

/** The client: `octokit.rest.*`, `octokit.paginate`, `octokit.request`, typed as in `@octokit/rest`. */
export type GitHubClient = InstanceType<typeof RestOctokit>;

export interface ClientLog {
  debug(message: string): void;
  warn(message: string): void;
  /** How requests reach the API (a proxy, when one is set). Default: `debug`. */
  info?(message: string): void;
}

/** The timeout, in ms, for one attempt at a request. */
export type RequestTimeout = (request: { method: string; url: string }) => number;

export interface ClientOptions {
  /** REST API root; the action passes `GITHUB_API_URL` (GHES, or a loopback server in tests). */
  baseUrl?: string;
  /** Retries of 5xx, network faults, timeouts and malformed answers (retry plugin). Default 3. */
  retries?: number;
  /** Retry delay unit: the n-th retry waits n² × this. Default 1000 ms (1 s, 4 s, 9 s). */
  retryBaseMs?: number;
  /**
   * A request that has not completed after this long is aborted and retried. Default 20 s. A
   * function chooses per request (method and absolute URL): tests give a request they know will
   * hang a short timeout, and every other one a long one.
   */
  requestTimeoutMs?: number | RequestTimeout;
  /** Retries after a primary or secondary rate limit (throttling plugin). Default 2. */
  rateLimitRetries?: number;
  /** Longer waits than this are not worth holding a runner for: give up instead. Default 60 s. */
  rateLimitMaxWaitSeconds?: number;
  /** Length of one second of `retry-after`, in ms (tests shrink it). Default 1000. */
  rateLimitSecondMs?: number;
  /** Minimum time between the starts of two write requests (status posts). Default 0. */
  writeSpacingMs?: number;
  /**
   * The runner's environment: proxy variables (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`) and
   * `ACTIONS_ORCHESTRATION_ID`. Default `{}` (no proxy), so a test never picks up the shell's.
   */
  env?: Record<string, string | undefined>;
  log?: ClientLog;
}

/** Requests in flight at once (see the `global` group below). */
const MAX_CONCURRENT_REQUESTS = 50;

const quietLog: ClientLog = { debug: () => undefined, warn: (message) => console.warn(message) };

/** The parts of Octokit's request options the hardening hook touches. */
interface HookOptions {
  method: string;
  url: string;
  request?: { signal?: AbortSignal };
}

interface HookResponse {
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

/** Signals this module created, so a retried request gets a fresh one instead of an expired one. */
const ownSignals = new WeakSet<AbortSignal>();

/**
 * Runs innermost (registered before the retry plugin), so what it throws is retried like a 5xx:
 * - each attempt gets its own timeout signal (a hung connection would otherwise hold the job);
 * - a JSON content type whose body did not parse (Octokit then hands over the raw string) becomes a 502.
 */
function hardenRequests(timeout: number | RequestTimeout): OctokitPlugin {
  return (octokit) => {
    octokit.hook.wrap('request', async (request, rawOptions) => {
      const options = rawOptions as unknown as HookOptions;
      const current = options.request?.signal;
      if (!current || ownSignals.has(current)) {
        const signal = AbortSignal.timeout(
          typeof timeout === 'number' ? timeout : timeout(octokit.request.endpoint(rawOptions)),
        );
        ownSignals.add(signal);
        options.request = { ...options.request, signal };
      }
      let response: HookResponse;
      try {
        response = (await request(rawOptions)) as HookResponse;
      } catch (error) {
        throw asSecondaryLimit(error);
      }
      const contentType = String(response.headers['content-type'] ?? '');
      if (/\bjson\b/i.test(contentType) && typeof response.data === 'string') {
        throw Object.assign(new Error(`malformed JSON in the answer to ${options.method} ${options.url}`), {
          status: 502,
          request: options,
          response,
        });
      }
      return response as never;
    });
  };
}

/**
 * GitHub answers a secondary rate limit with 403 or 429, a `retry-after` header or none, and not
 * always with "secondary rate" in the message, which is all the throttling plugin looks for. Any 429,
 * and a 403 with `retry-after`, is a secondary limit unless the primary quota is spent: say so, so
 * the plugin waits `retry-after` (or its one-minute fallback) and retries.
 */
function asSecondaryLimit(error: unknown): unknown {
  const failure = error as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, unknown> };
  };
  const headers = failure?.response?.headers ?? {};
  const limited =
    failure?.status === 429 || (failure?.status === 403 && headers['retry-after'] !== undefined);
  if (
    !limited ||
    headers['x-ratelimit-remaining'] === '0' ||
    /\bsecondary rate\b/i.test(failure.message ?? '')
  ) {
    return error;
  }
  try {
    failure.message = `${failure.message ?? 'rate limited'} (secondary rate limit)`;
  } catch {
    // A frozen error keeps its message; the retry plugin then treats it as final.
  }
  return error;
}

// Once per process, for every limiter the plugins make (see bottleneck-yield.ts).
yieldWithoutTimers(Bottleneck);

/**
 * Creates the client. The token is only ever handed to Octokit's auth header; nothing here logs it.
 */
export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const log = options.log ?? quietLog;
  const env = options.env ?? {};
  const proxy = setUpProxy(env);
  if (proxy.message) (log.info ?? log.debug)(proxy.message);
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const maxWait = options.rateLimitMaxWaitSeconds ?? 60;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const retrying = retryCount < rateLimitRetries && retryAfter <= maxWait;
      log.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ` +
          (retrying ? `retrying in ${retryAfter} s.` : 'giving up.'),
      );
      return retrying;
    };

  const GitHub = RestOctokit.plugin(
    hardenRequests(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    retry,
    throttling,
  );
  return new GitHub({
    auth: token,
    baseUrl: apiRoot(options.baseUrl),
    ...(proxy.fetch ? { request: { fetch: proxy.fetch } } : {}),
    userAgent: userAgentFor(env),
    log: { debug: log.debug, info: log.debug, warn: log.warn, error: log.warn },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      // Rate limits (429) are the throttling plugin's: it honours retry-after, the retry plugin would not.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      retryAfterBaseValue: options.rateLimitSecondMs ?? 1000,
      // The plugin's default starts writes a second apart, which would make the 14 status posts of
      // a run take 14 s. GitHub's documented secondary limit is 80 content-creating requests a
      // minute; a run's 14 stay far below it, and a secondary-limit answer is still waited out.
      write: new Bottleneck.Group({ minTime: options.writeSpacingMs ?? 0 }),
      // Requests that notify people (a PR comment) keep the plugin's 3 s spacing, but per client:
      // the plugin's default group is shared by every client in the process, so a second client
      // (the next PR of a replay, or a test's next run) waited on the first one's comment.
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 }),
      // The plugin's default runs 10 requests at a time, which would list a 3000-file PR's 30 pages
      // in three round trips. A run's widest moment is those 30, the config read and the 7 pending
      // posts: 50 at once is half GitHub's documented limit of 100 concurrent requests. (`global`
      // is read by the plugin like `write` but missing from its option type; a test checks that
      // all 30 pages are in flight together.)
      ...({ global: new Bottleneck.Group({ maxConcurrent: MAX_CONCURRENT_REQUESTS }) } as object),
    },
  });
}
