import type { FileContent } from '../model/facts.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { tooLarge } from '../config/limits.js';

/** How far into a file a NUL byte marks it as binary (the heuristic git itself uses). */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Turns the raw bytes of a file at head into the text the checks read.
 * Too large, binary (a NUL in the first 8 KB) or invalid UTF-8 → `unreadable` with a reason the
 * report can show; a UTF-8 byte-order mark is dropped so the first line parses like any other, and
 * `bom` records it, so the stored bytes can be rebuilt exactly for hashing (SPEC §9.2).
 */
export function decodeText(
  bytes: Uint8Array,
  maxBytes: number = DEFAULT_CONFIG.limits.max_file_bytes,
): FileContent {
  if (bytes.byteLength > maxBytes) return tooLarge(bytes.byteLength, maxBytes);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0))
    return { state: 'unreadable', reason: 'binary file' };
  try {
    // `fatal` rejects invalid sequences instead of silently inserting U+FFFD; the BOM is stripped by default.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return hasBom(bytes) ? { state: 'ok', text, bom: true } : { state: 'ok', text };
  } catch {
    return { state: 'unreadable', reason: 'not valid UTF-8' };
  }
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
