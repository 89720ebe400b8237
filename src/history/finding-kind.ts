/**
 * Groups findings "by kind": the same rule broken on different PRs gives messages that differ only
 * in what they quote (a field value, a path, a count). Replacing those parts leaves the rule.
 */
import type { CheckResult, Finding } from '../model/results.js';

const MAX_KIND_LENGTH = 160;

/** The message with its PR-specific parts replaced: quoted text, code, paths, numbers. */
export function findingKind(message: string): string {
  const kind = message
    .replace(/\s+/g, ' ')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/`[^`]*`/g, '`…`')
    // A path: a word with at least one slash, or a file name with an extension.
    .replace(/(?:[\w.@+-]+\/)+[\w.@+-]*|\b[\w@+-]+(?:\.[\w-]+)*\.(?:md|json|ya?ml|tsx?|jsx?)\b/g, '…')
    .replace(/\d+/g, 'N')
    .trim();
  // Unchecked items and similar messages end in the item's own text after a colon: drop it.
  const colon = kind.indexOf(': ', 24);
  const head =
    colon > 0 && /^(Unchecked|Template placeholder|Test evidence|Added)/.test(kind)
      ? kind.slice(0, colon)
      : kind;
  return head.length > MAX_KIND_LENGTH ? `${head.slice(0, MAX_KIND_LENGTH - 1)}…` : head;
}

/**
 * The findings that explain why a check did not pass: its failures (or errors), else its
 * description (a check may fail with no finding of its own, like the verdict naming the others).
 */
export function blockingFindings(result: CheckResult): Pick<Finding, 'message' | 'file' | 'line'>[] {
  const wanted = stateOf(result) === 'error' ? 'error' : 'failure';
  const findings = result.findings.filter((f) => f.severity === wanted);
  return findings.length > 0 ? findings : [{ message: stripQualifier(result.description) }];
}

/** What the check would have posted in enforce mode: advisory mode's `wouldBe`, else its state. */
export function stateOf(result: Pick<CheckResult, 'state' | 'advisory'>): CheckResult['state'] {
  return result.advisory?.wouldBe ?? result.state;
}

/** `advisory: …` and `waived by label "…": …` prefixes say how the state was posted, not why it failed. */
function stripQualifier(description: string): string {
  return description.replace(/^advisory: /, '').replace(/^waived by label "[^"]*": /, '');
}
