/** The seven merge-gate checks, spelled once. The verdict aggregates the other six and comes last. */
export const CHECK_IDS = [
  'prehandover-proof-check',
  'session-memory-check',
  'foreman-implementation-check',
  'builder-involvement-check',
  'stop-and-fix/enforcement',
  'governance/alignment',
  'merge-gate/verdict',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export const VERDICT: CheckId = 'merge-gate/verdict';

/** The commit-status context for a check, with an optional prefix for repositories that run several gates. */
export function contextName(check: CheckId, prefix = ''): string {
  if (!prefix) return check;
  return prefix.endsWith('/') ? `${prefix}${check}` : `${prefix}/${check}`;
}
