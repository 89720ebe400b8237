/**
 * `fetchFileContent` with the real Octokit stack against the fake API, through a fetch that stands
 * for a configured one (the proxy agent's).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RestOctokit } from '../../../src/github/client.js';
import { fetchFileContent } from '../../../src/github/contents.js';
import { FakeGitHub } from '../../helpers/fake-github.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await FakeGitHub.start();
  github.setFile('octo/repo', 'a'.repeat(40), 'config/values.yml', 'key: value\n');
});
afterEach(() => github.close());

const location = { owner: 'octo', repo: 'repo', ref: 'a'.repeat(40), path: 'config/values.yml' };

/** A client whose configured fetch is `fetch`, as `createClient` configures the proxy agent's. */
function clientWith(fetch: (url: string, init?: RequestInit) => Promise<Response>) {
  return new RestOctokit({
    auth: 'token',
    baseUrl: github.url,
    request: { fetch },
  });
}

it('reads through the configured fetch (so a runner proxy still applies)', async () => {
  const calls: string[] = [];
  const octokit = clientWith(async (url, init) => {
    calls.push(url);
    return fetch(url, init);
  });
  await expect(fetchFileContent(octokit, location, 1024)).resolves.toEqual({
    state: 'ok',
    text: 'key: value\n',
  });
  expect(calls).toEqual([expect.stringContaining('/contents/config%2Fvalues.yml?ref=')]);
});

it('calls a body that ends before its content-length unavailable, never an empty file', async () => {
  // What undici does to the body of a Response garbage-collected mid-read: it simply ends.
  const octokit = clientWith(async (url, init) => {
    const real = await fetch(url, init);
    await real.body?.cancel();
    return new Response(new ReadableStream({ start: (c) => c.close() }), {
      status: real.status,
      headers: real.headers,
    });
  });
  const content = await fetchFileContent(octokit, location, 1024);
  expect(content).toEqual({
    state: 'unavailable',
    reason: 'the download of config/values.yml ended early (0 of 11 bytes)',
  });
});

it('holds the Response while its body is read: a garbage collection in between never cuts a file', async () => {
  // Node's global fetch (undici) cancels the body of a Response collected before the body is read.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const text = 'key: value\n'.repeat(20_000);
  github.setFile('octo/repo', 'a'.repeat(40), 'config/values.yml', text);
  const octokit = new RestOctokit({ auth: 'token', baseUrl: github.url });
  // A collection after Octokit has the answer and before the body is read, as under load.
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  octokit.hook.wrap('request', async (request, options) => {
    const response = await request(options);
    await pause(5);
    gc();
    await pause(20);
    return response;
  });
  for (let i = 0; i < 5; i += 1) {
    await expect(fetchFileContent(octokit, location, 1 << 20)).resolves.toEqual({ state: 'ok', text });
  }
});
