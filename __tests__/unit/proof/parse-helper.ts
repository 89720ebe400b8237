import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import type { ProofDocument } from '../../../src/model/proof.js';
import { parseOptionsFrom, parseProof } from '../../../src/proof/parse.js';

/** The parse options of the default configuration, as the action uses them. */
export const DEFAULT_OPTIONS = parseOptionsFrom(DEFAULT_CONFIG);

/** Parses Markdown lines (joined with `\n`) under the default configuration. */
export function parseLines(...lines: string[]): ProofDocument {
  return parseProof(lines.join('\n'), DEFAULT_OPTIONS);
}
