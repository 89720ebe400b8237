import type { FileContent } from '../model/facts.js';

/** The `unreadable` answer for a file over the size limit, for sources that know the size without the bytes. */
export function tooLarge(size: number, maxBytes: number): FileContent {
  return {
    state: 'unreadable',
    reason: `${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (limits.max_file_bytes)`,
  };
}

/** A human size for messages: `512 bytes`, `3.5 KB`, `4.2 MB`, `1 MB` (binary units, trailing `.0` dropped). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
