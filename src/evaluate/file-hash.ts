import { createRequire } from 'node:module';
import type { FileContent } from '../model/facts.js';

/**
 * `node:crypto`, loaded on the first hash: loading it takes ~9 ms of a cold run, which a run whose
 * proofs state no hash (and whose config verifies no inventory) never needs to spend.
 */
const load = createRequire(import.meta.url);
let cryptoModule: typeof import('node:crypto') | undefined;
const nodeCrypto = () => (cryptoModule ??= load('node:crypto') as typeof import('node:crypto'));

const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);

/** SHA-256 of empty input: a hash a proof states when it hashed nothing (SPEC §9.2). */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * Each file is hashed once, however many claims state a hash for it: the readers hand back the same
 * content object for a path, and a proof may state a different hash for one large file on every
 * line.
 */
const hashed = new WeakMap<object, string>();

/**
 * The SHA-256 (lowercase hex) of a file's bytes as git stores them, from what the reader decoded.
 * Decoding is lossless for valid UTF-8 apart from a leading byte-order mark, which the reader
 * records (`bom`), so the stored bytes are rebuilt exactly: `sha256sum` of the checked-out file
 * (without line-ending conversion) gives the same value. Used for stated hashes (SPEC §9.2) and
 * inventory hashes (SPEC §4.6) alike.
 */
export function fileSha256(content: Extract<FileContent, { state: 'ok' }>): string {
  let digest = hashed.get(content);
  if (digest === undefined) {
    const hash = nodeCrypto().createHash('sha256');
    if (content.bom) hash.update(BOM);
    digest = hash.update(content.text, 'utf8').digest('hex');
    hashed.set(content, digest);
  }
  return digest;
}
