/**
 * What the gate needs once the PR is being read: the config loader (YAML, the schema validator)
 * and the seven checks (the Markdown parser). The in-thread engine (`gate-engine.ts`) imports it
 * lazily, so the bundle keeps it in a chunk of its own that compiles while the first API request is
 * in flight, not before it leaves; the engine thread (`engine-thread.ts`) bundles it whole
 * (docs/design.md, "Start-up" and "The engine thread").
 */
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { errorEvaluation } from '../evaluate/evaluate.js';
import type { Evaluation } from '../model/results.js';
import { evaluateSource } from '../sources/evaluate-source.js';
import type { PullRequestSource } from '../sources/source.js';
import type { ConfigSettings } from './engine-protocol.js';

export { errorEvaluation };

/**
 * Loads the base branch's config and evaluates `source` under it; a refused config is an `error`
 * evaluation saying why, made without waiting for the source. `onConfig` hears the settings in
 * force first (empty when refused).
 */
export async function evaluateUnderConfig(
  source: PullRequestSource | Promise<PullRequestSource>,
  configText: string | undefined,
  configPath: string,
  onConfig: (settings: ConfigSettings) => void,
): Promise<Evaluation> {
  let config;
  try {
    config = loadConfig(configText, configPath);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    onConfig({});
    return errorEvaluation(`On the base branch, ${error.message}`);
  }
  onConfig({ contextPrefix: config.context_prefix, comment: config.comment });
  return evaluateSource(await source, config, { configPath });
}
