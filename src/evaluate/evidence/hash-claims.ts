/**
 * Stated SHA-256 hashes (SPEC §9.2): a table row, a text line or a line of a code block that pairs
 * exactly one file path with a 64-hex-digit hash states that file's hash.
 */
import type { ProofDocument } from '../../model/proof.js';
import { readWrittenPath, type WrittenPath } from './paths.js';

export interface HashClaim {
  written: Extract<WrittenPath, { kind: 'path' | 'bare' }>;
  /** Lowercase hex. */
  sha256: string;
  line: number;
}

const HEX64 = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/g;
/** Inventory entry hashes are governance/alignment's job (SPEC §9.2). */
const INVENTORY = /inventory/i;
/** Wrapping a token may carry in prose: quotes, brackets, emphasis, a trailing colon or comma. */
const MAX_TOKEN = 420;
const TOKEN_WRAPPING = /^[`*_"'([{<]+|[`*_"')\]}>,;:.]+$/g;

/** The hash claims of a proof, in document order. */
export function hashClaims(doc: ProofDocument): HashClaim[] {
  const claims: HashClaim[] = [];
  for (const table of doc.tables) {
    const context = [...table.headings, ...table.headers].join(' ');
    if (INVENTORY.test(context)) continue;
    for (const row of table.rows) {
      const hashes = row.values.flatMap(hexIn);
      if (hashes.length === 0 || row.values.some((v) => INVENTORY.test(v))) continue;
      const paths = row.values.map(readWrittenPath).filter(isClaimable);
      // Several distinct hashes in one row are before/after pairs: the last one is the file as delivered.
      if (paths.length === 1)
        claims.push({
          written: paths[0] as HashClaim['written'],
          sha256: hashes.at(-1) as string,
          line: row.line,
        });
    }
  }
  const lines = [
    ...doc.textLines.filter((l) => !l.headings.some((h) => INVENTORY.test(h))),
    ...doc.codeBlocks
      .filter((block) => !block.headings.some((h) => INVENTORY.test(h)))
      .flatMap((block) => block.value.split('\n').map((text, i) => ({ text, line: block.line + 1 + i }))),
  ];
  for (const { text, line } of lines) {
    const claim = lineClaim(text);
    if (claim) claims.push({ ...claim, line });
  }
  return claims;
}

/** A line with exactly one hash and exactly one path token. */
function lineClaim(text: string): Omit<HashClaim, 'line'> | undefined {
  const hashes = hexIn(text);
  if (hashes.length !== 1 || INVENTORY.test(text)) return undefined;
  const paths = text
    .split(/\s+/)
    // A path is at most 400 characters: longer tokens are skipped before any pattern runs on them.
    .filter((token) => token.length <= MAX_TOKEN)
    .map((token) => readWrittenPath(token.replace(TOKEN_WRAPPING, '')))
    .filter(isClaimable);
  return paths.length === 1
    ? { written: paths[0] as HashClaim['written'], sha256: hashes[0] as string }
    : undefined;
}

function hexIn(text: string): string[] {
  return [...new Set((text.match(HEX64) ?? []).map((h) => h.toLowerCase()))];
}

function isClaimable(written: WrittenPath | undefined): written is HashClaim['written'] {
  return written !== undefined && written.kind !== 'skip';
}
