/** The action's inputs (action.yml), read and validated once. */
import type { Config } from '../config/types.js';
import { DEFAULT_CONFIG_PATH } from '../config/defaults.js';

export const FAIL_ON = ['error', 'failure', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export type CommentMode = Config['comment'];
export const COMMENT_MODES = ['never', 'on-failure', 'always'] as const satisfies readonly CommentMode[];

export interface ActionInputs {
  token: string;
  /** Path of the config file in the repository, read on the base branch. */
  configPath: string;
  /** When the step itself fails: `error` (default), `failure`, or `never`. */
  failOn: FailOn;
  /** Overrides the config's `context_prefix` when set. */
  contextPrefix?: string;
  /** Overrides the config's `comment` when set. */
  comment?: CommentMode;
}

/** An input with a value the action cannot use. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * Reads the five inputs. `getInput` is `core.getInput` (trimmed, '' when unset); defaults are
 * applied here too, so the action behaves the same when run outside a runner.
 */
export function readInputs(getInput: (name: string) => string): ActionInputs {
  const token = getInput('github-token');
  if (!token) {
    throw new InputError(
      'The github-token input is empty: pass ${{ github.token }} or a token with statuses: write.',
    );
  }
  const failOn = (getInput('fail-on') || 'error').toLowerCase();
  if (!FAIL_ON.includes(failOn as FailOn)) {
    throw new InputError(`The fail-on input must be one of ${FAIL_ON.join(', ')}; got "${failOn}".`);
  }
  const configPath = (getInput('config') || DEFAULT_CONFIG_PATH).replace(/^(\.\/)+/, '');
  if (configPath.startsWith('/') || configPath.split('/').includes('..')) {
    throw new InputError(`The config input must be a path inside the repository; got "${configPath}".`);
  }
  const contextPrefix = getInput('context-prefix');
  // Empty means "as the config says", so the config file can turn the comment on.
  const comment = getInput('comment').toLowerCase();
  if (comment && !COMMENT_MODES.includes(comment as CommentMode)) {
    throw new InputError(
      `The comment input must be one of ${COMMENT_MODES.join(', ')} (or empty to use the config); got "${comment}".`,
    );
  }
  return {
    token,
    configPath,
    failOn: failOn as FailOn,
    ...(contextPrefix ? { contextPrefix } : {}),
    ...(comment ? { comment: comment as CommentMode } : {}),
  };
}
