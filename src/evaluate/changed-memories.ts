/**
 * The changed session memories of a PR, each read and parsed on first use (see `ChangedMemories`).
 */
import type { DocumentParser } from './document-memo.js';
import { loadDocument, type LoadedDocument } from './documents.js';
import type { ServedReader } from './served.js';

/**
 * The session memories this PR adds or modifies. Only some are ever needed — the ones the proof
 * names (or, without a reference, the candidates SPEC §8.7 picks) and a foreman's own (delegation
 * evidence, SPEC §4.3) — so each is read on the first `load`, never just for being changed: a
 * memory of another agent (the assurance agent's) costs no request.
 */
export interface ChangedMemories {
  /** Paths of the changed memories still present at head, in the PR's order. */
  paths: string[];
  /** The memory at `path` (one of `paths`), read and parsed once. */
  load(path: string): Promise<LoadedDocument>;
}

export function changedMemories(
  paths: string[],
  reader: ServedReader,
  parse: DocumentParser,
): ChangedMemories {
  const loaded = new Map<string, Promise<LoadedDocument>>();
  return {
    paths,
    load(path) {
      let memory = loaded.get(path);
      if (!memory) {
        memory = loadDocument(reader, path, parse);
        loaded.set(path, memory);
      }
      return memory;
    },
  };
}
