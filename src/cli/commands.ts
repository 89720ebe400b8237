import type { Command } from './command.js';
import { checkCommand } from './check.js';
import { explainCommand } from './explain.js';
import { historyCommand } from './history.js';
import { initCommand } from './init.js';
import { proofCommand } from './proof.js';

/**
 * Every `merge-gate` command, in the order `--help` lists them: the everyday ones first, then the
 * one-time `init` setup. To add one, write `src/cli/<name>.ts` exporting a `Command` and list it here.
 */
export const COMMANDS: readonly Command[] = [
  checkCommand,
  historyCommand,
  proofCommand,
  explainCommand,
  initCommand,
];
