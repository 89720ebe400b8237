import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { ParsedConfigFile } from './yaml-source.js';

/** One step of a key path: a mapping key, or an index into a list. */
export type Segment = string | number;

/** Key path as users write it: `proof.globs[2]`, `synonyms["Session ID"]`. */
export function displayPath(segments: readonly Segment[]): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_][\w-]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

/** JSON Pointer (`/proof/globs/2`) → segments, numbers where the data at that point is a list. */
export function pointerSegments(pointer: string, root: unknown): Segment[] {
  if (pointer === '') return [];
  const segments: Segment[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: Segment = Array.isArray(node) ? Number(key) : key;
    segments.push(segment);
    node = valueAt(node, [segment]);
  }
  return segments;
}

/** The data at a key path, or undefined when any step is missing. */
export function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** The YAML node for a key path: its value node, or its key node (for unknown keys, or when the value is empty). */
function locate(
  doc: Document,
  segments: readonly Segment[],
  atKey: boolean | undefined,
): YamlNode | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return node;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  const chosen = atKey || node === null || node === undefined ? (keyNode ?? node) : node;
  return (chosen ?? undefined) as YamlNode | undefined;
}

/** 1-based line of the value at a key path (of the key itself with `atKey`, or when the value is empty). */
export function lineOfPath(
  file: ParsedConfigFile,
  segments: readonly Segment[],
  atKey = false,
): number | undefined {
  const start = locate(file.doc, segments, atKey)?.range?.[0];
  return start === undefined ? undefined : file.lineCounter.linePos(start).line;
}
