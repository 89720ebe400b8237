/**
 * YAML front matter for markdown-it: a `---` line at the very start of the document, up to the
 * next `---` line. The same rule GitHub and micromark's front-matter extension apply: exactly three
 * dashes (trailing spaces allowed) on both fences, and no front matter without the closing one, in
 * which case the first line is an ordinary thematic break. Written here rather than taken from a
 * plugin: `markdown-it-front-matter` closes an unclosed block at the end of the document and
 * accepts any run of dashes, and `@mdit-vue/plugin-frontmatter` brings gray-matter and a second
 * YAML parser; this is one small block rule.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

/** The token type the rule emits; `content` is the YAML text, `map` spans both fences. */
export const FRONT_MATTER = 'front_matter';

/** Adds the front-matter rule ahead of every other block rule (a `---` line is also a thematic break). */
export function frontMatter(md: MarkdownIt): void {
  md.block.ruler.before('table', FRONT_MATTER, frontMatterRule);
}

function frontMatterRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.level !== 0 || !isFence(state, 0)) return false;
  let close = 1;
  while (close < endLine && !isFence(state, close)) close += 1;
  if (close >= endLine) return false;
  if (silent) return true;
  const token = state.push(FRONT_MATTER, '', 0);
  token.hidden = true;
  token.block = true;
  token.map = [0, close + 1];
  token.content = close > 1 ? state.src.slice(state.bMarks[1], state.eMarks[close - 1]) : '';
  state.line = close + 1;
  return true;
}

/** Whether `line` is exactly `---`, unindented, with nothing but spaces or tabs after it. */
function isFence(state: StateBlock, line: number): boolean {
  const start = state.bMarks[line] as number;
  const end = state.eMarks[line] as number;
  if (state.tShift[line] !== 0 || end - start < 3 || state.src.slice(start, start + 3) !== '---')
    return false;
  for (let i = start + 3; i < end; i += 1) {
    const char = state.src.charCodeAt(i);
    if (char !== 0x20 && char !== 0x09) return false;
  }
  return true;
}
