/**
 * One merged pull request under its base config and, with `--config`, under the proposed one: the
 * same for local and GitHub mode. The evidence lookups (API requests or git processes) are made once
 * and shared by both evaluations: they are about the PR, not the config.
 */
import type { Config } from '../config/types.js';
import type { DocumentMemo } from '../evaluate/document-memo.js';
import { CachedLookup } from '../evaluate/evidence/lookup.js';
import { evaluateSource } from '../sources/evaluate-source.js';
import type { PullRequestSource } from '../sources/source.js';
import type { ConfigCache } from './config-cache.js';
import { DEFAULT_CONFIG_PATH } from '../config/in-force.js';
import type { PullEvaluations } from './types.js';

export async function evaluatePull(
  source: PullRequestSource,
  configs: ConfigCache,
  memo: DocumentMemo,
  proposed?: Config,
): Promise<PullEvaluations> {
  const evidence = new CachedLookup(source.evidence?.());
  const options = { configPath: DEFAULT_CONFIG_PATH, memo, evidence };
  const config = configs.load(await source.baseConfigText(DEFAULT_CONFIG_PATH), DEFAULT_CONFIG_PATH);
  const base = await evaluateSource(source, config, options);
  const prefix = config.context_prefix;
  if (!proposed) return { base, prefix };
  const other = await evaluateSource(source, proposed, options);
  return { base, prefix, proposed: other, proposedPrefix: proposed.context_prefix };
}
