import { readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { EvidenceLookup } from '../model/evidence.js';
import type { ChangeStatus, ChangedFile, FileContent, FileReader, PullRequestFacts } from '../model/facts.js';
import type { PullRequestSource, ReaderOptions } from './source.js';
import { decodeText } from './decode.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';

/** What a caller may set on top of a fixture (real fixtures record neither labels nor the head branch). */
export interface FixtureOverrides {
  headRef?: string;
  labels?: string[];
  author?: string;
  /** The base branch's config file text; when unset, `base/<path>` in the fixture folder is read if present. */
  configText?: string;
}

/** A fixture folder that does not have the expected shape. */
export class FixtureError extends Error {
  override name = 'FixtureError';
}

/** The parts of `pr.json` this source reads; every key is optional so hand-written demo fixtures stay short. */
interface PrJson {
  number?: number;
  title?: string;
  body?: string;
  draft?: boolean;
  author?: string;
  labels?: string[];
  headRef?: string;
  baseRef?: string;
  head?: string;
  base?: string;
}

const STATUS_LETTERS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'removed',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

/**
 * A pull request recorded in a folder (`__fixtures__/prs/<name>` shape): `pr.json`, `changed.tsv`
 * (`status\tpath\tadditions\tdeletions[\tprevious path]`, the fifth column for renames and copies)
 * and `head/` holding the content of (some of) the changed files. Used by tests and `npm run demo`.
 */
export class FixtureSource implements PullRequestSource {
  private readonly dir: string;
  private factsPromise?: Promise<PullRequestFacts>;

  constructor(
    dir: string,
    private readonly overrides: FixtureOverrides = {},
  ) {
    this.dir = resolve(dir);
  }

  /** Facts from `pr.json` and `changed.tsv`, read once; overrides win over what the fixture says. */
  facts(): Promise<PullRequestFacts> {
    this.factsPromise ??= this.readFacts();
    return this.factsPromise;
  }

  /**
   * Reads files under `head/`. A changed file the fixture did not record is `unreadable` (it exists
   * at head, we just do not have it); any other missing path is `absent`.
   */
  reader({ maxFileBytes = DEFAULT_CONFIG.limits.max_file_bytes }: ReaderOptions = {}): FileReader {
    const cache = new Map<string, Promise<FileContent>>();
    return {
      read: (path) => {
        let content = cache.get(path);
        if (!content) {
          content = this.readHead(path, maxFileBytes);
          cache.set(path, content);
        }
        return content;
      },
    };
  }

  /**
   * A recording holds the head side only (`base/` holds the base branch's config, not the merge
   * base), so there is no merge base to diff against: added lines of a modified file without a
   * patch are unknown, and the checks say which files they could not scan (never a silent pass).
   */
  mergeBaseReader(): undefined {
    return undefined;
  }

  /**
   * A fixture records the changed files only: claims about other paths, history, issues and check
   * runs are reported as not checked (what the changed-file list decides is still decided).
   */
  evidence(): EvidenceLookup {
    const unavailable = {
      state: 'unavailable',
      reason: 'a recorded fixture holds only the changed files',
    } as const;
    return {
      headTree: async () => unavailable,
      pullRequestCommits: async () => unavailable,
      readAt: async () => ({ state: 'unreadable', reason: unavailable.reason }),
      issue: async () => ({ state: 'unavailable', reason: 'a recorded fixture has no GitHub API' }),
      headChecks: async () => ({ state: 'unavailable', reason: 'a recorded fixture has no GitHub API' }),
    };
  }

  async baseConfigText(path: string): Promise<string | undefined> {
    if (this.overrides.configText !== undefined) return this.overrides.configText;
    const file = this.inside('base', path);
    return file === undefined ? undefined : readOptional(file, 'utf8');
  }

  private async readFacts(): Promise<PullRequestFacts> {
    const pr = await this.readPrJson();
    const changedFiles = parseChangedTsv(await this.readRequired('changed.tsv'));
    return {
      number: pr.number,
      title: pr.title ?? '',
      body: pr.body ?? '',
      draft: pr.draft ?? false,
      author: this.overrides.author ?? pr.author ?? '',
      labels: this.overrides.labels ?? pr.labels ?? [],
      headRef: this.overrides.headRef ?? pr.headRef ?? '',
      headSha: pr.head ?? '',
      baseRef: pr.baseRef ?? 'main',
      baseSha: pr.base ?? '',
      isFork: false,
      changedFiles,
    };
  }

  private async readPrJson(): Promise<PrJson> {
    const text = await this.readRequired('pr.json');
    try {
      return JSON.parse(text) as PrJson;
    } catch (error) {
      throw new FixtureError(`${join(this.dir, 'pr.json')} is not valid JSON: ${(error as Error).message}`);
    }
  }

  private async readRequired(name: string): Promise<string> {
    const text = await readOptional(join(this.dir, name), 'utf8');
    if (text === undefined) throw new FixtureError(`${this.dir} is not a fixture: ${name} is missing`);
    return text;
  }

  private async readHead(path: string, maxFileBytes: number): Promise<FileContent> {
    const file = this.inside('head', path);
    const bytes = file === undefined ? undefined : await readOptional(file);
    if (bytes !== undefined) return decodeText(bytes, maxFileBytes);
    const changed = (await this.facts()).changedFiles.find((f) => f.path === path && f.status !== 'removed');
    return changed ? { state: 'unreadable', reason: 'not included in the fixture' } : { state: 'absent' };
  }

  /** The on-disk file for a repository path under `head/` or `base/`; undefined for paths escaping it (`../`). */
  private inside(folder: string, path: string): string | undefined {
    const root = join(this.dir, folder);
    const file = resolve(root, path);
    return file.startsWith(root + sep) ? file : undefined;
  }
}

/** Parses `changed.tsv`; a line that is not `status\tpath\tadditions\tdeletions` is a fixture error. */
export function parseChangedTsv(text: string): ChangedFile[] {
  const files: ChangedFile[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const [letter = '', path = '', additions = '', deletions = '', previousPath] = line.split('\t');
    // Git writes renames with a similarity score (`R087`); only the letter matters here.
    const status = STATUS_LETTERS[letter.charAt(0)];
    if (!status || !path || !/^\d+$/.test(additions) || !/^\d+$/.test(deletions)) {
      throw new FixtureError(
        `changed.tsv line ${index + 1} is not "status\\tpath\\tadditions\\tdeletions": ${line}`,
      );
    }
    const file: ChangedFile = { path, status, additions: Number(additions), deletions: Number(deletions) };
    if (previousPath && (status === 'renamed' || status === 'copied')) file.previousPath = previousPath;
    files.push(file);
  });
  return files;
}

async function readOptional(file: string): Promise<Uint8Array | undefined>;
async function readOptional(file: string, encoding: 'utf8'): Promise<string | undefined>;
async function readOptional(file: string, encoding?: 'utf8'): Promise<Uint8Array | string | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return encoding ? await readFile(file, encoding) : await readFile(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
