/**
 * http-fetch.ts against a real loopback server, side by side with Node's own `fetch` where both
 * apply: the subset Octokit relies on must behave as `fetch` does.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { httpFetch, REQUEST_WRITTEN } from '../../../src/github/http-fetch.js';
import { listenOnLoopback } from '../../helpers/loopback.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface TestServer {
  url: string;
  connections: number;
  closedEarly: number;
  close(): Promise<void>;
}

async function serve(handler: Handler): Promise<TestServer> {
  const state = { connections: 0, closedEarly: 0 };
  const loopback = await listenOnLoopback((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler(req, res, body));
    res.on('close', () => {
      if (!res.writableFinished) state.closedEarly += 1;
    });
  });
  loopback.server.on('connection', () => (state.connections += 1));
  return {
    url: loopback.url,
    get connections() {
      return state.connections;
    },
    get closedEarly() {
      return state.closedEarly;
    },
    close: loopback.close,
  };
}

const BIG_CHUNKS = 256;
function* bigChunks(): Generator<Buffer> {
  for (let i = 0; i < BIG_CHUNKS; i += 1) yield Buffer.alloc(64 * 1024, i);
}

const TEXT = '{"name":"merge-gate","é":"ü"}';

/** The routes both fetches are compared on. */
const routes: Handler = (req, res, body) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const to = url.searchParams.get('to');
  switch (url.pathname) {
    case '/json':
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('x-multi', ['a', 'b']);
      return res.end(TEXT);
    case '/echo':
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
    case '/gzip':
      res.setHeader('content-encoding', 'gzip');
      return res.end(gzipSync(TEXT));
    case '/br':
      res.setHeader('content-encoding', 'br');
      return res.end(brotliCompressSync(TEXT));
    case '/deflate':
      res.setHeader('content-encoding', 'deflate');
      return res.end(deflateSync(TEXT));
    case '/no-content':
      res.statusCode = 204;
      return res.end();
    case '/missing':
      res.statusCode = 404;
      res.setHeader('content-type', 'application/json');
      return res.end('{"message":"Not Found"}');
    case '/redirect':
      res.statusCode = Number(url.searchParams.get('code') ?? 302);
      res.setHeader('location', to ?? '/json');
      return res.end('moved');
    case '/loop':
      res.statusCode = 302;
      res.setHeader('location', '/loop');
      return res.end();
    case '/hang':
      return undefined;
    case '/half':
      res.setHeader('content-type', 'text/plain');
      res.write('first part;');
      return undefined;
    case '/big':
      // Written as the client reads (backpressure), so a client that stops early cuts it short.
      res.setHeader('content-type', 'application/octet-stream');
      Readable.from(bigChunks()).pipe(res);
      return undefined;
    default:
      res.statusCode = 500;
      return res.end();
  }
};

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  server = await serve(routes);
  other = await serve(routes);
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const fetches = [
  ['http-fetch', (url: string, init?: object) => httpFetch(url, init as never)],
  ["Node's fetch", (url: string, init?: object) => globalThis.fetch(url, init as never)],
] as const;

describe.each(fetches)('%s', (_name, fetch) => {
  it('reads a JSON answer: status, headers by any case, repeated headers joined, UTF-8 text', async () => {
    const response = await fetch(`${server.url}/json`);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.url).toBe(`${server.url}/json`);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-multi')).toBe('a, b');
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'x-multi': 'a, b' });
    expect(await response.text()).toBe(TEXT);
  });

  it('sends the method, headers and body, with a content length and accepting compression', async () => {
    const response = await fetch(`${server.url}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', authorization: 'token x' },
      body: '{"state":"pending","é":1}',
    });
    const echoed = (await response.json()) as {
      method: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(echoed.method).toBe('POST');
    expect(echoed.body).toBe('{"state":"pending","é":1}');
    expect(echoed.headers['content-length']).toBe(String(Buffer.byteLength(echoed.body)));
    expect(echoed.headers['content-type']).toBe('application/json');
    expect(echoed.headers.authorization).toBe('token x');
    expect(echoed.headers['accept-encoding']).toMatch(/gzip/);
  });

  it.each(['/gzip', '/br', '/deflate'])('decodes a %s answer', async (route) => {
    expect(await (await fetch(`${server.url}${route}`)).text()).toBe(TEXT);
  });

  it('gives no body for 204 and the error body for 404', async () => {
    const empty = await fetch(`${server.url}/no-content`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    const missing = await fetch(`${server.url}/missing`);
    expect(missing.ok).toBe(false);
    expect(await missing.json()).toEqual({ message: 'Not Found' });
  });

  it('follows redirects, keeping the authorization header on the same origin only', async () => {
    const same = await fetch(`${server.url}/redirect?to=/echo`, { headers: { authorization: 'token x' } });
    expect(same.url).toBe(`${server.url}/echo`);
    expect(((await same.json()) as { headers: Record<string, string> }).headers.authorization).toBe(
      'token x',
    );
    const cross = await fetch(`${server.url}/redirect?to=${encodeURIComponent(`${other.url}/echo`)}`, {
      headers: { authorization: 'token x' },
    });
    expect(cross.url).toBe(`${other.url}/echo`);
    expect(
      ((await cross.json()) as { headers: Record<string, string> }).headers.authorization,
    ).toBeUndefined();
  });

  it('continues a POST redirected with 303 as a GET without a body, and a 307 as the same POST', async () => {
    const see = await fetch(`${server.url}/redirect?code=303&to=/echo`, { method: 'POST', body: 'x' });
    expect(await see.json()).toMatchObject({ method: 'GET', body: '' });
    const keep = await fetch(`${server.url}/redirect?code=307&to=/echo`, { method: 'POST', body: 'x' });
    expect(await keep.json()).toMatchObject({ method: 'POST', body: 'x' });
  });

  it('hands a redirect over unfollowed when asked, and fails after 20 redirects', async () => {
    const manual = await fetch(`${server.url}/redirect?to=/json`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    // (Node's fetch throws its own realm's TypeError, hence the name rather than instanceof.)
    await expect(fetch(`${server.url}/loop`)).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    });
  });

  it('rejects with the signal reason when a request times out, and when the body stalls', async () => {
    const hung = fetch(`${server.url}/hang`, { signal: AbortSignal.timeout(50) });
    await expect(hung).rejects.toMatchObject({ name: 'TimeoutError' });
    // Aborted by hand once the head is in, so a slow machine cannot time out the head instead.
    const stalled = new AbortController();
    const half = await fetch(`${server.url}/half`, { signal: stalled.signal });
    const reading = half.text();
    stalled.abort(new DOMException('the body stalled', 'TimeoutError'));
    await expect(reading).rejects.toMatchObject({ name: 'TimeoutError', message: 'the body stalled' });
    const aborted = new AbortController();
    aborted.abort(new Error('stopped first'));
    await expect(fetch(`${server.url}/json`, { signal: aborted.signal })).rejects.toThrow('stopped first');
  });

  it("fails with TypeError('fetch failed') and the cause when nothing listens", async () => {
    const closed = await serve(routes);
    const url = closed.url;
    await closed.close();
    const failure = (await fetch(`${url}/json`).catch((error: unknown) => error)) as TypeError & {
      cause?: { code?: string };
    };
    expect(failure.name).toBe('TypeError');
    expect(failure.message).toBe('fetch failed');
    expect(failure.cause?.code).toBe('ECONNREFUSED');
  });

  it('streams a body as async-iterable chunks, and leaving early stops the download', async () => {
    const whole = await fetch(`${server.url}/big`);
    let size = 0;
    for await (const chunk of whole.body as AsyncIterable<Uint8Array>) size += chunk.byteLength;
    expect(size).toBe(BIG_CHUNKS * 64 * 1024);

    const before = server.closedEarly;
    const partial = await fetch(`${server.url}/big`);
    for await (const chunk of partial.body as AsyncIterable<Uint8Array>) if (chunk.byteLength > 0) break;
    // The server sees the connection close on a later turn of the loop: wait for it (the test's
    // timeout fails it if the download is never stopped).
    while (server.closedEarly === before) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.closedEarly).toBeGreaterThan(before);
  });
});

describe('httpFetch only', () => {
  it('keeps the connection alive between requests', async () => {
    const fresh = await serve(routes);
    try {
      for (let i = 0; i < 3; i += 1) await (await httpFetch(`${fresh.url}/json`)).text();
      expect(fresh.connections).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('says on its channel when each request has been written', async () => {
    const written: unknown[] = [];
    const listener = (message: unknown) => written.push(message);
    subscribe(REQUEST_WRITTEN.name, listener);
    try {
      await Promise.all([
        httpFetch(`${server.url}/json`),
        httpFetch(`${server.url}/echo`, { method: 'POST', body: 'x' }),
      ]);
    } finally {
      unsubscribe(REQUEST_WRITTEN.name, listener);
    }
    expect(written).toEqual(expect.arrayContaining([{ method: 'GET' }, { method: 'POST' }]));
    expect(written).toHaveLength(2);
  });

  it('refuses a protocol other than http and https, as fetch does', async () => {
    await expect(httpFetch('ftp://127.0.0.1/file')).rejects.toThrow('fetch failed');
  });

  it('reads a body once', async () => {
    const response = await httpFetch(`${server.url}/json`);
    await response.text();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });
});
