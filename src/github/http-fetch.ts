/**
 * The fetch Octokit uses when no proxy is set: the subset of WHATWG `fetch` that
 * `@octokit/request` and `raw-body.ts` call, on `node:http` / `node:https`. Node's global `fetch`
 * is undici, which a process compiles on its first request: 30–50 ms of CPU before the request
 * leaves, against about 5 ms for `node:http`, and about a millisecond more per request after that
 * (docs/design.md, "The API client"). What fetch does that Octokit relies on is kept: redirects
 * followed (the authorization header dropped across origins), gzip/deflate/br answers decoded,
 * an aborted signal rejecting with its reason, network failures as `TypeError('fetch failed')`
 * with the cause, and connections kept alive between requests.
 */
import { channel } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import * as http from 'node:http';
import type { Readable } from 'node:stream';

/** The request options Octokit passes to fetch. */
export interface HttpFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | null;
  signal?: AbortSignal | null;
  redirect?: 'follow' | 'manual' | 'error';
}

/** Published once a request has been written to its socket (see `request-sent.ts`). */
export const REQUEST_WRITTEN = channel('merge-gate:http:request-written');

const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers fetch drops when a redirect leaves the origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Response headers as fetch shows them: lowercase names, repeated values joined. */
export class ResponseHeaders implements Iterable<[string, string]> {
  readonly #values = new Map<string, string>();

  constructor(raw: IncomingMessage['headers']) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.#values.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.#values[Symbol.iterator]();
  }
}

/** An answer: status, headers and a body read once, as text, bytes or a stream of chunks. */
export class HttpResponse {
  readonly ok: boolean;
  #used = false;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: ResponseHeaders,
    readonly url: string,
    readonly redirected: boolean,
    /** The decoded body; async-iterable like a web `ReadableStream`. Null when there is none. */
    readonly body: Readable | null,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    // fetch decodes UTF-8 and drops a byte order mark.
    return new TextDecoder().decode(await this.#bytes());
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async #bytes(): Promise<Buffer> {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    if (!this.body) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const chunk of this.body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

/** Keep-alive agents, one per protocol, made on first use (`node:https` loads only for https). */
const agents = new Map<string, Promise<{ request: typeof http.request; agent: http.Agent }>>();

function transportFor(protocol: string): Promise<{ request: typeof http.request; agent: http.Agent }> {
  let transport = agents.get(protocol);
  if (!transport) {
    const load = async () => {
      const module = protocol === 'https:' ? await import('node:https') : http;
      return { request: module.request, agent: new module.Agent({ keepAlive: true }) };
    };
    transport = load();
    agents.set(protocol, transport);
  }
  return transport;
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

/** `fetch(url, init)` for Octokit, on `node:http` / `node:https`. */
export async function httpFetch(url: string, init: HttpFetchInit = {}): Promise<HttpResponse> {
  const signal = init.signal ?? undefined;
  signal?.throwIfAborted();
  let target = new URL(url);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body ?? undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['accept-encoding'] ??= 'gzip, deflate, br';
  for (let redirects = 0; ; redirects += 1) {
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    else delete headers['content-length'];
    const answer = await send(target, { method, headers, body, signal });
    const location = answer.headers.location;
    if (!REDIRECTS.has(answer.statusCode ?? 0) || init.redirect === 'manual' || !location) {
      return responseOf(answer, target.href, redirects > 0, method, signal);
    }
    answer.resume();
    if (init.redirect === 'error') throw fetchFailed(new Error(`unexpected redirect to ${location}`));
    if (redirects === MAX_REDIRECTS) throw fetchFailed(new Error('redirect count exceeded'));
    const next = new URL(location, target);
    if (next.origin !== target.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
    // As fetch: 303, and 301/302 after a POST, continue as a GET without the body.
    if (
      answer.statusCode === 303 ||
      (method === 'POST' && answer.statusCode !== 307 && answer.statusCode !== 308)
    ) {
      if (method !== 'HEAD') method = 'GET';
      body = undefined;
      delete headers['content-type'];
    }
    target = next;
  }
}

interface Sending {
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  signal: AbortSignal | undefined;
}

/** One request, resolved with the answer's head; rejects with the signal's reason or `fetch failed`. */
async function send(target: URL, sending: Sending): Promise<IncomingMessage> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw fetchFailed(new Error(`unsupported protocol ${target.protocol}`));
  }
  const { request, agent } = await transportFor(target.protocol);
  const { signal } = sending;
  signal?.throwIfAborted();
  return new Promise<IncomingMessage>((resolve, reject) => {
    const options: RequestOptions = { method: sending.method, headers: sending.headers, agent };
    let req: ClientRequest;
    const onAbort = () => {
      req.destroy();
      reject(signal?.reason);
    };
    try {
      req = request(target, options, (answer) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(answer);
      });
    } catch (error) {
      reject(fetchFailed(error));
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? signal.reason : fetchFailed(error));
    });
    req.on('finish', () => {
      if (REQUEST_WRITTEN.hasSubscribers) REQUEST_WRITTEN.publish({ method: sending.method });
    });
    req.end(sending.body);
  });
}

/** The response: its body decoded, and failing with the signal's reason if aborted while read. */
async function responseOf(
  answer: IncomingMessage,
  url: string,
  redirected: boolean,
  method: string,
  signal: AbortSignal | undefined,
): Promise<HttpResponse> {
  const status = answer.statusCode ?? 0;
  const headers = new ResponseHeaders(answer.headers);
  const empty = method === 'HEAD' || status === 204 || status === 205 || status === 304;
  let body: Readable | null = empty ? null : answer;
  if (empty) answer.resume();
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  if (body && encoding && encoding !== 'identity') body = await decoded(answer, encoding);
  if (body && signal) {
    const stream = body;
    const onAbort = () => stream.destroy(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    stream.once('close', () => signal.removeEventListener('abort', onAbort));
  }
  return new HttpResponse(status, answer.statusMessage ?? '', headers, url, redirected, body);
}

/** The body through the decoder its `content-encoding` names (zlib loads only then). */
async function decoded(answer: IncomingMessage, encoding: string): Promise<Readable> {
  const zlib = await import('node:zlib');
  const decoder =
    encoding === 'br'
      ? zlib.createBrotliDecompress()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'gzip' || encoding === 'x-gzip'
          ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH })
          : undefined;
  if (!decoder) return answer;
  answer.on('error', (error) => decoder.destroy(error));
  decoder.on('close', () => {
    if (!answer.complete) answer.destroy();
  });
  return answer.pipe(decoder);
}
