/**
 * Recognising a file path written in a proof: a whole table cell, a checklist item's subject, a
 * token of a line. Deliberately strict (SPEC §9.1): a false alarm costs more than a missed claim, so
 * anything that is not plainly one repository-relative file path is not a claim.
 */

/** A path as written, classified. */
export type WrittenPath =
  /** Repository-relative, with a directory part: `apps/web/src/page.tsx`. */
  | { kind: 'path'; path: string }
  /** A file name alone (`ecs-task-def.json`): resolved only when exactly one file has that name. */
  | { kind: 'bare'; name: string }
  /** Written as a path but never a claim about this repository's head tree. */
  | { kind: 'skip'; reason: 'directory' | 'absolute' | 'relative' | 'other-repository'; path: string };

const MAX_PATH = 400;
/** One path segment: letters, digits and the punctuation real file names use (`[id]`, `(group)`, `@scope`). */
const SEGMENT = String.raw`[A-Za-z0-9_.@+\-\[\]()~]+`;
const PATH_SHAPE = new RegExp(String.raw`^(?:${SEGMENT}/)*${SEGMENT}/?$`);
/** A file name ends in an extension that starts with a letter (`v6.2.0` and `559/559` are not files). */
const HAS_EXTENSION = /[^./]\.[A-Za-z][A-Za-z0-9]{0,11}$/;
/** Dotfiles that name files, and the usual extensionless file names. */
const KNOWN_FILES = /^(\.[A-Za-z][\w.-]*|Dockerfile|Makefile|LICENSE|CODEOWNERS|Procfile|Gemfile)$/;
/** `owner/repo:path` or `owner/repo/blob/…`: another repository's file. */
const OTHER_REPOSITORY = /^[\w.-]+\/[\w.-]+:|^(?:https?:\/\/)?github\.com\//i;
/** Trailing line references (`src/a.ts:42`, `src/a.ts#L10-L20`) name the file all the same. */
const LINE_SUFFIX = /(?::\d+(?:-\d+)?|#L\d+(?:-L?\d+)?)$/;

/**
 * Reads `text` as exactly one path, or undefined when it is not one (prose, a glob, a URL, a
 * placeholder like `<file>.md`, a version number, a tally).
 */
export function readWrittenPath(raw: string): WrittenPath | undefined {
  // Checked before any pattern runs: a cell of prose (or a hostile one) is not a path.
  if (raw.length > MAX_PATH + 40) return undefined;
  let text = raw.trim().replace(LINE_SUFFIX, '');
  if (text === '' || text.length > MAX_PATH) return undefined;
  if (OTHER_REPOSITORY.test(text)) return { kind: 'skip', reason: 'other-repository', path: text };
  if (/^(?:\/|~\/|[A-Za-z]:[\\/])/.test(text)) {
    return PATH_SHAPE.test(text.replace(/^(?:~\/|[A-Za-z]:[\\/]|\/)/, '').replace(/\\/g, '/'))
      ? { kind: 'skip', reason: 'absolute', path: text }
      : undefined;
  }
  if (text.startsWith('../'))
    return PATH_SHAPE.test(text) ? { kind: 'skip', reason: 'relative', path: text } : undefined;
  text = text.replace(/^(?:\.\/)+/, '');
  if (!PATH_SHAPE.test(text) || text.split('/').some((s) => s === '.' || s === '..')) return undefined;
  if (text.endsWith('/')) return { kind: 'skip', reason: 'directory', path: text };
  const name = text.slice(text.lastIndexOf('/') + 1);
  if (!HAS_EXTENSION.test(name) && !KNOWN_FILES.test(name)) return undefined;
  return text.includes('/') ? { kind: 'path', path: text } : { kind: 'bare', name: text };
}
