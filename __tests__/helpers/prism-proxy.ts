/**
 * GitHub's OpenAPI description, enforced: Prism (`prism proxy <description> <upstream> --errors=false`)
 * sits between the action and the fake GitHub, validates every request the action sends and every
 * answer the fake gives, and the suite fails on any violation.
 *
 *   action ──► recorder ──► Prism ──► relay ──► FakeGitHub (a new one per test)
 *
 * Prism reports violations in its log and in an `sl-violations` response header. The header is the
 * reliable one: it travels with the answer it is about (the log is written asynchronously and does
 * not say which request a line belongs to), so the recorder reads it from every answer before
 * passing the answer on. An answer Prism made itself (`application/problem+json`: no route matched,
 * the upstream failed) is a violation too; GitHub never answers in that media type. Prism is given
 * GitHub's description cut to the operations the action calls, with one rewrite that lets it check
 * every answer (prism-description.ts: otherwise it skips, silently, answers such as an issue's). It
 * loads that in about a second (the whole 13 MB description: 6–20 s and ~350 MiB), and a suite
 * still starts it once (`beforeAll`) and points the relay at each test's fake.
 *
 *   const proxy = await ValidatingProxy.start();   // throws, with Prism's own words, if it cannot start
 *   proxy.forwardTo(github.url);                   // the action uses proxy.url as GITHUB_API_URL
 *   expect(proxy.takeViolations()).toEqual([]);
 *   await proxy.close();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeEnforceableDescription } from './prism-description.js';

/** GitHub's REST description, as @octokit/openapi ships it. */
export const GITHUB_DESCRIPTION = join(
  process.cwd(),
  'node_modules/@octokit/openapi/generated/api.github.com.json',
);
const PRISM = join(process.cwd(), 'node_modules/@stoplight/prism-cli/dist/index.js');

/** One thing Prism found wrong with a request or an answer. */
export interface Violation {
  method: string;
  /** The request path, with its query. */
  path: string;
  /** The answer's HTTP status. */
  status: number;
  /** `request.…` or `response.…`, as Prism names it. */
  location: string;
  severity: string;
  code: string;
  message: string;
}

/** Prism's `sl-violations` entry. */
interface PrismViolation {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

/**
 * The one gap in the description that this suite waives: the contents API's raw media type
 * (`application/vnd.github.raw`, which the action asks for so that files arrive as bytes) is not
 * described (github/rest-api-description#6089). For such an answer Prism says two things, both
 * that gap: the media type is not among the described ones, and the body (the file) is not the
 * JSON object the described media types hold. Only those two, on the contents route, for an answer
 * in exactly that media type.
 */
export function isWaived(violation: Violation, contentType: string): boolean {
  const rawContents =
    violation.method === 'GET' &&
    /^\/repos\/[^/]+\/[^/]+\/contents\//.test(violation.path) &&
    /^application\/vnd\.github\.raw(;|$)/.test(contentType);
  const undescribedMediaType =
    violation.location === 'response' &&
    violation.message ===
      'The received media type "application/vnd.github.raw" does not match the ones specified in the current response: application/vnd.github.object, application/json';
  const notAnObject =
    violation.location === 'response.body' &&
    violation.code === 'type' &&
    violation.message === 'Response body must be object';
  return rawContents && (undescribedMediaType || notAnObject);
}

/** Parses an `sl-violations` header (Prism cuts it at ~8 KB: then it is still a violation, unparsed). */
export function parseViolationHeader(
  value: string,
  request: { method: string; path: string; status: number },
): Violation[] {
  let entries: PrismViolation[];
  try {
    entries = JSON.parse(value) as PrismViolation[];
  } catch {
    entries = [{ location: ['response'], severity: 'Error', code: 'truncated', message: value }];
  }
  return entries.map((entry) => ({
    ...request,
    location: (entry.location ?? []).join('.'),
    severity: entry.severity ?? 'Error',
    code: String(entry.code ?? ''),
    message: entry.message ?? '',
  }));
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Forwards `req` to `target` (same path and query) and hands the answer to `onAnswer`. */
function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  onAnswer: (answer: IncomingMessage) => void = () => undefined,
): void {
  const url = new URL(req.url ?? '/', target);
  const headers = { ...req.headers };
  delete headers.host;
  const upstream = httpRequest(url, { method: req.method, headers }, (answer) => {
    onAnswer(answer);
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `validating proxy: ${error.message}` }));
  });
  req.pipe(upstream);
}

export class ValidatingProxy {
  private target?: string;
  private readonly violations: Violation[] = [];
  /** Prism's log after start-up (its route listing left out), for failure messages. */
  private log: string[] = [];

  private constructor(
    private readonly prism: ChildProcess,
    private readonly recorder: Server,
    private readonly relay: Server,
    /** What the action talks to (`GITHUB_API_URL`). */
    readonly url: string,
    /** The temporary folder of the description Prism loaded, removed on close. */
    private readonly descriptionDir?: string,
  ) {}

  /**
   * Starts the relay, Prism and the recorder; rejects with Prism's output if Prism does not start
   * (exits, or does not listen within `timeoutMs`, default 240 s: a busy machine slows the load).
   * `description` is handed to Prism as it is; by default, GitHub's, made enforceable in full.
   */
  static async start(options: { timeoutMs?: number; description?: string } = {}): Promise<ValidatingProxy> {
    const state: { proxy?: ValidatingProxy } = {};
    const enforceable = options.description ? undefined : writeEnforceableDescription(GITHUB_DESCRIPTION);
    const removeDescription = () => enforceable && rmSync(enforceable.dir, { recursive: true, force: true });
    const relay = createServer((req, res) => {
      const target = state.proxy?.target;
      if (!target) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'validating proxy: no fake GitHub to forward to' }));
        return;
      }
      forward(req, res, target);
    });
    const relayUrl = await listen(relay);
    const prism = spawn(
      process.execPath,
      [
        PRISM,
        'proxy',
        options.description ?? enforceable?.path ?? GITHUB_DESCRIPTION,
        relayUrl,
        '--errors=false',
        '-h',
        '127.0.0.1',
        '-p',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
    );
    let prismUrl: string;
    try {
      prismUrl = await prismListening(prism, options.timeoutMs ?? 240_000);
    } catch (error) {
      prism.kill('SIGKILL');
      await closeServer(relay);
      removeDescription();
      throw error;
    }
    const recorder = createServer((req, res) => state.proxy?.record(req, res, prismUrl));
    const proxy = new ValidatingProxy(prism, recorder, relay, await listen(recorder), enforceable?.dir);
    state.proxy = proxy;
    for (const stream of [prism.stdout, prism.stderr])
      stream?.on('data', (chunk: Buffer) => proxy.keepLog(chunk.toString('utf8')));
    return proxy;
  }

  /** Sends what the proxy receives to this fake GitHub from now on. */
  forwardTo(url: string): void {
    this.target = url;
  }

  /** The violations since the last call (waived ones left out), and forgets them. */
  takeViolations(): Violation[] {
    return this.violations.splice(0);
  }

  /** The end of Prism's log, to show next to violations. */
  logTail(lines = 40): string {
    return this.log.slice(-lines).join('\n');
  }

  /** Peak resident memory of the Prism process in MiB, from /proc (Linux), if known. */
  peakMemoryMiB(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.prism.pid}/status`, 'utf8');
      const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
      return Number.isFinite(kib) ? Math.round(kib / 1024) : undefined;
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.prism.exitCode !== null || this.prism.signalCode !== null) resolve();
      else this.prism.once('exit', () => resolve());
    });
    this.prism.kill('SIGTERM');
    await Promise.all([closeServer(this.recorder), closeServer(this.relay), exited]);
    if (this.descriptionDir) rmSync(this.descriptionDir, { recursive: true, force: true });
  }

  private record(req: IncomingMessage, res: ServerResponse, prismUrl: string): void {
    forward(req, res, prismUrl, (answer) => {
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', status: answer.statusCode ?? 0 };
      const contentType = String(answer.headers['content-type'] ?? '');
      const header = answer.headers['sl-violations'];
      const found = typeof header === 'string' ? parseViolationHeader(header, request) : [];
      if (/^application\/problem\+json/.test(contentType)) {
        // Prism answered itself: nothing matched in the description, or the fake could not be reached.
        found.push({
          ...request,
          location: 'proxy',
          severity: 'Error',
          code: 'prism',
          message: 'Prism answered itself',
        });
      }
      this.violations.push(...found.filter((violation) => !isWaived(violation, contentType)));
    });
  }

  private keepLog(text: string): void {
    this.log.push(...text.split('\n').filter((line) => line.trim() !== ''));
    if (this.log.length > 2000) this.log = this.log.slice(-1000);
  }
}

/** Resolves with Prism's URL once it says it listens; rejects with its output if it exits or stalls. */
function prismListening(prism: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const output: string[] = [];
    const stop = () => {
      clearTimeout(timer);
      prism.stdout?.off('data', read);
      prism.stderr?.off('data', readError);
      prism.off('error', onError);
      prism.off('exit', onExit);
    };
    const fail = (why: string) => {
      stop();
      const tail = output.join('').split('\n').slice(-60).join('\n');
      reject(new Error(`Prism (the validating proxy for GitHub's OpenAPI description) ${why}:\n${tail}`));
    };
    const read = (chunk: Buffer) => {
      // The start-up route listing is a line per operation: keep only what explains a failure.
      const lines = chunk.toString('utf8').split(/(?<=\n)/);
      output.push(...lines.filter((line) => !/ info +(GET|POST|PUT|PATCH|DELETE|HEAD) /.test(line)));
      const match = /Prism is listening on (http:\/\/[\w.:[\]]+)/.exec(output.join(''));
      if (match?.[1]) {
        stop();
        resolve(match[1]);
      }
    };
    const readError = (chunk: Buffer) => void output.push(chunk.toString('utf8'));
    const onError = (error: Error) => fail(`could not be started (${error.message})`);
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited before listening (${signal ?? `exit code ${code}`})`);
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs / 1000} s`), timeoutMs);
    prism.stdout?.on('data', read);
    prism.stderr?.on('data', readError);
    prism.once('error', onError);
    prism.once('exit', onExit);
  });
}
