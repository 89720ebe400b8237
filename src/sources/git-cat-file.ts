import type { ChildProcess } from 'node:child_process';
import { GitError, failure, spawnGit, startError } from './git-process.js';

/** What `git cat-file --batch` says about one object name (`<commit>:<path>`). */
export type CatFileResult =
  | { found: false }
  /** `content` is undefined when the object is larger than the caller's limit (its bytes were skipped, not kept). */
  | { found: true; type: string; size: number; content?: Buffer };

interface Request {
  maxBytes: number;
  resolve: (result: CatFileResult) => void;
  reject: (error: Error) => void;
}

interface Body {
  request: Request;
  type: string;
  size: number;
  keep: boolean;
  parts: Buffer[];
  received: number;
}

/** `<oid> <type> <size>`; anything else (`<name> missing`, `<name> ambiguous`) means not found. */
const HEADER = /^[0-9a-f]{40,64} (\S+) (\d+)$/;

/**
 * One long-lived `git cat-file --batch` process answering object reads in order, so reading a
 * thousand files costs one process, not a thousand. Started on first use; `close()` ends it.
 */
export class CatFileBatch {
  private child?: ChildProcess;
  private readonly queue: Request[] = [];
  private header = Buffer.alloc(0);
  private body?: Body;
  private stderr = '';

  constructor(private readonly repo: string) {}

  /** Reads `<commit>:<path>`. The name must not contain a newline (the batch protocol is line-based). */
  read(name: string, maxBytes: number): Promise<CatFileResult> {
    if (name.includes('\n'))
      return Promise.reject(new GitError('object names with a newline need a separate read'));
    return new Promise((resolve, reject) => {
      this.queue.push({ maxBytes, resolve, reject });
      this.process().stdin?.write(`${name}\n`);
    });
  }

  /** Ends the process (if it was started) and waits for it to exit. */
  close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('close', () => resolve());
      child.stdin?.end();
    });
  }

  private process(): ChildProcess {
    if (this.child) return this.child;
    const child = spawnGit(this.repo, ['cat-file', '--batch']);
    child.stdout?.on('data', (chunk: Buffer) => this.consume(chunk));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    // A write after the process died raises EPIPE here; the 'close' handler reports the real cause.
    child.stdin?.on('error', () => undefined);
    child.on('error', (error) => this.fail(child, startError(error)));
    child.on('close', (code) => this.fail(child, failure(['cat-file', '--batch'], code ?? -1, this.stderr)));
    this.child = child;
    return child;
  }

  /** The process is gone: reject what was waiting; a later read starts a new process. */
  private fail(child: ChildProcess, error: Error): void {
    if (this.child !== child) return;
    this.child = undefined;
    this.header = Buffer.alloc(0);
    this.stderr = '';
    this.body?.request.reject(error);
    this.body = undefined;
    for (const request of this.queue.splice(0)) request.reject(error);
  }

  /** Splits git's output into answers: a header line, then (for found objects) size bytes and a newline. */
  private consume(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.body) {
        offset = this.consumeBody(this.body, chunk, offset);
        continue;
      }
      const newline = chunk.indexOf(10, offset);
      if (newline === -1) {
        this.header = Buffer.concat([this.header, chunk.subarray(offset)]);
        return;
      }
      const line = Buffer.concat([this.header, chunk.subarray(offset, newline)]).toString('utf8');
      this.header = Buffer.alloc(0);
      offset = newline + 1;
      this.startAnswer(line);
    }
  }

  private startAnswer(line: string): void {
    const request = this.queue.shift();
    if (!request) return;
    const match = HEADER.exec(line);
    if (!match) {
      request.resolve({ found: false });
      return;
    }
    const size = Number(match[2]);
    // Oversized objects are skipped as they stream by, so a huge blob never sits in memory.
    this.body = {
      request,
      type: match[1] ?? '',
      size,
      keep: size <= request.maxBytes,
      parts: [],
      received: 0,
    };
  }

  private consumeBody(body: Body, chunk: Buffer, offset: number): number {
    const wanted = body.size + 1 - body.received; // + the newline git writes after the content
    const taken = Math.min(wanted, chunk.length - offset);
    if (body.keep) body.parts.push(chunk.subarray(offset, offset + taken));
    body.received += taken;
    if (body.received === body.size + 1) {
      this.body = undefined;
      const content = body.keep ? Buffer.concat(body.parts).subarray(0, body.size) : undefined;
      body.request.resolve({ found: true, type: body.type, size: body.size, content });
    }
    return offset + taken;
  }
}
