/**
 * Groups findings "by kind": the same rule broken on different PRs gives messages that differ only
 * in what they quote (a field value, a path, a count). Replacing those parts leaves the rule.
 */
import { CHECK_IDS } from '../model/contexts.js';
import type { CheckResult, Finding } from '../model/results.js';

const MAX_KIND_LENGTH = 160;

/** The message with its PR-specific parts replaced: quoted text, code, paths, numbers. */
export function findingKind(message: string): string {
  const kind = message
    .replace(/\s+/g, ' ')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/`[^`]*`/g, '`…`')
    // A path (a word with a slash, or a file name with an extension), but not part of a glob.
    .replace(PATH, (path) => (CONTEXTS.has(path) ? path : '…'))
    // Ids with a number in them: session ids, tokens, SHA-256.
    .replace(/\b(?=[\w-]*\d)\w+(?:-\w+)+\b/g, '…')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b…?/g, '…')
    .replace(/\d+/g, 'N')
    // Lists of files differ in length: `(…, … and N more)`.
    .replace(/\((?:…|, | and N more)+\)/g, '(…)')
    .trim();
  // Some messages end in the PR's own text after a colon (an unchecked item, a finding row): drop it.
  const colon = kind.indexOf(': ', 16);
  const head = colon > 0 && DETAIL_AFTER_COLON.test(kind) ? kind.slice(0, colon) : kind;
  return head.length > MAX_KIND_LENGTH ? `${head.slice(0, MAX_KIND_LENGTH - 1)}…` : head;
}

const PATH =
  /(?<![\w*/.@+-])(?:[\w.@+-]+\/)+[\w.@+-]*(?![\w*/])|(?<![\w*/.@+-])[\w@+-]+(?:\.[\w-]+)*\.(?:md|json|ya?ml|tsx?|jsx?)\b/g;
/** Context names look like paths but name the rule: the verdict's `Failed: …` lists them. */
const CONTEXTS: ReadonlySet<string> = new Set(CHECK_IDS);
const DETAIL_AFTER_COLON = /^(Unchecked|Template placeholder|Test evidence|Added|Unresolved finding)/;

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
