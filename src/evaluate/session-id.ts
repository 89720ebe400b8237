/**
 * Session ids as agents write them: `080`, `session-080`, `053-R2`, `wave16-2R`.
 * Compared after removing a leading `session-` and a trailing `-R<n>` round suffix (SPEC §8.7).
 */
export function normaliseSessionId(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^session[-_ ]?/, '')
    .replace(/-r\d+$/, '');
}

/** Numeric part first, then suffix, so `053-R2` ranks above `053` (SPEC §8.1). Positive when a ranks higher. */
export function compareSessionIds(a: string, b: string): number {
  const [numA, restA] = splitId(a);
  const [numB, restB] = splitId(b);
  if (numA !== numB) return numA - numB;
  return restA.localeCompare(restB, 'en', { numeric: true });
}

function splitId(raw: string): [number, string] {
  const id = raw.trim().replace(/^session[-_ ]?/i, '');
  const match = /\d+/.exec(id);
  return match ? [Number(match[0]), id.slice(match.index + match[0].length)] : [-1, id];
}

/** A date value as a sortable day number, or undefined when it is not a date (e.g. `[YYYY-MM-DD]`). */
export function parseProofDate(raw: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s(,]|\s*[—–-]\s)/.exec(raw.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return undefined;
  return time;
}
