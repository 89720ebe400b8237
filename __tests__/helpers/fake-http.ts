/** HTTP plumbing of the fake GitHub API: routes, JSON answers, and injected faults. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Route =
  'pull' | 'pulls' | 'files' | 'contents' | 'compare' | 'statuses' | 'comments' | EvidenceRoute | 'other';

/** The routes evidence verification reads (fake-evidence.ts). */
export type EvidenceRoute = 'issue' | 'check-runs' | 'combined-status' | 'tree' | 'pull-commits' | 'commits';

export type Fault =
  /** Answer with this HTTP status (and body/headers), e.g. 502, or 403 with rate-limit headers. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Never answer (the client must time out); the connection is dropped when the server closes. */
  | { kind: 'timeout' }
  /** 200 with a JSON content type and a body that is not JSON. */
  | { kind: 'malformed-json' }
  /** Drop the connection without an answer. */
  | { kind: 'reset' };

/** A fault waiting for requests to its route. */
interface Injected {
  route: Route;
  fault: Fault;
  remaining: number;
  /** Requests to let through before the fault starts. */
  skip: number;
}

/** Faults injected into the next requests of each route (see `FakeGitHub.inject`). */
export class FaultPlan {
  private readonly injected: Injected[] = [];

  inject(route: Route, fault: Fault, times: number, after: number): void {
    this.injected.push({ route, fault, remaining: times, skip: after });
  }

  clear(): void {
    this.injected.length = 0;
  }

  /** The fault the next request to `route` would get, without taking it. */
  peek(route: Route): Fault | undefined {
    const injected = this.injected.find((f) => f.route === route && f.remaining > 0);
    return injected && injected.skip === 0 ? injected.fault : undefined;
  }

  /** The fault for this request to `route`, if one is due. */
  take(route: Route): Fault | undefined {
    const injected = this.injected.find((f) => f.route === route && f.remaining > 0);
    if (!injected) return undefined;
    if (injected.skip > 0) {
      injected.skip -= 1;
      return undefined;
    }
    injected.remaining -= 1;
    return injected.fault;
  }
}

/**
 * Holds the answers to a route until `count` of its requests have arrived, so that "all of them in
 * flight at once" is observable whatever the machine's load (a fixed latency is not: a slow client
 * may not have sent the last request before the first is answered). Gives up after `maxWaitMs`,
 * releasing what it holds, so a client that never sends them all fails on the count, not on a hang.
 */
export class Barriers {
  private readonly barriers = new Map<
    Route,
    { remaining: number; release: () => void; done: Promise<void> }
  >();

  hold(route: Route, count: number, maxWaitMs = 10_000): void {
    let release = (): void => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    const timer = setTimeout(release, maxWaitMs);
    void done.then(() => clearTimeout(timer));
    this.barriers.set(route, { remaining: count, release, done });
  }

  /** Lets the requests held on `route` be answered now. */
  release(route: Route): void {
    this.barriers.get(route)?.release();
  }

  /** Resolves when the request may be answered. */
  async pass(route: Route): Promise<void> {
    const barrier = this.barriers.get(route);
    if (!barrier) return;
    barrier.remaining -= 1;
    if (barrier.remaining <= 0) barrier.release();
    await barrier.done;
  }
}

/** Answers (or, for a timeout or reset, does not answer) as the fault says. */
export function answerWithFault(fault: Fault, res: ServerResponse): void {
  switch (fault.kind) {
    case 'status':
      return send(
        res,
        fault.status,
        fault.body ?? { message: `injected HTTP ${fault.status}` },
        fault.headers,
      );
    case 'malformed-json':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"number": 1, "head": {');
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'timeout':
      return; // held open until the client gives up or the server closes
  }
}

/** The route of a request and its path parameters (`owner/repo`, then a number or SHA or path). */
export function routeOf(method: string, path: string): { route: Route; params: string[] } {
  const patterns: [string, Route, RegExp][] = [
    ['GET', 'pull', /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/],
    ['GET', 'pulls', /^\/repos\/([^/]+\/[^/]+)\/pulls$/],
    ['GET', 'files', /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)\/files$/],
    ['GET', 'contents', /^\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/],
    ['GET', 'compare', /^\/repos\/([^/]+\/[^/]+)\/compare\/([^/]+)\.\.\.([^/]+)$/],
    ['POST', 'statuses', /^\/repos\/([^/]+\/[^/]+)\/statuses\/([0-9a-f]+)$/],
    ['GET', 'comments', /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/],
    ['POST', 'comments', /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/],
    ['PATCH', 'comments', /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/],
    ['DELETE', 'comments', /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/],
    ['GET', 'issue', /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)$/],
    ['GET', 'check-runs', /^\/repos\/([^/]+\/[^/]+)\/commits\/([^/]+)\/check-runs$/],
    ['GET', 'combined-status', /^\/repos\/([^/]+\/[^/]+)\/commits\/([^/]+)\/status$/],
    ['GET', 'tree', /^\/repos\/([^/]+\/[^/]+)\/git\/trees\/([^/]+)$/],
    ['GET', 'pull-commits', /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)\/commits$/],
    ['GET', 'commits', /^\/repos\/([^/]+\/[^/]+)\/commits$/],
  ];
  for (const [verb, route, pattern] of patterns) {
    const match = method === verb ? pattern.exec(path) : null;
    if (match) return { route, params: match.slice(1) };
  }
  return { route: 'other', params: [] };
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204) {
    res.writeHead(204, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * One page of `items` as GitHub pages a list: `per_page` (default 30, at most 100) and `page`
 * from the query, and a `link` header with `prev` and `first` past the first page and `next` and
 * `last` while more pages follow (none at all when everything fits in one page).
 */
export function pageOf<T>(url: URL, items: readonly T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number) => {
    const target = new URL(url);
    target.searchParams.set('page', String(p));
    target.searchParams.set('per_page', String(perPage));
    return `<${target.toString()}>`;
  };
  const links = [
    ...(page > 1 ? [`${link(page - 1)}; rel="prev"`] : []),
    ...(page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : []),
    ...(page > 1 ? [`${link(1)}; rel="first"`] : []),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
