import type { ChangedFile } from '../model/facts.js';
import type { Config, PathClass } from '../config/types.js';
import { globMatcher } from './globs.js';

/**
 * Classifies changed files: the first rule whose globs (and, when given, statuses) match wins; a
 * file no rule matches is `other` (SPEC §3). A renamed file is judged at its new path. Each rule's
 * globs are looked up once, not once per file (a large PR has 3000).
 */
export function fileClassifier(rules: Config['path_classes']): (file: ChangedFile) => PathClass {
  const compiled = rules.map((rule) => ({ ...rule, matches: globMatcher(rule.globs) }));
  return (file) => {
    for (const rule of compiled) {
      if (rule.statuses && !rule.statuses.includes(file.status as never)) continue;
      if (rule.matches(file.path)) return rule.class;
    }
    return 'other';
  };
}
