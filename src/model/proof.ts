/**
 * A parsed PREHANDOVER proof (or session memory): structure only, no judgement.
 * Every fact keeps its 1-based source line so findings can be annotated on it.
 */

export type FieldSyntax = 'table' | 'bold' | 'key-value' | 'heading' | 'front-matter' | 'yaml-block';

export interface ProofField {
  /** The key as normalised (lower case, `_` for spaces, emphasis/backticks/trailing parenthetical dropped). */
  key: string;
  /** The canonical name when the key is a configured synonym (`session_id`, `date`, `agent`, …). */
  canonical?: string;
  /** The key as written, for messages. */
  rawKey: string;
  /** Value with backticks and emphasis stripped, trimmed. For YAML lists: items joined with ", ". */
  value: string;
  /** For YAML values that are lists (e.g. `agents_delegated_to`): the items as strings. */
  items?: string[];
  line: number;
  syntax: FieldSyntax;
  /** Texts of the headings enclosing the field, outermost first. */
  headings: string[];
  /** Set when the field was read inside a fenced code block; the info string (e.g. `yaml`, or '' for untyped). */
  fence?: string;
}

export interface ProofSection {
  heading: string;
  depth: number;
  line: number;
  /** Last line of the section (before the next heading of the same or higher level, or end of document). */
  endLine: number;
}

export interface ChecklistItem {
  text: string;
  checked: boolean;
  line: number;
  headings: string[];
}

export interface TableRow {
  /** Cells by normalised header key (same normalisation as field keys). */
  cells: Record<string, string>;
  /** Cells in column order. */
  values: string[];
  line: number;
}

export interface ProofTable {
  /** Header cells as written (emphasis stripped). */
  headers: string[];
  /** Header cells normalised as field keys. */
  keys: string[];
  rows: TableRow[];
  line: number;
  headings: string[];
}

export interface CodeBlock {
  lang: string;
  value: string;
  /** Line of the opening fence. Content line i (0-based) is at line + 1 + i. */
  line: number;
  headings: string[];
}

/** A plain text line of the document outside tables/code (paragraphs, list items, quotes), for verdict and evidence lines. */
export interface TextLine {
  text: string;
  line: number;
  headings: string[];
}

export type TokenKind = 'PASS' | 'PENDING' | 'REJECT' | 'ADVISORY' | 'PATH' | 'MISSING';

export interface TokenOccurrence {
  kind: TokenKind;
  /** The token itself (`IAA-session-029-20260301-PASS`), when kind is a token kind. */
  token?: string;
  /** The referenced path, when kind is PATH. */
  path?: string;
  /** The raw value on the token line, quoted in findings. */
  value: string;
  line: number;
  underIaaHeading: boolean;
  /**
   * Set when the document has no `iaa_audit_token` key at all and the token was read instead from a
   * key line mentioning a token under an IAA heading (an IAA token file's `PHASE_B_BLOCKING_TOKEN: IAA-…-PASS`).
   */
  inferred?: boolean;
}

export interface ProofDocument {
  /** Every field occurrence in document order (the first occurrence wins for ordinary fields, SPEC §8.3). */
  fields: ProofField[];
  sections: ProofSection[];
  checklist: ChecklistItem[];
  tables: ProofTable[];
  codeBlocks: CodeBlock[];
  textLines: TextLine[];
  tokens: TokenOccurrence[];
  /** The authoritative token (SPEC §3, §8.5); kind MISSING with line 0 when the document has none. */
  token: TokenOccurrence;
  /** Problems met while reading (e.g. invalid front matter); never thrown. */
  warnings: { message: string; line?: number }[];
}
