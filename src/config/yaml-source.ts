import { isPair, isScalar, isSeq, LineCounter, visit, type Alias, type Document } from 'yaml';
import { ConfigError, type ConfigProblem } from './errors.js';
import { displayPath, type Segment } from './key-path.js';
import { parseYamlDocument, tooDeep } from './yaml-nesting.js';

/** Aliases a config may hold, and alias expansions (the yaml package's `maxAliasCount`) before it counts as an alias bomb. */
const MAX_ALIASES = 100;
const MAX_ALIAS_COUNT = 50;

/** A config file read as YAML: its data, and the document and line counter that locate keys in it. */
export interface ParsedConfigFile {
  value: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * Parses config text as one YAML document, refusing duplicate keys and alias bombs.
 * @throws ConfigError with the line of each YAML error.
 */
export function parseConfigYaml(text: string, fileName: string): ParsedConfigFile {
  const lineCounter = new LineCounter();
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const refuse = (message: string, offset?: number): ConfigError =>
    new ConfigError(fileName, [
      { path: '', message, line: offset === undefined ? undefined : lineAt(offset) },
    ]);
  try {
    // logLevel 'error': no warnings printed, but a second document stays an error ('silent' drops it).
    const doc = parseYamlDocument(text, { lineCounter, uniqueKeys: true, logLevel: 'error' });
    if ('tooDeepAt' in doc) {
      throw new ConfigError(fileName, [{ path: '', message: tooDeep('read'), line: doc.tooDeepAt }]);
    }
    if (doc.errors.length > 0) {
      const problems = doc.errors.map((error): ConfigProblem => {
        const line = lineAt(error.pos[0]);
        if (error.code === 'DUPLICATE_KEY') return duplicateKeyProblem(doc, text, error.pos[0], line);
        return { path: '', message: `not valid YAML: ${readable(error.message)}`, line };
      });
      throw new ConfigError(fileName, problems);
    }
    // toJS re-walks the document for each alias it accounts for: cap the aliases before it runs.
    const aliases = aliasNodes(doc);
    if (aliases.length > MAX_ALIASES) {
      throw refuse(
        `refused: ${aliases.length} aliases, over the ${MAX_ALIASES} a configuration may use`,
        aliases[MAX_ALIASES]?.range?.[0],
      );
    }
    try {
      return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc, lineCounter };
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      if (/excessive alias/i.test(error.message)) {
        throw refuse(
          `refused: aliases expand too much (over ${MAX_ALIAS_COUNT}), a resource-exhaustion guard`,
          aliases[0]?.range?.[0],
        );
      }
      // The only other ReferenceError: an alias whose anchor is not defined before it.
      const unresolved = aliases.find((alias) => error.message.endsWith(`: ${alias.source}`));
      throw refuse(
        `not valid YAML: alias *${unresolved?.source ?? '?'} refers to no anchor before it`,
        unresolved?.range?.[0],
      );
    }
  } catch (error) {
    if (error instanceof RangeError) throw refuse(tooDeep('read'));
    throw error;
  }
}

/** The yaml package reports a stack overflow from deep nesting with the engine's message. */
function readable(message: string): string {
  return /call stack/i.test(message) ? tooDeep('read') : message;
}

function duplicateKeyProblem(doc: Document, text: string, offset: number, line: number): ConfigProblem {
  let problem: ConfigProblem = { path: '', message: 'duplicate key: each key may appear once', line };
  visit(doc, {
    Pair(_key, pair, ancestors) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      const source = text.slice(pair.key.range[0], pair.key.range[1]);
      const path = displayPath([...ancestorSegments(ancestors), String(pair.key.value)]);
      problem = { path, message: `duplicate key ${JSON.stringify(source)}: each key may appear once`, line };
      return visit.BREAK;
    },
  });
  return problem;
}

/** Key path segments of the ancestors `visit` passes: a Pair contributes its key, a list the item index. */
function ancestorSegments(ancestors: readonly unknown[]): Segment[] {
  const segments: Segment[] = [];
  ancestors.forEach((node, index) => {
    if (isPair(node) && isScalar(node.key)) segments.push(String(node.key.value));
    if (isSeq(node)) segments.push(node.items.indexOf(ancestors[index + 1] as never));
  });
  return segments;
}

function aliasNodes(doc: Document): Alias[] {
  const aliases: Alias[] = [];
  visit(doc, {
    Alias(_key, alias) {
      aliases.push(alias);
    },
  });
  return aliases;
}
