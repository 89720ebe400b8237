/**
 * Field keys and values: how a key is normalised, how a `key: value` line is split, and which
 * canonical name a key stands for (SPEC §3 "Proof fields", §8.3, §8.4).
 */

/** The canonical name of the IAA token field; always recognised, whatever the synonyms say. */
export const TOKEN_FIELD = 'iaa_audit_token';

/** How long and how wordy a key may be before a `key: value` line is read as prose instead. */
export interface KeyLimits {
  maxChars: number;
  maxWords: number;
}

/** A plain `key: value` line: a short label at line start (SPEC §8.3), so prose is not read as a field. */
export const PLAIN_KEY: KeyLimits = { maxChars: 40, maxWords: 5 };

/** A bold key (`**Key**: value`) is an explicit label and may be longer. */
export const BOLD_KEY: KeyLimits = { maxChars: 80, maxWords: 12 };

/** The colon of a key is looked for only this far into a line, so long lines cost nothing. */
const KEY_SCAN_LIMIT = 120;

const HAS_LETTER = /\p{L}/u;

/**
 * Normalises a field key or table header: backticks and emphasis stripped, a trailing colon and a
 * trailing parenthetical dropped (`iaa_audit_token (expected reference)` → `iaa_audit_token`),
 * case-folded, runs of spaces and hyphens turned into `_` (SPEC §8.3).
 */
export function normaliseKey(raw: string): string {
  let key = raw.replace(/[`*]/g, '').trim();
  key = dropTrailingColons(key);
  if (key.endsWith(')')) {
    const open = key.lastIndexOf('(');
    if (open > 0) key = dropTrailingColons(key.slice(0, open).trim());
  }
  return trimUnderscores(
    key
      .toLowerCase()
      .replace(/[\s-]+/g, '_')
      .replace(/_{2,}/g, '_'),
  );
}

/** Index-based, not a regex: `/_+$/` backtracks quadratically on a long run of underscores. */
function trimUnderscores(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '_') start++;
  while (end > start && text[end - 1] === '_') end--;
  return text.slice(start, end);
}

function dropTrailingColons(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ':' || text[end - 1] === ' ')) end--;
  return text.slice(0, end);
}

/**
 * Cleans a value taken from raw text (YAML, code blocks): backticks removed, wrapping emphasis
 * removed, trimmed. Values read through the Markdown tree have no markers left to strip.
 */
export function cleanValue(raw: string): string {
  let value = raw.replace(/`/g, '').trim();
  for (const marker of ['**', '__', '*', '_']) {
    if (value.length > marker.length * 2 && value.startsWith(marker) && value.endsWith(marker)) {
      value = value.slice(marker.length, -marker.length).trim();
    }
  }
  return value;
}

/**
 * Removes the quotes around a value read from raw YAML or JSON text; what follows the closing
 * quote (a `# comment`, a trailing comma) goes with them.
 */
export function unquote(text: string): string {
  const trimmed = text.trim();
  const quote = trimmed.charAt(0);
  if (quote !== '"' && quote !== "'") return trimmed;
  const close = trimmed.indexOf(quote, 1);
  return close > 0 ? trimmed.slice(1, close) : trimmed;
}

/** A key and its value as written on one line. */
export interface KeyValue {
  rawKey: string;
  value: string;
}

/**
 * Splits `key: value` when the key is a short label: the colon must be followed by whitespace or
 * end the line (so `https://…` and `10:30` are not keys) and the key must fit `limits`.
 */
export function splitKeyValue(line: string, limits: KeyLimits = PLAIN_KEY): KeyValue | undefined {
  const colon = line.slice(0, KEY_SCAN_LIMIT).indexOf(':');
  if (colon <= 0) return undefined;
  const after = line.charAt(colon + 1);
  if (after !== '' && after.trim() !== '') return undefined;
  const rawKey = line.slice(0, colon).trim();
  if (!isLabel(rawKey, limits)) return undefined;
  return { rawKey, value: line.slice(colon + 1).trim() };
}

/** Whether `text` can be a field key: non-empty, with a letter, and within the length limits. */
export function isLabel(text: string, limits: KeyLimits): boolean {
  if (text === '' || text.length > limits.maxChars || !HAS_LETTER.test(text)) return false;
  return text.split(/\s+/).length <= limits.maxWords;
}

/**
 * Reads `**Key**: value` and `**Key:** value` from a line that starts with bold text: `bold` is
 * the bold text, `rest` what follows it on the line.
 */
export function boldKeyValue(bold: string, rest: string): KeyValue | undefined {
  const label = bold.trim();
  let rawKey: string;
  let value: string;
  if (label.endsWith(':')) {
    rawKey = label.slice(0, -1).trim();
    value = rest.trim();
  } else {
    const after = rest.trimStart();
    if (!after.startsWith(':')) return undefined;
    rawKey = label;
    value = after.slice(1).trim();
  }
  return isLabel(rawKey, BOLD_KEY) ? { rawKey, value: value.replace(/\s+/g, ' ') } : undefined;
}

/** Maps normalised keys to canonical field names through the configured synonyms (SPEC §3, §8.4). */
export class SynonymIndex {
  private readonly canonicalByKey = new Map<string, string>();

  constructor(synonyms: Readonly<Record<string, readonly string[]>>) {
    for (const [canonical, keys] of Object.entries(synonyms)) {
      for (const key of Array.isArray(keys) ? keys : []) {
        const normalised = normaliseKey(String(key));
        // The first canonical name listing a key keeps it: config order decides, not the last entry.
        if (normalised && !this.canonicalByKey.has(normalised))
          this.canonicalByKey.set(normalised, canonical);
      }
    }
    // The token key is the anchor of SPEC §3's token rule; a config without it must still find it.
    if (!this.canonicalByKey.has(TOKEN_FIELD)) this.canonicalByKey.set(TOKEN_FIELD, TOKEN_FIELD);
  }

  /** The canonical name of a normalised key, when it is a synonym. */
  canonicalOf(key: string): string | undefined {
    return this.canonicalByKey.get(key);
  }
}
