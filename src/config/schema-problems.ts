import type { ErrorObject } from 'ajv';
import type { ConfigProblem } from './errors.js';
import validateConfig from './generated/validate-config.js';
import { displayPath, lineOfPath, pointerSegments, type Segment } from './key-path.js';
import type { ParsedConfigFile } from './yaml-source.js';

/** Everything the JSON Schema finds wrong with the file, each with its key path, line and a sentence a user can act on. */
export function schemaProblems(file: ParsedConfigFile): ConfigProblem[] {
  if (validateConfig(file.value)) return [];
  // Errors inside `propertyNames` (a bad synonyms name) repeat what the propertyNames error says.
  const errors = (validateConfig.errors ?? []).filter(
    (error) => error.propertyName === undefined || error.keyword === 'propertyNames',
  );
  return errors.map((error) => {
    const problem = describeError(error, pointerSegments(error.instancePath, file.value));
    return {
      path: displayPath(problem.segments),
      message: problem.message,
      line: lineOfPath(file, problem.segments, problem.atKey),
    };
  });
}

/** A user-facing sentence for one ajv error, and the key path it is about. */
function describeError(
  error: ErrorObject,
  segments: Segment[],
): { segments: Segment[]; message: string; atKey?: boolean } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const guess = closest(key, known);
      const path = [...segments, key];
      const hint = guess
        ? ` (did you mean "${guess}"?)`
        : known.length > 0
          ? `; known keys: ${known.join(', ')}`
          : '';
      return { segments: path, atKey: true, message: `unknown key "${displayPath(path)}"${hint}` };
    }
    case 'required':
      return { segments, message: `missing required key "${String(params.missingProperty)}"` };
    case 'type':
      return {
        segments,
        message: `must be ${typeWords(String(params.type))}, got ${describeValue(error.data)}`,
      };
    case 'enum':
      return {
        segments,
        message: `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`,
      };
    case 'minLength':
    case 'pattern':
      return { segments, message: 'must be a non-empty string' };
    case 'minItems':
      return { segments, message: 'must not be an empty list' };
    case 'minimum':
      return { segments, message: `must be at least ${String(params.limit)}` };
    case 'propertyNames':
      return {
        segments,
        message: `"${String(params.propertyName)}" is not a usable key: it must be a non-empty name`,
      };
    default:
      return { segments, message: error.message ?? 'is invalid' };
  }
}

function typeWords(types: string): string {
  const words: Record<string, string> = {
    object: 'a mapping of keys',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
  };
  return types
    .split(',')
    .map((type) => words[type] ?? type)
    .join(' or ');
}

/** A value as a user would name it in a sentence: "a list", "the string \"yes\"", "nothing". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number')
    return Number.isInteger(value) ? `the number ${value}` : 'a fractional number';
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'string'
    ? `the string "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`
    : typeof value;
}

/** The known key a misspelt one was probably meant to be: same up to case and `-`/`_`, or a couple of typos. */
function closest(key: string, known: readonly string[]): string | undefined {
  const normal = (text: string): string => text.toLowerCase().replace(/[-\s]/g, '_');
  const exact = known.find((candidate) => normal(candidate) === normal(key));
  if (exact) return exact;
  const limit = Math.max(1, Math.floor(key.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(normal(key), normal(candidate));
    if (distance <= limit && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
