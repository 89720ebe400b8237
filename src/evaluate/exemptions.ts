import type { PullRequestFacts } from '../model/facts.js';
import type { Finding } from '../model/results.js';
import type { Config } from '../config/types.js';
import { globMatcher } from './globs.js';

export interface ExemptionDecision {
  /** Why the PR is exempt, for every context's description; undefined when it is not. */
  reason?: string;
  findings: Finding[];
}

/**
 * Exempt authors and head branches skip the gate; the docs-only label exempts a PR only when
 * every changed file is documentation, otherwise it is ignored and a finding says so (SPEC §3).
 */
export function decideExemption(facts: PullRequestFacts, config: Config): ExemptionDecision {
  const {
    authors,
    head_branches: branches,
    docs_only_label: docsLabel,
    docs_globs: docsGlobs,
  } = config.exemptions;
  if (authors.includes(facts.author)) {
    return { reason: `exempt: author ${facts.author} (exemptions.authors)`, findings: [] };
  }
  if (branches.includes(facts.headRef)) {
    return { reason: `exempt: head branch ${facts.headRef} (exemptions.head_branches)`, findings: [] };
  }
  if (docsLabel && facts.labels.includes(docsLabel)) {
    const isDoc = globMatcher(docsGlobs);
    const others = facts.changedFiles.filter((file) => !isDoc(file.path));
    if (others.length === 0) {
      return { reason: `exempt: label "${docsLabel}" and only documentation changed`, findings: [] };
    }
    const shown = others
      .slice(0, 3)
      .map((f) => f.path)
      .join(', ');
    return {
      findings: [
        {
          severity: 'warning',
          message: `Label "${docsLabel}" ignored: ${others.length} changed file(s) are not documentation (${shown}${others.length > 3 ? ', …' : ''}).`,
          configKey: 'exemptions.docs_globs',
        },
      ],
    };
  }
  return { findings: [] };
}
