/**
 * The fake GitHub's file contents: files set by hand and repositories on disk, served as GitHub's
 * contents API serves them (raw bytes for the raw media type, else base64 JSON), and the merge base
 * `compare` answers with.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GitRepositories } from './fake-git-store.js';
import type { FakePullRequest } from './fake-github-types.js';
import { contentFileJson } from './github-answers.js';
import { send } from './fake-http.js';

export class FakeContents {
  private readonly files = new Map<string, Uint8Array | null>();
  private readonly git = new GitRepositories();

  /** A file at a commit (or ref); `null` makes it answer 404 even if git has it. */
  set(repository: string, ref: string, path: string, content: string | Uint8Array | null): void {
    this.files.set(
      `${repository}@${ref}:${path}`,
      typeof content === 'string' ? Buffer.from(content) : content,
    );
  }

  /** Answers for `repository` at any commit from a git repository on disk. */
  serveGit(repository: string, gitDir: string): void {
    this.git.serve(repository, gitDir);
  }

  gitDirOf(repository: string): string | undefined {
    return this.git.dirOf(repository);
  }

  /** `GET /repos/{repo}/contents/{path}?ref=`; the raw media type unless `rawContents` is off. */
  async serve(
    req: IncomingMessage,
    res: ServerResponse,
    at: { repository: string; path: string; ref: string; rawContents: boolean },
  ): Promise<void> {
    const { repository, path, ref } = at;
    const content = await this.contentAt(repository, ref, path);
    if (!content) return send(res, 404, { message: 'Not Found' });
    if (at.rawContents && /raw/.test(req.headers.accept ?? '')) {
      res.writeHead(200, {
        'content-type': 'application/vnd.github.raw',
        'content-length': content.byteLength,
      });
      res.end(content);
      return;
    }
    send(res, 200, contentFileJson(repository, ref, path, content));
  }

  /**
   * `GET /repos/{repo}/compare/{base}...{head}`: what the action reads of it, the merge base (from
   * git, else the PR's `mergeBaseSha`, else its base).
   */
  async serveCompare(
    res: ServerResponse,
    at: { repository: string; base: string; head: string; pr: FakePullRequest | undefined },
  ): Promise<void> {
    const { repository, base, head, pr } = at;
    const mergeBase = (await this.git.mergeBase(repository, base, head)) ?? pr?.mergeBaseSha ?? pr?.baseSha;
    if (!mergeBase) return send(res, 404, { message: 'Not Found' });
    send(res, 200, {
      status: 'diverged',
      base_commit: { sha: base },
      merge_base_commit: { sha: mergeBase },
      commits: [],
      files: [],
    });
  }

  private async contentAt(repository: string, ref: string, path: string): Promise<Uint8Array | undefined> {
    const key = `${repository}@${ref}:${path}`;
    if (this.files.has(key)) return this.files.get(key) ?? undefined;
    return this.git.blobAt(repository, ref, path);
  }
}
