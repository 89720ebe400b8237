/** What a source gathers about a pull request, once, before any check runs (SPEC §2). */

export type ChangeStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  /** Set for renames (and copies): the path before the change. */
  previousPath?: string;
  additions: number;
  deletions: number;
  /** Unified diff of the file where the source has it (the API omits it for large or binary files). */
  patch?: string;
}

export interface PullRequestFacts {
  /** Undefined for a local `merge-gate check` run. */
  number?: number;
  title: string;
  body: string;
  draft: boolean;
  author: string;
  /** Exact label names; matched exactly, never as substrings (SPEC §1). */
  labels: string[];
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  isFork: boolean;
  changedFiles: ChangedFile[];
}

/** The content of one file at one commit (the head commit, unless a reader says otherwise). */
export type FileContent =
  /**
   * `text` is the file's bytes decoded as UTF-8, losslessly (invalid UTF-8 is `unreadable`), except a
   * leading byte-order mark, which is dropped so the first line parses; `bom` says one was. So the
   * bytes as git stores them are exactly `bom ? EF BB BF : ''` + the UTF-8 of `text` (what a stated
   * or inventory SHA-256 is of: see `evaluate/file-hash.ts`).
   */
  | { state: 'ok'; text: string; bom?: true }
  | { state: 'absent' }
  /** Present but not usable as text: binary, not UTF-8, over a size limit. The PR's content decides. */
  | { state: 'unreadable'; reason: string }
  /**
   * The source could not serve it: an API failure, or a file this PR changes that no repository
   * serves (a private fork). Nothing can be judged from it: a check that needs it ends in `error`,
   * never treats it as absent (SPEC §2: the gate fails closed).
   */
  | { state: 'unavailable'; reason: string };

/** Reads files at one commit (the head commit, unless said otherwise). Sources make it lazy and cached. */
export interface FileReader {
  read(path: string): Promise<FileContent>;
}
