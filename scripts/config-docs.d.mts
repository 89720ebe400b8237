/** Types for scripts/config-docs.mjs, so TypeScript tests can import it. */

/** A JSON Schema node, as far as the docs renderer reads it. */
export interface SchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  [keyword: string]: unknown;
}

/** One key of the schema: `path` as documented (`proof.globs`, `path_classes[].class`). */
export interface SchemaKey {
  path: string;
  segments: string[];
  schema: SchemaNode;
  inList: boolean;
  /** For keys of list items: the list's first example item. */
  item?: Record<string, unknown>;
}

export function schemaKeys(
  schema: SchemaNode,
  prefix?: string[],
  inList?: boolean,
  item?: Record<string, unknown>,
): SchemaKey[];
export function renderConfigDocs(schema: SchemaNode): string;
