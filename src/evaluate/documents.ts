import type { FileContent, FileReader } from '../model/facts.js';
import type { ProofDocument } from '../model/proof.js';
import { parseProof, type ParseOptions } from '../proof/parse.js';

/** A changed Markdown file read at head and parsed (a proof or a session memory). */
export interface LoadedDocument {
  path: string;
  /** Set when the file could not be used; `doc` is then undefined. */
  problem?: string;
  doc?: ProofDocument;
}

/**
 * Wraps the source's reader so every file is read at most once per evaluation, and files over
 * `limits.max_file_bytes` are refused before anything parses them (hostile input, issue #5).
 */
export function boundedReader(reader: FileReader, maxBytes: number): FileReader {
  const cache = new Map<string, Promise<FileContent>>();
  return {
    read(path) {
      let content = cache.get(path);
      if (!content) {
        content = reader.read(path).then((read) => refuseOversized(read, maxBytes));
        cache.set(path, content);
      }
      return content;
    },
  };
}

function refuseOversized(content: FileContent, maxBytes: number): FileContent {
  if (content.state !== 'ok') return content;
  // Characters are at least one byte each: only measure bytes when the length says it may be over.
  if (content.text.length <= maxBytes / 4) return content;
  const bytes = Buffer.byteLength(content.text, 'utf8');
  if (bytes <= maxBytes) return content;
  return {
    state: 'unreadable',
    reason: `${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit (limits.max_file_bytes)`,
  };
}

/** Human size for messages: `4.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads and parses one Markdown document; an unreadable or absent file becomes a `problem`, never an exception. */
export async function loadDocument(
  reader: FileReader,
  path: string,
  options: ParseOptions,
): Promise<LoadedDocument> {
  const content = await reader.read(path);
  if (content.state === 'absent') return { path, problem: 'does not exist at the head commit' };
  if (content.state === 'unreadable') return { path, problem: `cannot be read: ${content.reason}` };
  return { path, doc: parseProof(content.text, options) };
}
