import type { Config } from '../config/types.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { SynonymIndex } from './fields.js';

/** What the parser needs from the configuration. */
export interface ParseOptions {
  /** Canonical field name → keys (as written) that mean it. */
  synonyms: Record<string, string[]>;
  /** Regex source of an IAA token (`token.pattern`). */
  tokenPattern: string;
  /** Regex source, matched case-insensitively, of the headings whose sections hold the token (`token.heading_pattern`). */
  iaaHeadingPattern: string;
}

/** The parse options a configuration implies. */
export function parseOptionsFrom(config: Config): ParseOptions {
  return {
    synonyms: config.synonyms,
    tokenPattern: config.token.pattern,
    iaaHeadingPattern: config.token.heading_pattern,
  };
}

/** Parse options made ready to use: regexes compiled, synonyms indexed. */
export interface CompiledOptions {
  synonyms: SynonymIndex;
  tokenPattern: RegExp;
  iaaHeading: RegExp;
  /** Problems with the options themselves (an invalid regex falls back to the default). */
  problems: string[];
}

const compiled = new WeakMap<ParseOptions, CompiledOptions>();

/** Compiles options once per options object: every document of an evaluation shares them. */
export function compileOptions(options: ParseOptions): CompiledOptions {
  let ready = compiled.get(options);
  if (!ready) {
    const problems: string[] = [];
    ready = {
      synonyms: new SynonymIndex(options.synonyms ?? {}),
      tokenPattern: regex(options.tokenPattern, DEFAULT_CONFIG.token.pattern, '', 'token pattern', problems),
      iaaHeading: regex(
        options.iaaHeadingPattern,
        DEFAULT_CONFIG.token.heading_pattern,
        'i',
        'IAA heading pattern',
        problems,
      ),
      problems,
    };
    compiled.set(options, ready);
  }
  return ready;
}

function regex(source: string, fallback: string, flags: string, what: string, problems: string[]): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    problems.push(
      `invalid ${what} ${JSON.stringify(source)} (${(error as Error).message}); using the default`,
    );
    return new RegExp(fallback, flags);
  }
}
