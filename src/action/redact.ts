/**
 * Defence in depth for the token: `core.setSecret` masks it in the runner's log, but commit statuses,
 * the job summary, outputs and the PR comment are not masked. Anything the action writes goes through
 * `redact`, so even an API error that echoed the token would not publish it.
 */
import type { StickyComment } from '../github/pr-comment.js';
import type { StatusSink } from '../report/statuses.js';
import type { ActionIO } from './io.js';

export type Redact = (text: string) => string;

export const REDACTED = '***';

/** Replaces every occurrence of each secret (ignoring empty ones) with `***`. */
export function redactor(secrets: readonly string[]): Redact {
  const values = secrets.filter((secret) => secret.length > 0);
  return (text) => values.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

/** The same IO with every message, output and summary redacted (inputs pass through: they are read, not written). */
export function redactingIO(io: ActionIO, redact: Redact): ActionIO {
  return {
    getInput: (name) => io.getInput(name),
    setSecret: (value) => io.setSecret(value),
    info: (message) => io.info(redact(message)),
    notice: (message, props) => io.notice(redact(message), props),
    warning: (message, props) => io.warning(redact(message), props),
    error: (message, props) => io.error(redact(message), props),
    setOutput: (name, value) => io.setOutput(name, redact(value)),
    setFailed: (message) => io.setFailed(redact(message)),
    writeSummary: (markdown) => io.writeSummary(redact(markdown)),
  };
}

/** The same sink with every description redacted. */
export function redactingSink(sink: StatusSink, redact: Redact): StatusSink {
  return {
    post: (context, state, description, targetUrl) =>
      sink.post(context, state, redact(description), targetUrl),
  };
}

/** The same PR comment with its body (and clipping note) redacted. */
export function redactingComment(comment: StickyComment, redact: Redact): StickyComment {
  return {
    upsert: (body, options = {}) =>
      comment.upsert(redact(body), {
        ...options,
        ...(options.clippedNote !== undefined ? { clippedNote: redact(options.clippedNote) } : {}),
      }),
  };
}
