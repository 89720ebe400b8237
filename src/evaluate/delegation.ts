import type { Config } from '../config/types.js';
import type { ProofDocument, ProofTable } from '../model/proof.js';
import { buildersNamedIn } from './builders.js';

/** One piece of evidence that the foreman delegated work (SPEC §3, §8.8). */
export interface DelegationEvidence {
  kind:
    'builder-table' | 'builder-field' | 'agents-delegated-to' | 'delegation-order' | 'builder-appointment';
  /** Known builders it names; may be empty for `agents-delegated-to` naming other agents. */
  builders: string[];
  file: string;
  line?: number;
}

const BUILDER_COLUMN = new Set(['builder', 'builders', 'builder_agent', 'agent', 'agents']);
const EMPTY_VALUES = new Set(['', 'none', '[]', 'n/a', '-', 'null', '~']);

/**
 * Delegation evidence in a parsed proof or foreman memory: a builder table, a table under an
 * "Agents Delegated To" heading, a Builder/Builders Involved field, or `agents_delegated_to`.
 * Prose lists never count (SPEC §8.8).
 */
export function delegationInDocument(doc: ProofDocument, file: string, config: Config): DelegationEvidence[] {
  const builders = config.roles.builders;
  const evidence: DelegationEvidence[] = [];
  for (const table of doc.tables) {
    if (!isBuilderTable(table)) continue;
    const named = new Set<string>();
    let line: number | undefined;
    for (const row of table.rows) {
      for (const name of buildersNamedIn(row.values[0] ?? '', builders)) {
        named.add(name);
        line ??= row.line;
      }
    }
    if (named.size > 0) evidence.push({ kind: 'builder-table', builders: [...named], file, line });
  }
  for (const field of doc.fields) {
    if (field.canonical === 'builders') {
      const named = buildersNamedIn(field.value, builders);
      if (named.length > 0) evidence.push({ kind: 'builder-field', builders: named, file, line: field.line });
    } else if (field.canonical === 'agents_delegated_to') {
      const values = field.items ?? [field.value];
      const meaningful = values.filter((v) => !EMPTY_VALUES.has(v.trim().toLowerCase()));
      if (meaningful.length === 0) continue;
      const named = buildersNamedIn(meaningful.join('\n'), builders);
      evidence.push({ kind: 'agents-delegated-to', builders: named, file, line: field.line });
    }
  }
  return evidence;
}

export function isBuilderTable(table: ProofTable): boolean {
  const first = table.keys[0] ?? '';
  if (BUILDER_COLUMN.has(first)) return true;
  return table.headings.some((heading) => /agents?\s+delegated\s+to/i.test(heading));
}

/** A delegation order counts when verified and naming a builder agent (SPEC §3). */
export function delegationInOrder(text: string, file: string): DelegationEvidence | undefined {
  let order: unknown;
  try {
    order = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!order || typeof order !== 'object') return undefined;
  const { result, builder_agent: builderAgent } = order as Record<string, unknown>;
  if (result !== 'DELEGATION_ORDER_VERIFIED') return undefined;
  const agents = (Array.isArray(builderAgent) ? builderAgent : [builderAgent]).filter(
    (a): a is string => typeof a === 'string' && a.trim() !== '',
  );
  if (agents.length === 0) return undefined;
  return { kind: 'delegation-order', builders: agents, file };
}

/** A builder appointment counts when it names a known builder. */
export function delegationInAppointment(
  doc: ProofDocument,
  file: string,
  config: Config,
): DelegationEvidence | undefined {
  const texts = [
    ...doc.fields.map((f) => f.value),
    ...doc.tables.flatMap((t) => t.rows.flatMap((r) => r.values)),
    ...doc.sections.map((s) => s.heading),
  ];
  const named = buildersNamedIn(texts.join('\n'), config.roles.builders);
  return named.length > 0 ? { kind: 'builder-appointment', builders: named, file } : undefined;
}
