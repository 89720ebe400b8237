import type {
  ChangeStatus,
  ChangedFile,
  FileContent,
  FileReader,
  PullRequestFacts,
} from '../../src/model/facts.js';
import type { Config } from '../../src/config/types.js';
import type { EvidenceLookup } from '../../src/model/evidence.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';

export interface FileSpec {
  /** Content at head; omitted for removed files. */
  content?: string;
  status?: ChangeStatus;
  patch?: string;
  previousPath?: string;
}

/**
 * A pull request held in memory: changed files with their head contents, plus files unchanged at
 * head, and (once `atBase` is called) files at the merge base.
 */
export class InMemoryPr {
  readonly files = new Map<string, FileSpec>();
  readonly unchanged = new Map<string, string>();
  private mergeBase?: Map<string, string>;
  facts: Omit<PullRequestFacts, 'changedFiles'> = {
    number: 1,
    title: 'A pull request',
    body: '',
    draft: false,
    author: 'copilot-swe-agent[bot]',
    labels: [],
    headRef: 'copilot/feature',
    headSha: 'a'.repeat(40),
    baseRef: 'main',
    baseSha: 'b'.repeat(40),
    isFork: false,
  };
  readonly reads: string[] = [];
  /** Earlier commits of the PR, oldest first, with the files they changed (for stale hashes). */
  readonly commits: { sha: string; files: Record<string, string> }[] = [];
  /** Files at the base commit, before the PR changed them. */
  readonly base = new Map<string, string>();
  /** Issues and PRs by `owner/repo#n` (this repository is `octo/repo`). */
  readonly issues = new Map<string, 'issue' | 'pull_request'>();
  /** Check runs and statuses on the head commit; undefined: the token may not read them. */
  checks?: string[];
  /** What the source cannot do, with its reason (a fixture has no tree, a local run no API). */
  readonly unavailable = new Map<'tree' | 'commits' | 'api', string>();
  readonly lookups: string[] = [];

  change(path: string, spec: FileSpec | string): this {
    this.files.set(
      path,
      typeof spec === 'string' ? { content: spec, status: 'added' } : { status: 'added', ...spec },
    );
    return this;
  }

  remove(path: string): this {
    this.files.delete(path);
    return this;
  }

  atHead(path: string, content: string): this {
    this.unchanged.set(path, content);
    return this;
  }

  /** A file at the merge base: gives the PR a merge-base side, as the git and GitHub sources have. */
  atBase(path: string, content: string): this {
    (this.mergeBase ??= new Map()).set(path, content);
    return this;
  }

  /** Files at the merge base; undefined (like a fixture's) until `atBase` is called. */
  mergeBaseReader(): FileReader | undefined {
    const base = this.mergeBase;
    if (!base) return undefined;
    return {
      read: async (path): Promise<FileContent> => {
        const text = base.get(path);
        return text === undefined ? { state: 'absent' } : { state: 'ok', text };
      },
    };
  }

  with(facts: Partial<PullRequestFacts>): this {
    this.facts = { ...this.facts, ...facts };
    return this;
  }

  pullRequest(): PullRequestFacts {
    const changedFiles: ChangedFile[] = [...this.files].map(([path, spec]) => {
      const lines = spec.content?.split('\n').length ?? 0;
      return {
        path,
        status: spec.status ?? 'added',
        previousPath: spec.previousPath,
        additions: spec.status === 'removed' ? 0 : lines,
        deletions: spec.status === 'removed' ? lines : 0,
        patch: spec.patch,
      };
    });
    return { ...this.facts, changedFiles };
  }

  /** An earlier commit of the PR that left `files` (path → content) as given. */
  commit(sha: string, files: Record<string, string>): this {
    this.commits.push({ sha, files });
    return this;
  }

  /**
   * The evidence lookups of this PR, from the same data: the head tree is the changed files plus
   * the unchanged ones, the commits are those recorded, then head.
   */
  evidence(): EvidenceLookup {
    const gone = (what: 'tree' | 'commits' | 'api') => {
      const reason = this.unavailable.get(what);
      return reason === undefined ? undefined : ({ state: 'unavailable', reason } as const);
    };
    const log = (what: string) => void this.lookups.push(what);
    return {
      repository: 'octo/repo',
      headTree: async () => {
        log('tree');
        const present = [...this.files].filter(([, spec]) => spec.status !== 'removed').map(([p]) => p);
        const files = [...new Set([...present, ...this.unchanged.keys()])];
        const directories = new Set(
          files.flatMap((p) =>
            p
              .split('/')
              .slice(0, -1)
              .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
          ),
        );
        return gone('tree') ?? { state: 'ok', files, directories: [...directories] };
      },
      pullRequestCommits: async (path) => {
        log(`commits ${path ?? ''}`);
        const all = [...this.commits.map((c) => c.sha), this.facts.headSha];
        const touched =
          path === undefined
            ? all
            : [...this.commits.filter((c) => path in c.files).map((c) => c.sha), this.facts.headSha];
        return gone('commits') ?? { state: 'ok', commits: touched };
      },
      readAt: async (sha, path) => {
        log(`read ${sha.slice(0, 7)} ${path}`);
        const commit = this.commits.find((c) => c.sha === sha);
        const text = sha === this.facts.baseSha ? this.base.get(path) : commit?.files[path];
        return text === undefined ? { state: 'absent' } : { state: 'ok', text };
      },
      issue: async ({ repository = 'octo/repo', number }) => {
        log(`issue ${repository}#${number}`);
        return gone('api') ?? { state: this.issues.get(`${repository}#${number}`) ?? 'absent' };
      },
      headChecks: async () => {
        log('checks');
        const refused =
          this.checks === undefined
            ? ({ state: 'unavailable', reason: 'the token may not read check runs' } as const)
            : undefined;
        return gone('api') ?? refused ?? { state: 'ok', names: this.checks ?? [] };
      },
    };
  }

  reader(): FileReader {
    return {
      read: async (path): Promise<FileContent> => {
        this.reads.push(path);
        const spec = this.files.get(path);
        if (spec)
          return spec.status === 'removed' || spec.content === undefined
            ? { state: 'absent' }
            : { state: 'ok', text: spec.content };
        const text = this.unchanged.get(path);
        return text === undefined ? { state: 'absent' } : { state: 'ok', text };
      },
    };
  }
}

/** DEFAULT_CONFIG with some sections replaced (a deep copy, so tests cannot leak into each other). */
export function configWith(overrides: Partial<Config> = {}): Config {
  return { ...structuredClone(DEFAULT_CONFIG), ...structuredClone(overrides) };
}
