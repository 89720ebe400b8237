import type { Config } from '../config/types.js';
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';

/**
 * Base-branch configs by text: hundreds of PRs usually share a handful of config versions, so each
 * is validated once, and PRs under the same text share one `Config` object (which the document memo
 * keys on). An invalid config is remembered too, and thrown again for every PR under it.
 */
export class ConfigCache {
  private readonly loaded = new Map<string | undefined, Config | ConfigError>();

  /** The config for this text (undefined: no file, the defaults); throws `ConfigError` when invalid. */
  load(text: string | undefined, path: string): Config {
    let entry = this.loaded.get(text);
    if (!entry) {
      try {
        entry = loadConfig(text, path);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        entry = error;
      }
      this.loaded.set(text, entry);
    }
    if (entry instanceof ConfigError) throw entry;
    return entry;
  }
}
