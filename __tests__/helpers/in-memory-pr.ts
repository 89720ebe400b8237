import type {
  ChangeStatus,
  ChangedFile,
  FileContent,
  FileReader,
  PullRequestFacts,
} from '../../src/model/facts.js';
import type { Config } from '../../src/config/types.js';
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
  private base?: Map<string, string>;
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
    (this.base ??= new Map()).set(path, content);
    return this;
  }

  /** Files at the merge base; undefined (like a fixture's) until `atBase` is called. */
  mergeBaseReader(): FileReader | undefined {
    const base = this.base;
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
