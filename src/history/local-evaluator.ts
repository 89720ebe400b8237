/**
 * Local mode's evaluator: each PR through the same `LocalGitSource` and `evaluateSource` as
 * `merge-gate check --base <base> --head <head> --head-ref <branch>`, with one `git cat-file --batch`
 * process, one config per distinct config text and one parse per distinct document shared by all PRs.
 */
import { resolve } from 'node:path';
import type { Config } from '../config/types.js';
import { DocumentMemo } from '../evaluate/document-memo.js';
import { CatFileBatch } from '../sources/git-cat-file.js';
import { LocalGitSource } from '../sources/local-git.js';
import { runGit } from '../sources/git-process.js';
import { evaluatePull } from './evaluate-pull.js';
import { ConfigCache } from './config-cache.js';
import type { HistoryPull, PullEvaluations, PullEvaluator } from './types.js';

export class LocalPullEvaluator implements PullEvaluator {
  private readonly repo: string;
  private readonly batch: CatFileBatch;
  private readonly configs = new ConfigCache();
  private readonly memo = new DocumentMemo();

  /** @param shallow the clone is shallow: a missing commit is then most likely cut off by it. */
  constructor(
    repo: string,
    private readonly shallow = false,
  ) {
    this.repo = resolve(repo);
    this.batch = new CatFileBatch(this.repo);
  }

  async evaluate(pull: HistoryPull, proposed?: Config): Promise<PullEvaluations> {
    const source = new LocalGitSource({
      repo: this.repo,
      base: pull.base,
      head: pull.head,
      // What `check --head-ref` would be given: the branch when history names it, else nothing ('').
      headRef: pull.headRef ?? '',
      ...(pull.labels ? { labels: pull.labels } : {}),
      ...(pull.author ? { author: pull.author } : {}),
      batch: this.batch,
      commits: await this.commitsOf(pull),
    });
    return evaluatePull(source, this.configs, this.memo, proposed);
  }

  /**
   * The PR's commits, checked to be in the repository (through the batch process: no process per
   * PR), and where `base...head` starts: for a squash commit its parent, the base, itself.
   */
  private async commitsOf(
    pull: HistoryPull,
  ): Promise<{ baseSha: string; headSha: string; mergeBase: string }> {
    const why = this.shallow ? ' (the clone is shallow: git fetch --unshallow)' : '';
    for (const [role, sha] of [
      ['base', pull.base],
      ['head', pull.head],
    ] as const) {
      const object = await this.batch.read(sha, 0);
      if (!object.found || object.type !== 'commit') {
        throw new Error(`the PR's ${role} commit ${sha.slice(0, 12)} is not in this repository${why}`);
      }
    }
    if (pull.origin === 'squash') return { baseSha: pull.base, headSha: pull.head, mergeBase: pull.base };
    const found = await runGit(this.repo, ['merge-base', pull.base, pull.head], { okExitCodes: [1] });
    const mergeBase = found.stdout.toString('utf8').trim();
    if (found.exitCode !== 0 || !mergeBase)
      throw new Error(
        `the PR's base ${pull.base.slice(0, 12)} and head ${pull.head.slice(0, 12)} have no common ancestor${why}`,
      );
    return { baseSha: pull.base, headSha: pull.head, mergeBase };
  }

  close(): Promise<void> {
    return this.batch.close();
  }
}
