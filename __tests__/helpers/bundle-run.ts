/**
 * The committed bundle, run exactly as a runner runs it: `node dist/index.js` in its own process,
 * with the `GITHUB_*` / `INPUT_*` environment, an event file, `GITHUB_STEP_SUMMARY` and
 * `GITHUB_OUTPUT`, against a loopback HTTP server standing in for the GitHub API. Every event
 * payload is checked against GitHub's webhook schemas before it is written (see webhook-payloads.ts).
 * Build the bundle first (`npm run bundle`); nothing here builds it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerEnv } from './runner-env.js';
import { expectGitHubShaped } from './webhook-payloads.js';

export const BUNDLE = join(process.cwd(), 'dist/index.js');

export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  /** The raw GITHUB_OUTPUT file. */
  outputFile: string;
  outputs: Record<string, string>;
}

export interface BundleRunOptions {
  /** GITHUB_API_URL: the fake GitHub, or the validating proxy in front of it. */
  apiUrl: string;
  token: string;
  eventName: string;
  payload: unknown;
  /** GITHUB_REPOSITORY; default `octo/repo`. */
  repository?: string;
  inputs?: Record<string, string>;
  workspace?: string;
  /**
   * `recorded`: the payload is one of GitHub's own recordings, sent as GitHub sent it. Older
   * recordings lack fields added to the webhook schemas since, so they are not checked against
   * today's schema; every other payload must satisfy it.
   */
  payloadSource?: 'recorded';
  /** The bundle's entry; default: the committed dist/index.js. */
  bundle?: string;
}

/** Fails the suite early, with the fix, when the bundle was not built. */
export function expectBundleBuilt(): void {
  if (!existsSync(BUNDLE))
    throw new Error(
      'dist/index.js is missing: run `npm run bundle` (the e2e tests run the committed bundle).',
    );
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as `core.setOutput` writes them. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^(.+?)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

/**
 * The token appears only in the `::add-mask::` command (the runner consumes it and masks the value
 * everywhere): not in the log, the summary, the outputs, nor in `elsewhere` (statuses, comments posted).
 */
export function expectTokenHidden(run: BundleRun, token: string, ...elsewhere: string[]): void {
  const mask = `::add-mask::${token}`;
  expect(run.stdout).toContain(mask);
  const visible = [run.stdout.replaceAll(mask, ''), run.stderr, run.summary, run.outputFile, ...elsewhere];
  for (const text of visible) expect(text).not.toContain(token);
}

const temps: string[] = [];

/** Removes the runs' temporary folders (call in `afterAll`). */
export function removeBundleRunDirs(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function runBundle(options: BundleRunOptions): Promise<BundleRun> {
  if (options.payloadSource !== 'recorded') expectGitHubShaped(options.eventName, options.payload);
  const dir = mkdtempSync(join(tmpdir(), 'merge-gate-e2e-'));
  temps.push(dir);
  const inputs = {
    'github-token': options.token,
    config: '.github/merge-gate.yml',
    'fail-on': 'error',
    'context-prefix': '',
    comment: '',
    ...options.inputs,
  };
  const env = runnerEnv({
    dir,
    apiUrl: options.apiUrl,
    eventName: options.eventName,
    repository: options.repository,
    workspace: options.workspace,
    inputs,
  });
  const files = {
    event: env.GITHUB_EVENT_PATH!,
    summary: env.GITHUB_STEP_SUMMARY!,
    output: env.GITHUB_OUTPUT!,
  };
  writeFileSync(files.event, JSON.stringify(options.payload));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const child = spawn(process.execPath, [options.bundle ?? BUNDLE], {
    env,
    cwd: options.workspace ?? dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputFile = readFileSync(files.output, 'utf8');
  return {
    code,
    stdout,
    stderr,
    summary: readFileSync(files.summary, 'utf8'),
    outputFile,
    outputs: parseOutputs(outputFile),
  };
}
