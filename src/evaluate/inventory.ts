import validateInventory from '../config/generated/validate-inventory.js';

/** One canon entry of `governance/CANON_INVENTORY.json` (the keys the check reads; others are kept). */
export interface CanonEntry {
  path?: string;
  filename?: string;
  version?: string;
  file_hash_sha256?: unknown;
  file_hash?: string;
}

export interface CanonInventory {
  canons: CanonEntry[];
  total_canons?: number;
}

/** Shape problems of a parsed inventory, from the JSON Schema in `schema/canon-inventory.schema.json`. */
export function inventoryShapeProblems(data: unknown): string[] {
  if (validateInventory(data)) return [];
  return (validateInventory.errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`);
}
