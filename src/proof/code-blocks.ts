/**
 * Code blocks: their place in the document, and the token key lines inside them. Ordinary fields
 * are not read from code blocks (only from `yaml` fences); the token key is read in any fence,
 * because agents paste the IAA response verbatim (SPEC §8.3).
 */
import type { CodeBlock } from '../model/proof.js';
import { cleanValue, normaliseKey, splitKeyValue, unquote, type KeyLimits } from './fields.js';
import { unescapeAll, type Token } from './markdown.js';

/** Keys inside code are identifiers (`iaa_audit_token`, `"IAA Audit Token"`), not prose. */
const CODE_KEY: KeyLimits = { maxChars: 80, maxWords: 12 };

/** Languages whose fences are read as YAML field blocks. */
const YAML_LANGS = new Set(['yaml', 'yml']);

/** Whether a code block is a fenced `yaml` block. */
export function isYamlBlock(block: CodeBlock): boolean {
  return YAML_LANGS.has(block.lang);
}

/**
 * The code block of a `fence` or (indented) `code_block` token, as recorded: `line` is the opening
 * fence, so content line i is at `line + 1 + i`. An indented block has no fence; its `line` is the
 * line before its first content line, to keep that rule. The language is the info string's first
 * word, with backslash escapes and entities decoded (CommonMark).
 */
export function readCodeBlock(token: Token, headings: string[]): CodeBlock {
  const first = (token.map?.[0] ?? 0) + 1;
  const fenced = token.type === 'fence';
  const lang = fenced ? (unescapeAll(token.info).trim().split(/\s/, 1)[0] ?? '').toLowerCase() : '';
  const value = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
  return { lang, value, line: fenced ? first : first - 1, headings };
}

/** A `key: value` line found inside a code block. */
export interface CodeKeyLine {
  rawKey: string;
  /** The key normalised. */
  key: string;
  value: string;
  line: number;
}

/**
 * The `key: value` lines of a code block whose normalised key passes `accept` (`iaa_audit_token: …`,
 * `- IAA Token: …`, `"iaa_audit_token": "…",`). `firstLine` is the document line of the block's
 * first content line.
 */
export function codeKeyLines(
  value: string,
  firstLine: number,
  accept: (key: string) => boolean,
): CodeKeyLine[] {
  const found: CodeKeyLine[] = [];
  value.split(/\r\n|\r|\n/).forEach((text, index) => {
    const pair = splitKeyValue(stripLineMarkers(text), CODE_KEY);
    if (!pair) return;
    const rawKey = unquote(pair.rawKey);
    const key = normaliseKey(rawKey);
    if (!accept(key)) return;
    found.push({
      rawKey,
      key,
      value: cleanValue(unquote(pair.value.replace(/,$/, ''))),
      line: firstLine + index,
    });
  });
  return found;
}

/** Leading list bullets and quote markers; a `#` comment is left alone so commented-out keys do not count. */
function stripLineMarkers(text: string): string {
  let start = 0;
  const limit = Math.min(text.length, 40);
  while (
    start < limit &&
    (text[start] === ' ' ||
      text[start] === '\t' ||
      text[start] === '>' ||
      text[start] === '-' ||
      text[start] === '*')
  ) {
    start++;
  }
  return text.slice(start);
}
