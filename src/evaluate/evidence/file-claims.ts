/**
 * The delivered-file claims of a proof (SPEC §9.1): a path that is a whole table cell in a
 * files-changed / bundle / deliverables / evidence table, or the subject of a ticked checklist item
 * in such a section. Only the path cell and its row's status are read, never the whole line as
 * prose: real proofs put mapping arrows, deletion notes and future plans next to paths.
 */
import type { ProofDocument, ProofTable, TableRow } from '../../model/proof.js';
import { readWrittenPath, type WrittenPath } from './paths.js';

/** One path the proof says is delivered. */
export interface FileClaim {
  written: Exclude<WrittenPath, { kind: 'skip' }>;
  /** The row or item says the file is created / new / added: the PR must add or modify it. */
  saysCreated: boolean;
  line: number;
  /** Where it was found, for messages: the heading of its table or checklist. */
  where: string;
  /** The row says the file was renamed or moved: its path may be the old one, gone from head. */
  saysMoved: boolean;
}

/** Sections and columns whose paths are claims of delivered files. */
const FILES_TOPIC =
  /\b(files?|bundle|deliverables?|deliver(?:y|ed)|evidence|artifacts?|changes?|changed|modified|created|manifest|outputs?)\b/i;
/** Inventory tables list entries, not files delivered: "Added" is the entry (governance/alignment's job). */
const INVENTORY = /inventory/i;
/** A section that lists what was *not* done (`Agent Contract Files — NOT Layered Down`). */
const NEGATIVE_SECTION = /\b(?:not|excluded|out of scope|deferred|pending)\b/i;
/** Columns holding the path of the file before a mapping (`old → new`): not a claim about head. */
const BEFORE_COLUMN =
  /\b(old|from|before|previous|source|original|legacy|deprecated|superseded|removed|deleted)\b/i;
/** A cell that is nothing but a mapping arrow. */
const ARROW_CELL = /^\s*(?:→|->|=>|⇒|⟶|➡️?)\s*$/;
/**
 * Rows that do not claim the file is at head (SPEC §9.1): deleted, removed or missing files,
 * expected or upstream/canonical references, and forward references (`will be written`).
 */
const NOT_AT_HEAD =
  /\b(deleted|deletes?|removed|removes?|missing|expected|upstream|canonical|superseded|archived|will be|to be (?:created|written|added|committed|generated|produced)|awaiting|not (?:yet )?(?:created|committed|present|included|written|added)|future|planned|deferred|out of scope|n\/a)\b/i;
/** A row about a rename: the old path is named too (`| old | Renamed to new |`), and is not at head. */
const SAYS_MOVED = /\b(renamed|moved|relocated)\b/i;
/** A status that says the file is new: the word alone, or followed by a separator (`New — Fargate …`). */
const SAYS_CREATED =
  /^[^A-Za-z0-9]*(?:new(?: file)?|created|added|create|add|addition)\b\s*(?:$|[—–:;,(|/]|-\s|\.\s|\.$)/i;

/** Delivered-file claims of a proof, in document order. Skipped shapes are simply not claims. */
export function fileClaims(doc: ProofDocument): FileClaim[] {
  const claims: FileClaim[] = [];
  for (const table of doc.tables) {
    if (!isFilesTable(table)) continue;
    for (const row of table.rows) claims.push(...rowClaims(table, row));
  }
  for (const item of doc.checklist) {
    if (!item.checked || !item.headings.some((h) => FILES_TOPIC.test(h))) continue;
    if (NEGATIVE_SECTION.test(item.headings.at(-1) ?? '')) continue;
    const claim = itemClaim(item.text);
    if (claim) claims.push({ ...claim, line: item.line, where: item.headings.at(-1) ?? 'checklist' });
  }
  return claims;
}

function isFilesTable(table: ProofTable): boolean {
  const context = [...table.headings, ...table.headers];
  if (context.some((h) => INVENTORY.test(h)) || NEGATIVE_SECTION.test(table.headings.at(-1) ?? ''))
    return false;
  return context.some((h) => FILES_TOPIC.test(h));
}

function rowClaims(table: ProofTable, row: TableRow): FileClaim[] {
  const claims: FileClaim[] = [];
  const hasArrowCell = row.values.some((v) => ARROW_CELL.test(v));
  row.values.forEach((value, column) => {
    const written = readWrittenPath(value);
    if (!written || written.kind === 'skip') return;
    if (BEFORE_COLUMN.test(table.headers[column] ?? '')) return;
    // The left side of a mapping row (`| old | → | new |`) is not a claim about head.
    if (hasArrowCell && row.values.slice(column + 1).some((v) => ARROW_CELL.test(v))) return;
    const others = row.values.filter((_, i) => i !== column);
    if (others.some((v) => NOT_AT_HEAD.test(v))) return;
    claims.push({
      written,
      saysCreated: others.some((v) => SAYS_CREATED.test(v)),
      saysMoved: others.some((v) => SAYS_MOVED.test(v)),
      line: row.line,
      where: table.headings.at(-1) ?? 'table',
    });
  });
  return claims;
}

/**
 * The subject of a ticked item: the whole text, the value after `Label:`, or what precedes a
 * dash or parenthesis (`path — created`). The rest of the item is its status.
 */
function itemClaim(text: string): Omit<FileClaim, 'line' | 'where'> | undefined {
  const colon = text.indexOf(': ');
  const afterLabel = colon >= 0 ? text.slice(colon + 2) : undefined;
  for (const subject of [text, afterLabel]) {
    if (subject === undefined) continue;
    const [head = '', rest = ''] = splitSubject(subject);
    const written = readWrittenPath(head);
    if (!written || written.kind === 'skip') continue;
    const status = rest.trim();
    if (NOT_AT_HEAD.test(status) || NOT_AT_HEAD.test(colon >= 0 ? text.slice(0, colon) : ''))
      return undefined;
    return {
      written,
      saysCreated: SAYS_CREATED.test(status.replace(/^[—–\-:(]\s*/, '')),
      saysMoved: SAYS_MOVED.test(status),
    };
  }
  return undefined;
}

/** `path — rest`, `path (rest)`, `path - rest` → [path, rest]; else [subject, '']. */
function splitSubject(subject: string): [string, string] {
  const match = /^(\S+)(\s+(?:[—–(]|-\s).*)$/.exec(subject.trim());
  return match ? [match[1] ?? '', match[2] ?? ''] : [subject, ''];
}
