import type { Config } from '../config/types.js';
import type { ProofDocument } from '../model/proof.js';
import { parseOptionsFrom, parseProof, type ParseOptions } from '../proof/parse.js';

/** Turns Markdown text into a parsed document, the way one evaluation's config says. */
export type DocumentParser = (text: string) => ProofDocument;

/**
 * Parsed documents kept across evaluations, for a caller that evaluates many pull requests in one
 * process (`merge-gate history`): the same base config, canon inventory or token file text is then
 * parsed once, and the parse options (whose regexes are compiled per options object) are shared.
 * Documents are keyed by the config object and the exact text, so a hit returns exactly what
 * `parseProof` would; nothing reads or changes a parsed document after parsing.
 */
export class DocumentMemo {
  private readonly options = new WeakMap<Config, ParseOptions>();
  private readonly documents = new WeakMap<Config, Map<string, ProofDocument>>();
  /** Every config's cache, so that reaching the bound empties them all, not only the current one. */
  private readonly caches = new Set<Map<string, ProofDocument>>();
  private size = 0;

  /** @param maxDocuments beyond this many, the memo is emptied (a bound on memory, not an LRU). */
  constructor(private readonly maxDocuments = 10_000) {}

  /** One options object per config, so compiled regexes are shared by every evaluation under it. */
  private parseOptions(config: Config): ParseOptions {
    let options = this.options.get(config);
    if (!options) {
      options = parseOptionsFrom(config);
      this.options.set(config, options);
    }
    return options;
  }

  /** The parser for evaluations under `config`. */
  parser(config: Config): DocumentParser {
    const options = this.parseOptions(config);
    let documents = this.documents.get(config);
    if (!documents) {
      documents = new Map();
      this.documents.set(config, documents);
      this.caches.add(documents);
    }
    const cache = documents;
    return (text) => {
      const known = cache.get(text);
      if (known) return known;
      if (this.size >= this.maxDocuments) {
        for (const each of this.caches) each.clear();
        this.size = 0;
      }
      const doc = parseProof(text, options);
      cache.set(text, doc);
      this.size += 1;
      return doc;
    };
  }
}

/** The parser of a single evaluation: no memo. */
export function plainParser(options: ParseOptions): DocumentParser {
  return (text) => parseProof(text, options);
}
