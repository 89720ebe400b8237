import type { ProofTable, TableRow } from '../model/proof.js';
import { plainText } from './inline.js';
import { normaliseKey, type KeyValue } from './fields.js';
import type { Token } from './markdown.js';

/** Header pairs that make a two-column table a list of fields (`| Field | Value |`, SPEC §3). */
const KEY_HEADERS = new Set([
  'field',
  'key',
  'item',
  'property',
  'attribute',
  'name',
  'parameter',
  'setting',
]);
const VALUE_HEADERS = new Set(['value', 'values', 'detail', 'details']);

/** A row of a key/value table, as a field to record. */
export interface TableField extends KeyValue {
  line: number;
}

/** A table as read, and the index of its `table_close` token. */
export interface TableRead {
  table: ProofTable;
  fields: TableField[];
  end: number;
}

/**
 * Reads the GFM table opened at `tokens[start]`: the first row is the header, every other row
 * becomes named cells keyed by the normalised header. A `| Field | Value |`-style table also yields
 * one field per row. Rows have as many cells as the header (GFM: missing cells are empty, extra
 * cells are not part of the table).
 */
export function readTable(tokens: readonly Token[], start: number, headings: string[]): TableRead {
  const rowsRead: { line: number; values: string[] }[] = [];
  let end = start;
  for (let i = start + 1; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.type === 'table_close') {
      end = i;
      break;
    }
    if (token.type === 'tr_open') rowsRead.push({ line: (token.map?.[0] ?? 0) + 1, values: [] });
    else if (token.type === 'inline') rowsRead.at(-1)?.values.push(cellText(plainText(token.children ?? [])));
  }
  const [header, ...body] = rowsRead;
  const headers = header?.values ?? [];
  const keys = headers.map(normaliseKey);
  const rows: TableRow[] = body.map(({ line, values }) => {
    const cells: Record<string, string> = {};
    keys.forEach((key, column) => {
      // The first column with a given header keeps the name; an unnamed column is only in `values`.
      if (key !== '' && !Object.hasOwn(cells, key)) cells[key] = values[column] ?? '';
    });
    return { cells, values, line };
  });
  const line = (tokens[start]?.map?.[0] ?? 0) + 1;
  const table: ProofTable = { headers, keys, rows, line, headings };
  return { table, fields: isFieldTable(keys) ? rowsAsFields(rows) : [], end };
}

function isFieldTable(keys: string[]): boolean {
  return keys.length === 2 && KEY_HEADERS.has(keys[0] ?? '') && VALUE_HEADERS.has(keys[1] ?? '');
}

function rowsAsFields(rows: TableRow[]): TableField[] {
  const fields: TableField[] = [];
  for (const row of rows) {
    const rawKey = row.values[0] ?? '';
    if (normaliseKey(rawKey) === '') continue;
    fields.push({ rawKey, value: row.values[1] ?? '', line: row.line });
  }
  return fields;
}

/** A cell's text on one line: `<br>`-split or escaped line breaks become spaces. */
function cellText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
