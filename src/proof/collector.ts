import type {
  ChecklistItem,
  CodeBlock,
  FieldSyntax,
  ProofDocument,
  ProofField,
  ProofTable,
  TextLine,
  TokenOccurrence,
} from '../model/proof.js';
import type { CompiledOptions } from './options.js';
import { codeKeyLines } from './code-blocks.js';
import { normaliseKey, TOKEN_FIELD, type KeyValue } from './fields.js';
import { SectionTracker, type HeadingContext } from './sections.js';
import { chooseAuthoritativeToken, classifyTokenValue, tokenInText } from './token.js';

/** Key lines under an IAA heading whose key mentions a token, kept for the token fallback. */
type IaaSource = { field: ProofField } | { code: string; firstLine: number };

/**
 * Gathers the facts of one document while it is walked in order; every fact is stamped with the
 * headings enclosing it. `finish` derives the tokens and returns the {@link ProofDocument}.
 */
export class DocumentCollector {
  private readonly fields: ProofField[] = [];
  private readonly checklist: ChecklistItem[] = [];
  private readonly tables: ProofTable[] = [];
  private readonly codeBlocks: CodeBlock[] = [];
  private readonly textLines: TextLine[] = [];
  private readonly warnings: ProofDocument['warnings'] = [];
  private readonly tokenFields: { field: ProofField; underIaaHeading: boolean }[] = [];
  private readonly iaaSources: IaaSource[] = [];
  private readonly sections: SectionTracker;

  constructor(private readonly options: CompiledOptions) {
    this.sections = new SectionTracker(options.iaaHeading);
    for (const problem of options.problems) this.warn(problem);
  }

  /** The headings enclosing the current point of the walk. */
  get context(): HeadingContext {
    return this.sections.context;
  }

  heading(text: string, depth: number, line: number): void {
    this.sections.enter(text, depth, line);
  }

  /** Records a field; keys that normalise to nothing are ignored. */
  field(entry: KeyValue & { items?: string[] }, line: number, syntax: FieldSyntax, fence?: string): void {
    const key = normaliseKey(entry.rawKey);
    if (key === '') return;
    const { headings, underIaaHeading } = this.context;
    const canonical = this.options.synonyms.canonicalOf(key);
    const field: ProofField = {
      key,
      ...(canonical !== undefined && { canonical }),
      rawKey: entry.rawKey,
      value: entry.value,
      ...(entry.items !== undefined && { items: entry.items }),
      line,
      syntax,
      headings,
      ...(fence !== undefined && { fence }),
    };
    this.fields.push(field);
    if (canonical === TOKEN_FIELD) this.tokenFields.push({ field, underIaaHeading });
    else if (underIaaHeading && mentionsToken(key)) this.iaaSources.push({ field });
  }

  textLine(text: string, line: number): void {
    this.textLines.push({ text, line, headings: this.context.headings });
  }

  checklistItem(item: ChecklistItem): void {
    this.checklist.push(item);
  }

  table(table: ProofTable): void {
    this.tables.push(table);
  }

  /** Records a code block; a `yaml` one has had its keys recorded as fields already. */
  codeBlock(block: CodeBlock, yaml: boolean): void {
    this.codeBlocks.push(block);
    if (!yaml && this.context.underIaaHeading)
      this.iaaSources.push({ code: block.value, firstLine: block.line + 1 });
  }

  warn(message: string, line?: number): void {
    this.warnings.push(line === undefined ? { message } : { message, line });
  }

  /** The finished document; `lastLine` closes the open sections. */
  finish(lastLine: number): ProofDocument {
    const tokens = this.tokenOccurrences();
    return {
      fields: this.fields,
      sections: this.sections.finish(lastLine),
      checklist: this.checklist,
      tables: this.tables,
      codeBlocks: this.codeBlocks,
      textLines: this.textLines,
      tokens,
      token: chooseAuthoritativeToken(tokens),
      warnings: this.warnings,
    };
  }

  private tokenOccurrences(): TokenOccurrence[] {
    const pattern = this.options.tokenPattern;
    if (this.tokenFields.length > 0) {
      return this.tokenFields.map(({ field, underIaaHeading }) => ({
        ...classifyTokenValue(field.value, pattern),
        line: field.line,
        underIaaHeading,
      }));
    }
    return this.inferredTokens();
  }

  /**
   * Fallback for documents with no `iaa_audit_token` key at all: tokens in key lines under an IAA
   * heading whose key mentions a token (`PHASE_B_BLOCKING_TOKEN: IAA-…-PASS`,
   * `**Token Reference**: …`, also inside pasted IAA responses in code blocks). IAA token files,
   * which a PATH value points at, carry no `iaa_audit_token` key (fixtures pr-1666, pr-1048,
   * pr-1334, pr-1122), and a human reads the token there; no proof among the fixtures has such
   * lines without the key, so proofs decide as before. Prose never counts, even under an IAA
   * heading (it quotes templates such as `IAA-session-NNN-YYYYMMDD-PASS` and earlier tokens), nor
   * do multi-column tables (chains of earlier tokens), nor a bare PENDING. Marked `inferred`.
   */
  private inferredTokens(): TokenOccurrence[] {
    const pattern = this.options.tokenPattern;
    const found: TokenOccurrence[] = [];
    const consider = (value: string, line: number) => {
      const reading = tokenInText(value, pattern);
      if (reading) found.push({ ...reading, line, underIaaHeading: true, inferred: true });
    };
    for (const source of this.iaaSources) {
      if ('field' in source) consider(source.field.value, source.field.line);
      else
        for (const keyLine of codeKeyLines(source.code, source.firstLine, mentionsToken))
          consider(keyLine.value, keyLine.line);
    }
    return found.sort((a, b) => a.line - b.line);
  }
}

function mentionsToken(key: string): boolean {
  return key.includes('token');
}
