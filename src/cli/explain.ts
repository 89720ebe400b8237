import { CHECK_IDS } from '../model/contexts.js';
import { CHECKS } from '../evaluate/checks/index.js';
import { verdictDescription } from '../evaluate/checks/verdict.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { EXIT } from './io.js';

const USAGE = `Usage: merge-gate explain [CHECK]

Prints what a check does and which config keys govern it; without CHECK, lists the seven checks.
CHECK is a context name, e.g. prehandover-proof-check or merge-gate/verdict.

Options:
  -h, --help  Show this help
`;

/** What each check is for, from the check definitions themselves (one source of truth). */
function describe(): Map<string, { summary: string; configKeys: string[]; findings?: string[] }> {
  return new Map([...CHECKS, verdictDescription].map((c) => [c.id as string, c]));
}

/** `merge-gate explain CHECK`: what a check does and the config keys that govern it. */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain what a check does and which config keys govern it',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {}, true);
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.success;
    }
    const checks = describe();
    const name = positionals[0];
    if (name === undefined) {
      for (const id of CHECK_IDS) io.stdout.write(`${id}\n  ${checks.get(id)?.summary ?? ''}\n`);
      return EXIT.success;
    }
    const check = checks.get(name);
    if (!check) throw new UsageError(`unknown check "${name}"; one of: ${CHECK_IDS.join(', ')}`);
    io.stdout.write(`${name}\n\n${check.summary}\n`);
    if (check.findings) {
      io.stdout.write('\nFails on (or warns, where marked):\n');
      for (const finding of check.findings) io.stdout.write(`  * ${finding}\n`);
    }
    io.stdout.write('\nConfig keys (docs/configuration.md):\n');
    for (const key of check.configKeys) io.stdout.write(`  - ${key}\n`);
    return EXIT.success;
  },
};
