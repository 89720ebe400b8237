/**
 * A request sent before the client exists, and its answer handed to the client's first fetch of the
 * same method and URL: once, with the caller's signal still in force. Against a real loopback server.
 */
import { directFetch, sendEarly, takeEarly } from '../../../src/github/early-answers.js';
import { listenOnLoopback, type LoopbackServer } from '../../helpers/loopback.js';

let server: LoopbackServer;
let base = '';
const received: string[] = [];
/** While set, answers wait until the test releases them. */
let held: (() => void)[] | undefined;

beforeAll(async () => {
  server = await listenOnLoopback((req, res) => {
    received.push(`${req.method} ${req.url}`);
    const answer = () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ url: req.url, auth: req.headers.authorization ?? null }));
    };
    if (held) held.push(answer);
    else answer();
  });
  base = server.url;
});
afterAll(() => server.close());
beforeEach(() => {
  received.length = 0;
  held = undefined;
});

describe('early answers', () => {
  it('resolves once the request is on the wire, and hands its answer to the first matching fetch only', async () => {
    held = [];
    // Resolves though the server has not answered: only the answer waits for it.
    await sendEarly(`${base}/repos/o/r/pulls/1`, {
      method: 'GET',
      headers: { authorization: 'token early' },
    });
    const release = held;
    held = undefined;
    setTimeout(() => release.forEach((answer) => answer()), 10);

    const first = await directFetch(`${base}/repos/o/r/pulls/1`, {
      method: 'GET',
      headers: { authorization: 'token late' },
    });
    expect(await first.json()).toEqual({ url: '/repos/o/r/pulls/1', auth: 'token early' });
    const second = await directFetch(`${base}/repos/o/r/pulls/1`, {
      headers: { authorization: 'token late' },
    });
    expect(await second.json()).toEqual({ url: '/repos/o/r/pulls/1', auth: 'token late' });
    expect(received).toEqual(['GET /repos/o/r/pulls/1', 'GET /repos/o/r/pulls/1']);
  });

  it('is not taken by another URL or method', async () => {
    await sendEarly(`${base}/repos/o/r/pulls/2`, { method: 'GET' });
    expect(takeEarly(`${base}/repos/o/r/pulls/3`)).toBeUndefined();
    expect(takeEarly(`${base}/repos/o/r/pulls/2`, { method: 'POST' })).toBeUndefined();
    await expect(takeEarly(`${base}/repos/o/r/pulls/2`, { method: 'get' })).resolves.toMatchObject({
      status: 200,
    });
  });

  it("keeps the caller's signal: a timeout rejects with its reason though the early request had none", async () => {
    held = []; // answered only after the timeout has fired
    await sendEarly(`${base}/repos/o/r/pulls/4`, { method: 'GET' });
    const taken = takeEarly(`${base}/repos/o/r/pulls/4`, { signal: AbortSignal.timeout(20) });
    await expect(taken).rejects.toMatchObject({ name: 'TimeoutError' });
    const release = held;
    held = undefined;
    release.forEach((answer) => answer());
  });

  it('passes a failure on as the fetch would have: the client retries it like its own', async () => {
    const closed = await listenOnLoopback();
    const url = `${closed.url}/repos/o/r/pulls/5`;
    await closed.close();
    await sendEarly(url, { method: 'GET' }); // settles on the failure: never hangs the start
    await expect(directFetch(url)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });
});
