/** The gate's configuration: from the base branch, and the PR's proposed version only validated (SPEC §2). */

import { ConfigError } from './errors.js';
import { loadConfig } from './load.js';
import type { FileReader, PullRequestFacts } from '../model/facts.js';

export { DEFAULT_CONFIG_PATH } from './defaults.js';

/**
 * When the PR changes the config file, the problems of its new version (empty when it is valid),
 * so the verdict can report them; the PR is still evaluated under the base config.
 */
export async function proposedConfigProblems(
  facts: PullRequestFacts,
  reader: FileReader,
  configPath: string,
): Promise<string[]> {
  const changed = facts.changedFiles.some((file) => file.path === configPath && file.status !== 'removed');
  if (!changed) return [];
  const content = await reader.read(configPath);
  // The PR changes the file, so "absent" means the source did not serve it: say so, never skip it (SPEC §2).
  if (content.state === 'absent') return [`${configPath} cannot be read: the source does not serve it`];
  if (content.state !== 'ok') return [`${configPath} cannot be read: ${content.reason}`];
  try {
    loadConfig(content.text, configPath);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(
      (p) => `${configPath}${p.line ? ` (line ${p.line})` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`,
    );
  }
}
