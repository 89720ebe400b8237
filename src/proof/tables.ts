import type { Table } from 'mdast';
import type { ProofTable, TableRow } from '../model/proof.js';
import { plainText } from './inline.js';
import { normaliseKey, type KeyValue } from './fields.js';

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

/**
 * Reads a GFM table: the first row is the header, every other row becomes named cells keyed by
 * the normalised header. A `| Field | Value |`-style table also yields one field per row.
 */
export function readTable(node: Table, headings: string[]): { table: ProofTable; fields: TableField[] } {
  const [headerRow, ...bodyRows] = node.children;
  const headers = (headerRow?.children ?? []).map((cell) => cellText(plainText(cell)));
  const keys = headers.map(normaliseKey);
  const rows: TableRow[] = bodyRows.map((row) => {
    const values = row.children.map((cell) => cellText(plainText(cell)));
    const cells: Record<string, string> = {};
    keys.forEach((key, column) => {
      // The first column with a given header keeps the name; an unnamed column is only in `values`.
      if (key !== '' && !Object.hasOwn(cells, key)) cells[key] = values[column] ?? '';
    });
    return { cells, values, line: row.position?.start.line ?? 0 };
  });
  const table: ProofTable = { headers, keys, rows, line: node.position?.start.line ?? 0, headings };
  return { table, fields: isFieldTable(keys) ? rowsAsFields(rows) : [] };
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
