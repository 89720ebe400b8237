import type { ProofDocument } from '../model/proof.js';
import { tooLarge, type SizeLimitKey } from '../config/limits.js';
import { UnavailableFileError, type ServedContent, type ServedReader } from './served.js';
import type { DocumentParser } from './document-memo.js';

/** A changed Markdown file read at head and parsed (a proof or a session memory). */
export interface LoadedDocument {
  path: string;
  /** Set when the file could not be used; `doc` is then undefined. */
  problem?: string;
  /**
   * Set when the source could not serve the file (`problem` is then set too): the checks that
   * depend on it end in `error` rather than judge without it (SPEC §2).
   */
  unavailable?: UnavailableFileError;
  doc?: ProofDocument;
}

/**
 * Wraps the source's reader so every file is read at most once per evaluation, and files over
 * the limit named by `key` are refused before anything parses them (hostile input, issue #5).
 */
export function boundedReader(
  reader: ServedReader,
  maxBytes: number,
  key: SizeLimitKey = 'limits.max_file_bytes',
): ServedReader {
  const cache = new Map<string, Promise<ServedContent>>();
  return {
    read(path) {
      let content = cache.get(path);
      if (!content) {
        content = reader.read(path).then((read) => refuseOversized(read, maxBytes, key));
        cache.set(path, content);
      }
      return content;
    },
  };
}

function refuseOversized(content: ServedContent, maxBytes: number, key: SizeLimitKey): ServedContent {
  if (content.state !== 'ok') return content;
  // A UTF-16 code unit is at most 3 UTF-8 bytes: only measure bytes when the length says it may be over.
  if (content.text.length <= maxBytes / 3) return content;
  const bytes = Buffer.byteLength(content.text, 'utf8');
  if (bytes <= maxBytes) return content;
  return tooLarge(bytes, maxBytes, key);
}

/**
 * Reads and parses one Markdown document; an unreadable, unavailable or absent file becomes a
 * `problem`, never an exception.
 */
export async function loadDocument(
  reader: ServedReader,
  path: string,
  parse: DocumentParser,
): Promise<LoadedDocument> {
  let content: ServedContent;
  try {
    content = await reader.read(path);
  } catch (error) {
    if (!(error instanceof UnavailableFileError)) throw error;
    return {
      path,
      problem: `cannot be read: ${error.files[0]?.reason ?? error.message}`,
      unavailable: error,
    };
  }
  if (content.state === 'absent') return { path, problem: 'does not exist at the head commit' };
  if (content.state === 'unreadable') return { path, problem: `cannot be read: ${content.reason}` };
  return { path, doc: parse(content.text) };
}
