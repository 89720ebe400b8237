/**
 * A linear-time `EditMap.consume` for micromark.
 *
 * micromark closes every block container (list item, block quote) with an `EditMap` whose edits
 * sit near the end of the document's event list, but upstream `consume` copies the WHOLE list each
 * time. A document of many containers is therefore quadratic: 16,000 block quotes (80 KB) take
 * ~36 s instead of ~1 s, so a PR could stall its own gate (issue #5, docs/benchmarks.md).
 *
 * This version produces the same list, but only rebuilds it from the first edit onwards. It
 * replaces the method on the shared class, which micromark's document tokenizer uses; the module
 * is the same instance in the bundle because there is one copy of the package. Remove it once
 * upstream `consume` leaves the untouched head in place.
 */
import { EditMap } from 'micromark-util-edit-map';

type Events = Parameters<EditMap['consume']>[0];

/** Upstream's method, kept so tests can compare the two on the same input. */
export const upstreamConsume: EditMap['consume'] = EditMap.prototype.consume;

/** Applies the queued edits to `events` in place, touching nothing before the first edit. */
export function linearConsume(this: EditMap, events: Events): undefined {
  const { map, index } = this;
  if (map.length === 0) return;
  map.sort((a, b) => a[0] - b[0]);
  // From the last edit back to the first: keep what follows each edit and what it inserts.
  const pieces: Events[] = [];
  for (const [at, remove, add] of [...map].reverse()) {
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  // `events` is now the untouched head; append the pieces in document order.
  for (const piece of pieces.reverse()) {
    for (const event of piece) events.push(event);
  }
  map.length = 0;
  index.clear();
}

/** Swaps between the linear and the upstream method (tests only need the second). */
export function useLinearEditMap(enabled = true): void {
  EditMap.prototype.consume = enabled ? linearConsume : upstreamConsume;
}

useLinearEditMap();
