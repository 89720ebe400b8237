import type { FileContent } from '../model/facts.js';

/** The config key of a size limit, named in the message so the reader knows what to raise. */
export type SizeLimitKey = 'limits.max_file_bytes' | 'limits.max_markdown_bytes';

/**
 * The `unreadable` answer for a file over a size limit (by default `limits.max_file_bytes`);
 * `size` is undefined when a download was stopped at the limit, its full size unknown.
 */
export function tooLarge(
  size: number | undefined,
  maxBytes: number,
  key: SizeLimitKey = 'limits.max_file_bytes',
): Extract<FileContent, { state: 'unreadable' }> {
  const measured = size === undefined ? '' : `${formatBytes(size)}, `;
  return { state: 'unreadable', reason: `${measured}over the ${formatBytes(maxBytes)} limit (${key})` };
}

/** A human size for messages: `512 bytes`, `3.5 KB`, `4.2 MB`, `1 MB` (binary units, trailing `.0` dropped). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
