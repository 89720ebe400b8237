import type {
  EvidenceLookup,
  HeadChecks,
  HeadTree,
  IssueLookup,
  IssueReference,
  PullRequestCommits,
} from '../../model/evidence.js';
import type { FileContent } from '../../model/facts.js';

/** The head tree as sets, for lookups by path and by file name. */
export interface TreeIndex {
  files: ReadonlySet<string>;
  directories: ReadonlySet<string>;
  /** File name → the paths that have it. */
  byName: ReadonlyMap<string, readonly string[]>;
}

/**
 * The source's lookups, each made at most once per evaluation (a proof and its related proofs may
 * ask the same thing), with the tree indexed once. Without a source lookup, everything is unavailable.
 */
export class CachedLookup {
  private tree?: Promise<TreeIndex | { state: 'unavailable'; reason: string }>;
  private readonly commits = new Map<string, Promise<PullRequestCommits>>();
  private checks?: Promise<HeadChecks>;
  private readonly files = new Map<string, Promise<FileContent>>();
  private readonly issues = new Map<string, Promise<IssueLookup>>();

  constructor(private readonly source: EvidenceLookup | undefined) {}

  /** `owner/repo` of the PR, when the source knows it. */
  get repository(): string | undefined {
    return this.source?.repository;
  }

  headTree(): Promise<TreeIndex | { state: 'unavailable'; reason: string }> {
    this.tree ??= this.call((s) => s.headTree(), unavailable).then((tree) =>
      tree.state === 'ok' ? indexTree(tree) : tree,
    );
    return this.tree;
  }

  /** The PR's commits that changed `path`, oldest first. */
  pullRequestCommits(path: string): Promise<PullRequestCommits> {
    let commits = this.commits.get(path);
    if (!commits) {
      commits = this.call((s) => s.pullRequestCommits(path), unavailable);
      this.commits.set(path, commits);
    }
    return commits;
  }

  headChecks(): Promise<HeadChecks> {
    this.checks ??= this.call((s) => s.headChecks(), unavailable);
    return this.checks;
  }

  readAt(commit: string, path: string): Promise<FileContent> {
    const key = `${commit}\0${path}`;
    let content = this.files.get(key);
    if (!content) {
      content = this.call(
        (s) => s.readAt(commit, path),
        (reason): FileContent => ({ state: 'unreadable', reason }),
      );
      this.files.set(key, content);
    }
    return content;
  }

  issue(reference: IssueReference): Promise<IssueLookup> {
    const key = `${reference.repository ?? ''}#${reference.number}`;
    let answer = this.issues.get(key);
    if (!answer) {
      answer = this.call((s) => s.issue(reference), unavailable);
      this.issues.set(key, answer);
    }
    return answer;
  }

  /** A lookup that throws is as good as unavailable: the rule says it could not check. */
  private async call<T>(
    run: (source: EvidenceLookup) => Promise<T>,
    fallback: (reason: string) => T,
  ): Promise<T> {
    if (!this.source) return fallback('this source offers no lookups');
    try {
      return await run(this.source);
    } catch (error) {
      return fallback(error instanceof Error ? error.message : String(error));
    }
  }
}

function unavailable(reason: string): { state: 'unavailable'; reason: string } {
  return { state: 'unavailable', reason };
}

function indexTree(tree: Extract<HeadTree, { state: 'ok' }>): TreeIndex {
  const byName = new Map<string, string[]>();
  for (const path of tree.files) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const list = byName.get(name);
    if (list) list.push(path);
    else byName.set(name, [path]);
  }
  return { files: new Set(tree.files), directories: new Set(tree.directories), byName };
}
