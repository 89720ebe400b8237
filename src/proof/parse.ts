/**
 * The proof parser: Markdown text → {@link ProofDocument}, for PREHANDOVER proofs and session
 * memories alike. Structure only, no judgement: the checks decide what the facts mean.
 */
import type { ProofDocument, ProofField } from '../model/proof.js';
import { readChecklistItem } from './checklist.js';
import { codeKeyLines, isYamlBlock, readCodeBlock } from './code-blocks.js';
import { DocumentCollector } from './collector.js';
import { MAX_BLOCK_LEVEL, MAX_QUOTE_DEPTH, NESTING_LIMIT, TOO_MANY_QUOTES } from './depth-bounds.js';
import { boldKeyValue, normaliseKey, splitKeyValue, TOKEN_FIELD } from './fields.js';
import { FRONT_MATTER } from './front-matter.js';
import { inlineLines, plainText } from './inline.js';
import { parseMarkdown, type Token } from './markdown.js';
import { compileOptions, type CompiledOptions, type ParseOptions } from './options.js';
import { readTable } from './tables.js';
import { readYamlEntries } from './yaml-fields.js';

export { normaliseKey };
export { parseOptionsFrom, type ParseOptions } from './options.js';

/**
 * Parses a proof (or session memory). Never throws: unreadable parts (invalid YAML, Markdown
 * nested too deep to read) become `warnings` on their line, and whatever was read before stays in
 * the document.
 */
export function parseProof(text: string, options: ParseOptions): ProofDocument {
  const compiled = compileOptions(options);
  const out = new DocumentCollector(compiled);
  const source = typeof text === 'string' ? text : '';
  let tokens: Token[];
  try {
    tokens = parseMarkdown(source);
  } catch (error) {
    out.warn(`the Markdown could not be parsed: ${messageOf(error)}`);
    return out.finish(0);
  }
  try {
    walk(tokens, compiled, out);
  } catch (error) {
    out.warn(`the document could only be read in part: ${messageOf(error)}`);
  }
  return out.finish(lineCount(source));
}

/**
 * The first occurrence of a field by canonical name (SPEC §8.3: for ordinary fields the first
 * occurrence wins). An occurrence with an empty value (`**Date**:` above a list) gives way to the
 * first one with a value; it is returned only when no occurrence has one. A field without a
 * canonical name matches by its normalised key (`firstField(doc, 'merge_gate_parity')`).
 */
export function firstField(doc: ProofDocument, canonical: string): ProofField | undefined {
  let empty: ProofField | undefined;
  for (const field of doc.fields) {
    const named = field.canonical === canonical || (field.canonical === undefined && field.key === canonical);
    if (!named) continue;
    if (field.value !== '') return field;
    empty ??= field;
  }
  return empty;
}

/** Visits the tokens once, in document order (markdown-it's stream is flat: no recursion). */
function walk(tokens: readonly Token[], options: CompiledOptions, out: DocumentCollector): void {
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case FRONT_MATTER:
        readFrontMatter(token, out);
        break;
      case 'heading_open':
        readHeading(token, tokens[i + 1], out);
        break;
      case 'paragraph_open':
        readParagraph(tokens[i + 1], lineOf(token), out);
        break;
      case 'table_open': {
        const { table, fields, end } = readTable(tokens, i, out.context.headings);
        out.table(table);
        for (const field of fields) out.field(field, field.line, 'table');
        i = Math.max(i, end);
        break;
      }
      case 'fence':
      case 'code_block':
        readCode(token, options, out);
        break;
      case 'list_item_open': {
        const item = readChecklistItem(tokens, i, out.context.headings);
        if (item) out.checklistItem(item);
        break;
      }
      case NESTING_LIMIT:
        warnTooDeep(token, out);
        break;
      default:
        // Containers (their content follows), html, thematic breaks: nothing a proof states.
        break;
    }
  }
}

/** The 1-based line a block token starts on. */
function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1;
}

/** Lines in `text`, counting a final line break as starting an empty last line (as editors do). */
function lineCount(text: string): number {
  let lines = 1;
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
    return lines;
  }
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 0x0a || (char === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lines += 1;
  }
  return lines;
}

function readFrontMatter(token: Token, out: DocumentCollector): void {
  const fenceLine = lineOf(token);
  const { entries, problem } = readYamlEntries(token.content, fenceLine + 1);
  if (problem) out.warn(`front matter is not valid YAML (${problem}); read line by line`, fenceLine);
  for (const entry of entries) out.field(entry, entry.line, 'front-matter');
}

/** Lines the parser skipped because they are nested too deep (depth-bounds.ts), one warning each block. */
function warnTooDeep(token: Token, out: DocumentCollector): void {
  const [first, end] = token.map ?? [0, 1];
  const lines = end - first > 1 ? `lines ${first + 1}–${end} not read` : 'line not read';
  const bound =
    token.info === TOO_MANY_QUOTES
      ? `inside more than ${MAX_QUOTE_DEPTH} block quotes`
      : `nested more than ${MAX_BLOCK_LEVEL} levels deep in lists and block quotes (a list counts two)`;
  out.warn(`${lines}: ${bound}`, first + 1);
}

/** A heading opens a section; one of the exact form `## key: value` is also a field (SPEC §8.3). */
function readHeading(open: Token, inline: Token | undefined, out: DocumentCollector): void {
  const text = plainText(inline?.children ?? [])
    .replace(/\s+/g, ' ')
    .trim();
  const line = lineOf(open);
  out.heading(text, Number(open.tag.slice(1)), line);
  // Entered first, so a heading field's headings end with the heading itself (an `## IAA token: …` is under IAA).
  const pair = splitKeyValue(text);
  if (pair) out.field(pair, line, 'heading');
}

/**
 * Each source line of a paragraph (also inside list items and quotes) is a text line, and may be
 * a field: `**Key**: value` / `**Key:** value` (bold), else a short `key: value` label.
 */
function readParagraph(inline: Token | undefined, firstLine: number, out: DocumentCollector): void {
  if (!inline) return;
  for (const line of inlineLines(inline, firstLine)) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    out.textLine(text, line.line);
    const bold =
      line.bold === undefined ? undefined : boldKeyValue(line.bold, line.text.slice(line.afterBold));
    if (bold) {
      out.field(bold, line.line, 'bold');
      continue;
    }
    const plain = splitKeyValue(text);
    if (plain) out.field(plain, line.line, 'key-value');
  }
}

/**
 * A `yaml` fence yields its top-level keys as fields; any fence yields its token key lines
 * (SPEC §8.3: the token key is read inside any fenced block, ordinary fields are not).
 */
function readCode(token: Token, options: CompiledOptions, out: DocumentCollector): void {
  const block = readCodeBlock(token, out.context.headings);
  const yaml = isYamlBlock(block);
  out.codeBlock(block, yaml);
  const firstLine = block.line + 1;
  const tokenLinesRead = new Set<number>();
  if (yaml) {
    const { entries, problem } = readYamlEntries(block.value, firstLine);
    if (problem) out.warn(`yaml block is not valid YAML (${problem}); read line by line`, block.line);
    for (const entry of entries) {
      out.field(entry, entry.line, 'yaml-block', block.lang);
      if (options.synonyms.canonicalOf(normaliseKey(entry.rawKey)) === TOKEN_FIELD)
        tokenLinesRead.add(entry.line);
    }
  }
  const isTokenKey = (key: string) => options.synonyms.canonicalOf(key) === TOKEN_FIELD;
  for (const tokenLine of codeKeyLines(block.value, firstLine, isTokenKey)) {
    if (!tokenLinesRead.has(tokenLine.line)) out.field(tokenLine, tokenLine.line, 'key-value', block.lang);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
