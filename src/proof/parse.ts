/**
 * The proof parser: Markdown text → {@link ProofDocument}, for PREHANDOVER proofs and session
 * memories alike. Structure only, no judgement: the checks decide what the facts mean.
 */
import type { Code, Heading, Nodes, Paragraph, Root, Table, Yaml } from 'mdast';
import type { ProofDocument, ProofField } from '../model/proof.js';
import { readChecklistItem } from './checklist.js';
import { codeKeyLines, isYamlBlock, readCodeBlock } from './code-blocks.js';
import { DocumentCollector } from './collector.js';
import { boldKeyValue, normaliseKey, splitKeyValue, TOKEN_FIELD } from './fields.js';
import { inlineLines, plainText } from './inline.js';
import { parseMarkdown } from './markdown.js';
import { boundPathologicalLines, MAX_LAZY_LINES, MAX_LINE_NESTING } from './nesting.js';
import { compileOptions, type CompiledOptions, type ParseOptions } from './options.js';
import { readTable } from './tables.js';
import { readYamlEntries } from './yaml-fields.js';

export { normaliseKey };
export { parseOptionsFrom, type ParseOptions } from './options.js';

/**
 * Parses a proof (or session memory). Never throws: unreadable parts (invalid YAML, Markdown the
 * parser gives up on) become `warnings`, and whatever was read before stays in the document.
 */
export function parseProof(text: string, options: ParseOptions): ProofDocument {
  const compiled = compileOptions(options);
  const out = new DocumentCollector(compiled);
  const { text: source, skipped } = boundPathologicalLines(typeof text === 'string' ? text : '');
  for (const { line, reason } of skipped) {
    out.warn(
      reason === 'nesting'
        ? `line not read: it opens more than ${MAX_LINE_NESTING} nested lists or block quotes`
        : `line not read: a quoted or listed paragraph runs on for more than ${MAX_LAZY_LINES} lines without its > or indentation`,
      line,
    );
  }
  let root: Root;
  try {
    root = parseMarkdown(source);
  } catch (error) {
    out.warn(`the Markdown could not be parsed: ${messageOf(error)}`);
    return out.finish(0);
  }
  try {
    walk(root, source, compiled, out);
  } catch (error) {
    out.warn(`the document could only be read in part: ${messageOf(error)}`);
  }
  return out.finish(root.position?.end.line ?? 0);
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

/** Visits the tree once, in document order, with an explicit stack (no recursion to overflow). */
function walk(root: Root, source: string, options: CompiledOptions, out: DocumentCollector): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    switch (node.type) {
      case 'yaml':
        readFrontMatter(node, out);
        break;
      case 'heading':
        readHeading(node, out);
        break;
      case 'paragraph':
        readParagraph(node, out);
        break;
      case 'table':
        readTableNode(node, out);
        break;
      case 'code':
        readCode(node, source, options, out);
        break;
      case 'listItem': {
        const item = readChecklistItem(node, out.context.headings);
        if (item) out.checklistItem(item);
        pushChildren(node.children, stack);
        break;
      }
      case 'root':
      case 'blockquote':
      case 'list':
      case 'footnoteDefinition':
        pushChildren(node.children, stack);
        break;
      default:
        // html, thematic breaks, definitions: nothing a proof states.
        break;
    }
  }
}

function pushChildren(children: readonly Nodes[], stack: Nodes[]): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
}

function readFrontMatter(node: Yaml, out: DocumentCollector): void {
  const fenceLine = node.position?.start.line ?? 1;
  const { entries, problem } = readYamlEntries(node.value, fenceLine + 1);
  if (problem) out.warn(`front matter is not valid YAML (${problem}); read line by line`, fenceLine);
  for (const entry of entries) out.field(entry, entry.line, 'front-matter');
}

/** A heading opens a section; one of the exact form `## key: value` is also a field (SPEC §8.3). */
function readHeading(node: Heading, out: DocumentCollector): void {
  const text = plainText(node).replace(/\s+/g, ' ').trim();
  const line = node.position?.start.line ?? 0;
  out.heading(text, node.depth, line);
  // Entered first, so a heading field's headings end with the heading itself (an `## IAA token: …` is under IAA).
  const pair = splitKeyValue(text);
  if (pair) out.field(pair, line, 'heading');
}

/**
 * Each source line of a paragraph (also inside list items and quotes) is a text line, and may be
 * a field: `**Key**: value` / `**Key:** value` (bold), else a short `key: value` label.
 */
function readParagraph(node: Paragraph, out: DocumentCollector): void {
  for (const line of inlineLines(node)) {
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

function readTableNode(node: Table, out: DocumentCollector): void {
  const { table, fields } = readTable(node, out.context.headings);
  out.table(table);
  for (const field of fields) out.field(field, field.line, 'table');
}

/**
 * A `yaml` fence yields its top-level keys as fields; any fence yields its token key lines
 * (SPEC §8.3: the token key is read inside any fenced block, ordinary fields are not).
 */
function readCode(node: Code, source: string, options: CompiledOptions, out: DocumentCollector): void {
  const block = readCodeBlock(node, source, out.context.headings);
  const yaml = isYamlBlock(node);
  out.codeBlock(block, yaml);
  const firstLine = block.line + 1;
  const tokenLinesRead = new Set<number>();
  if (yaml) {
    const { entries, problem } = readYamlEntries(node.value, firstLine);
    if (problem) out.warn(`yaml block is not valid YAML (${problem}); read line by line`, block.line);
    for (const entry of entries) {
      out.field(entry, entry.line, 'yaml-block', block.lang);
      if (options.synonyms.canonicalOf(normaliseKey(entry.rawKey)) === TOKEN_FIELD)
        tokenLinesRead.add(entry.line);
    }
  }
  const isTokenKey = (key: string) => options.synonyms.canonicalOf(key) === TOKEN_FIELD;
  for (const tokenLine of codeKeyLines(node.value, firstLine, isTokenKey)) {
    if (!tokenLinesRead.has(tokenLine.line)) out.field(tokenLine, tokenLine.line, 'key-value', block.lang);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
