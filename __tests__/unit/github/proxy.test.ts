/**
 * Proxy support: which route a runner's environment takes on which Node, and the undici route for
 * real, through a loopback proxy to the fake API (any Node). Node's own route is run end to end
 * in __tests__/e2e/proxy.test.ts, in a process of its own: it changes process-wide state.
 */
import { RestOctokit } from '../../../src/github/client.js';
import { fetchFileContent } from '../../../src/github/contents.js';
import { directFetch } from '../../../src/github/early-answers.js';
import {
  agentFetch,
  chooseProxyRoute,
  describeRoute,
  setUpProxy,
  type ProxyRuntime,
} from '../../../src/github/proxy.js';
import { FakeGitHub } from '../../helpers/fake-github.js';
import { FakeProxy } from '../../helpers/fake-proxy.js';

const HEAD = 'a'.repeat(40);
const node20: ProxyRuntime = { nodeMajor: 20, execArgv: [] };
const node24early: ProxyRuntime = { nodeMajor: 24, execArgv: [] };

describe('chooseProxyRoute', () => {
  const withSetter = (calls: unknown[]): ProxyRuntime => ({
    nodeMajor: 24,
    execArgv: [],
    setGlobalProxyFromEnv: (env) => calls.push(env),
  });

  it('goes direct on node:http, loading nothing, when no proxy variable is set (NO_PROXY alone changes nothing)', () => {
    expect(chooseProxyRoute({ NO_PROXY: 'example.com' }, withSetter([]))).toEqual({ kind: 'direct' });
    expect(setUpProxy({}, node20)).toEqual({ fetch: directFetch });
    expect(setUpProxy({ NO_PROXY: 'example.com' }, withSetter([]))).toEqual({ fetch: directFetch });
  });

  it.each(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'])(
    "hands %s to Node's own support where Node has http.setGlobalProxyFromEnv",
    (name) => {
      const calls: unknown[] = [];
      const env = { [name]: 'http://proxy.internal:3128', NO_PROXY: 'ghe.internal' };
      const proxy = setUpProxy(env, withSetter(calls));
      expect(proxy.fetch).toBeUndefined();
      expect(calls).toEqual([env]);
      expect(proxy.message).toBe(
        `${name} set: API requests go through the proxy, except the hosts NO_PROXY lists (Node's built-in proxy support).`,
      );
    },
  );

  it('trusts Node 24 started with NODE_USE_ENV_PROXY=1 or --use-env-proxy', () => {
    const env = { HTTPS_PROXY: 'http://proxy:3128' };
    expect(chooseProxyRoute({ ...env, NODE_USE_ENV_PROXY: '1' }, node24early)).toEqual({ kind: 'node' });
    expect(chooseProxyRoute(env, { ...node24early, execArgv: ['--use-env-proxy'] })).toEqual({
      kind: 'node',
    });
    expect(
      chooseProxyRoute({ ...env, NODE_OPTIONS: '--max-old-space-size=4096 --use-env-proxy' }, node24early),
    ).toEqual({ kind: 'node' });
  });

  it("loads undici's EnvHttpProxyAgent where Node cannot proxy fetch itself", () => {
    const env = { HTTPS_PROXY: 'http://proxy:3128' };
    expect(chooseProxyRoute(env, node24early)).toEqual({ kind: 'agent' });
    expect(chooseProxyRoute({ ...env, NODE_USE_ENV_PROXY: '1' }, node20)).toEqual({ kind: 'agent' });
    const proxy = setUpProxy(env, node20);
    expect(typeof proxy.fetch).toBe('function');
    expect(proxy.message).toBe(
      "HTTPS_PROXY set: API requests go through the proxy (undici's EnvHttpProxyAgent).",
    );
  });

  it('never puts a proxy URL in the log: it may hold credentials', () => {
    const env = { HTTPS_PROXY: 'http://user:s3cret@proxy:3128' };
    expect(describeRoute({ kind: 'agent' }, env)).not.toMatch(/s3cret|proxy:3128/);
  });
});

describe("undici's EnvHttpProxyAgent route, through a real proxy", () => {
  let github: FakeGitHub;
  let proxy: FakeProxy;
  beforeEach(async () => {
    github = await FakeGitHub.start();
    proxy = await FakeProxy.start();
    github.addPullRequest({
      number: 7,
      headRef: 'feature',
      headSha: HEAD,
      baseSha: 'b'.repeat(40),
      files: [],
    });
    github.setFile('octo/repo', HEAD, 'docs/proof.md', '# Proof\n'.repeat(5000));
  });
  afterEach(async () => {
    await github.close();
    await proxy.close();
  });

  const client = (env: Record<string, string>) =>
    new RestOctokit({ auth: 't', baseUrl: github.url, request: { fetch: agentFetch(env) } });
  const host = () => new URL(github.url).host;

  it('sends every request, JSON and streamed file alike, through the proxy', async () => {
    const octokit = client({ HTTP_PROXY: proxy.url });
    const { data } = await octokit.rest.pulls.get({ owner: 'octo', repo: 'repo', pull_number: 7 });
    expect(data.number).toBe(7);
    const file = await fetchFileContent(
      octokit,
      { owner: 'octo', repo: 'repo', ref: HEAD, path: 'docs/proof.md' },
      1 << 20,
    );
    expect(file).toEqual({ state: 'ok', text: '# Proof\n'.repeat(5000) });
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(new Set(proxy.tunnels)).toEqual(new Set([host()]));
    expect(proxy.requests).toHaveLength(github.requests.length);
    expect(proxy.requests).toEqual([
      'GET /repos/octo/repo/pulls/7 HTTP/1.1',
      'GET /repos/octo/repo/contents/docs%2Fproof.md?ref=' + HEAD + ' HTTP/1.1',
    ]);
  });

  it('reaches a host NO_PROXY lists directly', async () => {
    const octokit = client({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    await octokit.rest.pulls.get({ owner: 'octo', repo: 'repo', pull_number: 7 });
    expect(github.requests).toHaveLength(1);
    expect(proxy.tunnels).toEqual([]);
    expect(proxy.requests).toEqual([]);
  });

  it('reads the proxy only from the environment it is given, never the process', async () => {
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    try {
      await client({}).rest.pulls.get({ owner: 'octo', repo: 'repo', pull_number: 7 });
    } finally {
      delete process.env.HTTP_PROXY;
    }
    expect(github.requests).toHaveLength(1);
  });
});
