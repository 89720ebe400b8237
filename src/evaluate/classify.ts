import type { ChangedFile } from '../model/facts.js';
import type { Config, PathClass } from '../config/types.js';
import { globMatcher } from './globs.js';

/**
 * The class of a changed file: the first rule whose globs (and, when given, statuses) match wins;
 * a file no rule matches is `other` (SPEC §3). A renamed file is judged at its new path.
 */
export function classifyFile(file: ChangedFile, rules: Config['path_classes']): PathClass {
  for (const rule of rules) {
    if (rule.statuses && !rule.statuses.includes(file.status as never)) continue;
    if (globMatcher(rule.globs)(file.path)) return rule.class;
  }
  return 'other';
}
