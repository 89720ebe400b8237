import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { parseOptionsFrom, parseProof } from '../proof/parse.js';
import { decodeText } from '../sources/decode.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { CliError } from './errors.js';
import { EXIT } from './io.js';

const USAGE = `Usage: merge-gate proof FILE [--config FILE]

Prints what Merge Gate reads from a PREHANDOVER proof (or session memory), as JSON: fields,
the authoritative token and every token line, checklist items, sections and parse warnings.

Options:
  --config FILE  Config whose synonyms and token pattern apply; default: the built-in defaults
  -h, --help     Show this help
`;

/** `merge-gate proof FILE`: a debugging view of the parser's output. */
export const proofCommand: Command = {
  name: 'proof',
  summary: 'Print what Merge Gate reads from a proof file, as JSON',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { config: { type: 'string' } }, true);
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.success;
    }
    if (positionals.length !== 1) throw new UsageError('expected exactly one proof FILE');
    const configFile = values.config === undefined ? undefined : resolve(io.cwd, values.config);
    const config = loadConfig(
      configFile === undefined ? undefined : await readText(configFile),
      configFile ?? '',
    );
    const doc = parseProof(await readText(resolve(io.cwd, positionals[0] ?? '')), parseOptionsFrom(config));
    const { fields, token, tokens, checklist, sections, warnings } = doc;
    io.stdout.write(`${JSON.stringify({ fields, token, tokens, checklist, sections, warnings }, null, 2)}\n`);
    return EXIT.success;
  },
};

async function readText(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const content = decodeText(bytes);
  if (content.state !== 'ok')
    throw new CliError(`cannot read ${file}: ${content.state === 'unreadable' ? content.reason : 'absent'}`);
  return content.text;
}
