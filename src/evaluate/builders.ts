/** Finds known builder names in free text as whole names (`api-builder`, not `api-builder-v2-draft`'s prefix). */
export function buildersNamedIn(text: string, builders: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return builders.filter((builder) => {
    const name = builder.toLowerCase();
    let at = lower.indexOf(name);
    while (at !== -1) {
      if (!isNameChar(lower[at - 1]) && !isNameChar(lower[at + name.length])) return true;
      at = lower.indexOf(name, at + 1);
    }
    return false;
  });
}

function isNameChar(char: string | undefined): boolean {
  return char !== undefined && /[a-z0-9_-]/.test(char);
}
