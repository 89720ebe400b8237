/**
 * Runs `run()` in-process against a {@link FakeGitHub}: the real adapter, Octokit, pagination and
 * retry code, with a recording `ActionIO` instead of `@actions/core` (shared by the action suites).
 */
import { join } from 'node:path';
import type { ActionIO, AnnotationProps } from '../../src/action/io.js';
import { run } from '../../src/action/run.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { connectGitHub } from '../../src/github/connect.js';
import { CHECK_IDS } from '../../src/model/contexts.js';
import type { Evaluation } from '../../src/model/results.js';
import { LocalGitSource } from '../../src/sources/local-git.js';
import { type FakeGitHub, gitRepoFromFixture } from './fake-github.js';
import { createRepo, type TempRepo } from './git-repo.js';
import { expectGitHubShaped, pullRequestPayload } from './webhook-payloads.js';

export const TOKEN = 'ghs_integrationTestToken0123456789';
export const FIXTURE = join(process.cwd(), '__fixtures__/prs/maturion-isms-pr-743');
export const HEAD_REF = 'copilot/deploy-ai-gateway-production';
export const RUN_URL = 'https://github.com/octo/repo/actions/runs/4242';
const CONFIG_PATH = '.github/merge-gate.yml';
const quiet = { debug: () => undefined, warn: () => undefined };

/** `ActionIO` that records everything the action says. */
export class RecordingIO implements ActionIO {
  readonly secrets: string[] = [];
  readonly infos: string[] = [];
  readonly annotations: { level: string; message: string; props?: AnnotationProps }[] = [];
  readonly outputs = new Map<string, string>();
  readonly failures: string[] = [];
  readonly summaries: string[] = [];
  constructor(private readonly inputs: Record<string, string>) {}
  getInput = (name: string) => this.inputs[name] ?? '';
  setSecret = (value: string) => void this.secrets.push(value);
  info = (message: string) => void this.infos.push(message);
  notice = (message: string, props?: AnnotationProps) =>
    void this.annotations.push({ level: 'notice', message, props });
  warning = (message: string, props?: AnnotationProps) =>
    void this.annotations.push({ level: 'warning', message, props });
  error = (message: string, props?: AnnotationProps) =>
    void this.annotations.push({ level: 'error', message, props });
  setOutput = (name: string, value: string) => void this.outputs.set(name, value);
  setFailed = (message: string) => void this.failures.push(message);
  writeSummary = async (markdown: string) => void this.summaries.push(markdown);
  levels(level: string) {
    return this.annotations.filter((a) => a.level === level);
  }
}

export interface RunOptions {
  eventName?: string;
  /** Must be shaped like GitHub's payloads of `eventName` (checked against its webhook schema). */
  payload?: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** GitHub's recorded `pull_request` payload of activity `action`, pointed at PR `number` of octo/repo. */
export function prEvent(number: number, headSha = 'f'.repeat(40), action = 'synchronize') {
  return pullRequestPayload(action, { repository: 'octo/repo', number, headSha });
}

/** The evaluation of the same PR through the local git source: what the statuses must say. */
export async function engineSays(
  repo: TempRepo,
  base: string,
  head: string,
  labels: string[] = [],
  config: Config = DEFAULT_CONFIG,
): Promise<Evaluation> {
  const source = new LocalGitSource({
    repo: repo.dir,
    base,
    head,
    headRef: HEAD_REF,
    labels,
    author: 'copilot-swe-agent[bot]',
  });
  try {
    return await evaluate(await source.facts(), source.reader(), config, {
      configPath: '.github/merge-gate.yml',
      mergeBaseReader: source.mergeBaseReader(),
      evidence: source.evidence(),
    });
  } finally {
    await source.close();
  }
}

interface PreparedPr {
  repo: TempRepo;
  base: string;
  head: string;
  expected: Evaluation;
}

/** The helpers that talk to the fake API; `github` is read at call time (a new server per test). */
export function actionHarness(github: () => FakeGitHub) {
  async function runAction(options: RunOptions = {}): Promise<RecordingIO> {
    const io = new RecordingIO({ 'github-token': TOKEN, ...options.inputs });
    const eventName = options.eventName ?? 'pull_request_target';
    const event = options.payload ?? prEvent(7);
    expectGitHubShaped(eventName, event);
    const payload = JSON.stringify(event);
    await run({
      env: {
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: '/runner/event.json',
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_API_URL: github().url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '4242',
        ...options.env,
      },
      io,
      readFile: async (path) => {
        if (path !== '/runner/event.json') throw new Error(`unexpected read of ${path}`);
        return payload;
      },
      connect: (connection) =>
        connectGitHub({
          ...connection,
          // A request the fake will leave hanging (an injected timeout) is given up on after 50 ms;
          // any other gets 30 s. The fake runs in this process, so on a loaded machine an answer
          // can take seconds, and a read given up on is an error (the gate fails closed): a short
          // timeout for every request made the fault suites fail under load.
          client: {
            retries: 2,
            retryBaseMs: 1,
            requestTimeoutMs: github().requestTimeout(30_000),
            rateLimitSecondMs: 1,
            log: quiet,
          },
        }),
      now: () => 0,
    });
    return io;
  }

  /**
   * A PR from fixture 743 in a temp repository, served by the fake; returns what the engine says of
   * it. The seed proof claims a file its PR never delivered (and the recorded fixture lacks the
   * workflow it changed), so with evidence verification on it fails: the suites about the action's
   * plumbing serve it under a base config with `evidence.verify: off` (the default here), and
   * action-evidence.test.ts serves it with `enforce`.
   */
  /**
   * The fixture PR's repository and what the engine says of it, per base config and labels: built
   * once per suite (a repository and a local evaluation cost git processes), served to each test's
   * fake by SHA, so a test that commits more to the repository changes no other test's PR.
   */
  const prepared = new Map<string, Promise<PreparedPr>>();
  function preparedPr(evidence: string, labels: string[] | undefined): Promise<PreparedPr> {
    const key = JSON.stringify([evidence, labels]);
    let pr = prepared.get(key);
    if (!pr) {
      const configText = `evidence:\n  verify: ${evidence}\n`;
      const { repo, base, head } = gitRepoFromFixture(FIXTURE, HEAD_REF, { [CONFIG_PATH]: configText });
      pr = engineSays(repo, base, head, labels, loadConfig(configText, CONFIG_PATH)).then((expected) => ({
        repo,
        base,
        head,
        expected,
      }));
      prepared.set(key, pr);
    }
    return pr;
  }

  async function serveFixturePr(
    options: { labels?: string[]; number?: number; evidence?: 'enforce' | 'warn' | 'off' } = {},
  ) {
    const pr = await preparedPr(options.evidence ?? 'off', options.labels);
    await github().servePullRequestFromGit(pr.repo.dir, {
      number: options.number ?? 7,
      headRef: HEAD_REF,
      base: pr.base,
      head: pr.head,
      labels: options.labels,
    });
    // The proof's triggering issue: on GitHub it is an issue (a local run cannot look it up).
    github().evidence.setIssue('octo/repo', 741);
    return { ...pr };
  }

  /**
   * A PR with implementation code and no proof (the proof check and the verdict fail), with `config`
   * as the base branch's .github/merge-gate.yml when given.
   */
  async function serveFailingPr(options: { number?: number; config?: string } = {}) {
    const repo = createRepo({
      files: {
        'README.md': '# base\n',
        ...(options.config !== undefined ? { '.github/merge-gate.yml': options.config } : {}),
      },
    });
    const base = repo.sha();
    repo.branch(HEAD_REF);
    const head = repo.commit('no proof', { 'apps/web/src/feature.ts': 'export const x = 1;\n' });
    await github().servePullRequestFromGit(repo.dir, {
      number: options.number ?? 7,
      headRef: HEAD_REF,
      base,
      head,
    });
    return { repo, base, head };
  }

  function expectAllTerminal(sha: string, prefix = '') {
    const finals = github().finalStatuses(sha);
    for (const check of CHECK_IDS) {
      const status = finals.get(prefix ? `${prefix}/${check}` : check);
      expect(status?.state).toMatch(/^(success|failure|error)$/);
    }
    expect(finals.size).toBe(7);
  }

  return { runAction, serveFixturePr, serveFailingPr, expectAllTerminal };
}
