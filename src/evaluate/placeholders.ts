/**
 * Template placeholders left in a value (SPEC §8.6): `TBD`/`TODO` as the whole value, the
 * template markers `[YYYY-MM-DD]`, `[Agent Name]`, `[Paste …`, or a value that is nothing but a
 * bracketed ALL_CAPS or kebab-case token (`[BRANCH_NAME]`, `[issue-number]`). A bracketed tag
 * followed by a title (`[Wave 12] Wire …`) is not a placeholder. Returns the placeholder found.
 */
export function findPlaceholder(value: string): string | undefined {
  const text = value.trim();
  if (/^(TBD|TODO)$/i.test(text)) return text;
  for (const marker of ['[YYYY-MM-DD]', '[Agent Name]', '[Paste']) {
    if (text.includes(marker)) return marker;
  }
  if (/^\[(?:[A-Z0-9]+(?:_[A-Z0-9]+)*|[a-z0-9]+(?:-[a-z0-9]+)+)\]$/.test(text)) return text;
  return undefined;
}
