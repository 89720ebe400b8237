/**
 * A budget on emphasis and strikethrough pairing in one inline run (a paragraph, heading or cell).
 *
 * micromark pairs each closing `*`, `_` or `~` sequence by walking back over every earlier event of
 * the run, so a run of unmatched markers is quadratic: 40 KB of `_*_*…` in one paragraph takes
 * ~5 s, and a megabyte would take most of an hour (issue #5). Real proofs have a handful of markers
 * per paragraph. Past the budget the markers stay literal text, which is exactly what micromark
 * makes of markers it cannot pair, so no text is lost and every field is still read.
 */
import type { Construct, Event, Resolver } from 'micromark-util-types';

/** Marker sequences one inline run may hold before they are left unpaired. */
export const MAX_SEQUENCES_PER_RUN = 1000;

/** Wraps a construct's pairing resolver so a run over the budget skips pairing. */
export function withSequenceBudget(
  construct: Construct,
  sequenceType: string,
  budget = MAX_SEQUENCES_PER_RUN,
): void {
  const upstream = construct.resolveAll;
  if (!upstream || (upstream as BudgetedResolver).budgeted) return;
  const budgeted: BudgetedResolver = (events, context) =>
    overBudget(events, sequenceType, budget) ? asText(events, sequenceType) : upstream(events, context);
  budgeted.budgeted = true;
  construct.resolveAll = budgeted;
}

type BudgetedResolver = Resolver & { budgeted?: boolean };

function overBudget(events: Event[], sequenceType: string, budget: number): boolean {
  let sequences = 0;
  for (const [kind, token] of events) {
    if (kind === 'enter' && token.type === sequenceType && ++sequences > budget) return true;
  }
  return false;
}

/** What upstream does with sequences it could not pair: plain text. */
function asText(events: Event[], sequenceType: string): Event[] {
  for (const [, token] of events) if (token.type === sequenceType) token.type = 'data';
  return events;
}
