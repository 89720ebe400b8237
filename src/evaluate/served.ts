/**
 * The fail-closed rule for reading (SPEC §2): what the source could not serve is never judged as
 * if it were absent. Every reader the checks get goes through here, whatever the source.
 */
import type { FileContent, FileReader } from '../model/facts.js';

/** What a check can judge: the file's text, its absence, or why its content is not usable text. */
export type ServedContent = Exclude<FileContent, { state: 'unavailable' }>;

/** A reader that never answers `unavailable`: it throws {@link UnavailableFileError} instead. */
export interface ServedReader {
  read(path: string): Promise<ServedContent>;
}

/** Which commit a reader reads: the PR's head, or the merge base its patches compare against. */
export type Side = 'head' | 'merge base';

/** One file a source could not serve, and why. */
export interface UnservedFile {
  path: string;
  reason: string;
  side: Side;
}

/**
 * Files the source could not serve. A check that needs one ends in `error` naming it (the
 * evaluator turns a thrown exception into `error`), because nothing can be decided without it.
 */
export class UnavailableFileError extends Error {
  override name = 'UnavailableFileError';

  constructor(readonly files: readonly UnservedFile[]) {
    const [first] = files;
    super(
      files.length === 1 && first
        ? unservedMessage(first)
        : `cannot read ${files.length} files: ${files.map((f) => f.path).join(', ')}`,
    );
  }

  /** One error for all of `errors` (whose files it lists), or undefined when there are none. */
  static merge(errors: readonly UnavailableFileError[]): UnavailableFileError | undefined {
    return errors.length === 0 ? undefined : new UnavailableFileError(errors.flatMap((e) => e.files));
  }
}

/** `cannot read PATH at head: REASON`, the message of one unserved file. */
export function unservedMessage(file: UnservedFile): string {
  return `cannot read ${file.path} at ${file.side === 'head' ? 'head' : 'the merge base'}: ${file.reason}`;
}

/** Why a file that must exist but "does not" is an error, not an absence. */
const NOT_SERVED: Record<Side, string> = {
  head: 'this PR adds or modifies it, but the source does not serve it',
  'merge base': 'this PR changes it, so it exists there, but the source does not serve it',
};

/**
 * Wraps a source's reader at `side`. A path in `mustExist` (at head: the files the PR adds or
 * modifies; at the merge base: the files it modifies, and where renames and copies came from)
 * that reads as absent did not disappear: the source failed to serve it, so it is unavailable.
 * Unavailable content throws; everything else passes through unchanged.
 */
export function servedReader(reader: FileReader, mustExist: ReadonlySet<string>, side: Side): ServedReader {
  return {
    async read(path) {
      const content = await reader.read(path);
      if (content.state === 'unavailable')
        throw new UnavailableFileError([{ path, reason: content.reason, side }]);
      if (content.state === 'absent' && mustExist.has(path))
        throw new UnavailableFileError([{ path, reason: NOT_SERVED[side], side }]);
      return content;
    },
  };
}
