/** Annotations on the lines at fault (SPEC §5): what a reviewer sees in the PR's "Files changed" tab. */
import type { CheckId } from '../model/contexts.js';
import type { Evaluation, Finding } from '../model/results.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  props: { title: string; file: string; startLine: number };
}

/** GitHub shows only the first few annotations of each kind per step; more would only flood the log. */
export const MAX_ANNOTATIONS = 50;

/**
 * One annotation per finding that has a file and a line, deduplicated (the verdict may repeat what
 * another check found). A failure of a check that still passed (waived, or advisory mode) is a
 * warning: it is worth seeing but does not block.
 */
export function annotationsFor(evaluation: Evaluation, contextOf: (check: CheckId) => string): Annotation[] {
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  for (const result of evaluation.results) {
    for (const finding of result.findings) {
      if (!finding.file || !finding.line) continue;
      const key = `${finding.file}\0${finding.line}\0${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      annotations.push({
        level: levelOf(finding, result.state === 'success'),
        message: finding.message,
        props: { title: contextOf(result.check), file: finding.file, startLine: finding.line },
      });
    }
  }
  return annotations.slice(0, MAX_ANNOTATIONS);
}

function levelOf(finding: Finding, checkPassed: boolean): Annotation['level'] {
  if (finding.severity === 'notice') return 'notice';
  if (finding.severity === 'warning' || checkPassed) return 'warning';
  return 'error';
}
