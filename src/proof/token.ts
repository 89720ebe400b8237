/**
 * IAA token values: what kind each one is, and which one is authoritative (SPEC §3, §8.5).
 */
import type { TokenKind, TokenOccurrence } from '../model/proof.js';

/** Only this much of a value or line is searched for a token, so a long line stays linear. */
const TOKEN_SEARCH_LIMIT = 2000;

/** The verdict words a token can end in, last one wins (`IAA-…-REJECT-R1` is a REJECT). */
const VERDICT_WORDS = /PHASE_A_ADVISORY|ADVISORY|REJECT(?:ION|ED)?|FAIL(?:ED|URE)?|PENDING|PASS/g;

/** A value whose first word is PENDING (after any leading symbols such as ⏳). */
const PENDING_FIRST = /^[^\p{L}\p{N}]*pending\b/iu;

/** Characters of a repository path, with no spaces. */
const PATH_CHARS = /^[\w.~@+/-]+$/;
const HAS_EXTENSION = /\.[A-Za-z0-9]{1,10}$/;
const DOCUMENT_EXTENSION = /\.(md|json|ya?ml|txt)$/i;

/** A token value classified; the caller adds where it was found. */
export type TokenReading = Omit<TokenOccurrence, 'line' | 'underIaaHeading'>;

/**
 * Classifies the value of an `iaa_audit_token` field: first word PENDING → PENDING; a token
 * matching `pattern` → its verdict; a value starting with a path → PATH (trailing prose ignored);
 * anything else → MISSING, with the value kept for the finding to quote (SPEC §8.5).
 */
export function classifyTokenValue(value: string, pattern: RegExp): TokenReading {
  const searched = value.slice(0, TOKEN_SEARCH_LIMIT);
  if (PENDING_FIRST.test(searched)) return { kind: 'PENDING', value };
  const firstWord = leadingPath(searched);
  const match = pattern.exec(searched);
  // A token inside a file name (`…/IAA-x-PASS.md`) names the file to read, not a verdict.
  if (match && !(firstWord && match.index < firstWord.length)) {
    return { kind: verdictOf(match[0]), token: match[0], value };
  }
  if (firstWord) return { kind: 'PATH', path: firstWord.replace(/^\.?\//, ''), value };
  return { kind: 'MISSING', value };
}

/** The token kind a matched token stands for; MISSING when it carries no known verdict word. */
export function verdictOf(token: string): TokenKind {
  const words = token.toUpperCase().match(VERDICT_WORDS);
  const last = words?.at(-1);
  if (!last) return 'MISSING';
  if (last.endsWith('ADVISORY')) return 'ADVISORY';
  if (last.startsWith('REJECT') || last.startsWith('FAIL')) return 'REJECT';
  return last === 'PENDING' ? 'PENDING' : 'PASS';
}

/** The first word of `value` when it is a repository file path (`.agent-admin/assurance/x.md`). */
function leadingPath(value: string): string | undefined {
  const word = (value.trimStart().split(/\s/, 1)[0] ?? '').replace(/[,;:)]+$/, '');
  if (word === '' || word.includes('//') || !PATH_CHARS.test(word) || !HAS_EXTENSION.test(word))
    return undefined;
  return word.includes('/') || DOCUMENT_EXTENSION.test(word) ? word : undefined;
}

/** The first token in a value, for the IAA-section fallback; undefined when there is none. */
export function tokenInText(text: string, pattern: RegExp): TokenReading | undefined {
  const match = pattern.exec(text.slice(0, TOKEN_SEARCH_LIMIT));
  if (!match) return undefined;
  return { kind: verdictOf(match[0]), token: match[0], value: text.trim().slice(0, TOKEN_SEARCH_LIMIT) };
}

/** What a document without any token says: MISSING, line 0. */
export const NO_TOKEN: TokenOccurrence = { kind: 'MISSING', value: '', line: 0, underIaaHeading: false };

/**
 * The authoritative token (SPEC §3, §8.5). A PENDING counts only when no concrete occurrence (a
 * token or a path) follows it anywhere in the document; among what remains, the last occurrence
 * under an IAA heading wins, else the last one anywhere. With none of those, the last MISSING
 * occurrence (the finding quotes it); with no occurrence at all, {@link NO_TOKEN}.
 */
export function chooseAuthoritativeToken(occurrences: readonly TokenOccurrence[]): TokenOccurrence {
  let lastConcrete = -1;
  occurrences.forEach((o, index) => {
    if (o.kind !== 'MISSING' && o.kind !== 'PENDING') lastConcrete = index;
  });
  const counted = occurrences.filter(
    (o, index) => o.kind !== 'MISSING' && !(o.kind === 'PENDING' && index < lastConcrete),
  );
  const underIaa = counted.filter((occurrence) => occurrence.underIaaHeading);
  const pool = underIaa.length > 0 ? underIaa : counted;
  return pool.at(-1) ?? occurrences.at(-1) ?? NO_TOKEN;
}
