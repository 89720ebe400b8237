/**
 * How the gate loads its config and evaluates a PR: in the action's own thread (`inThreadEngine`,
 * for tests and `npm run local-action`), or in an engine thread that compiled and warmed up while
 * the PR was being read (`engine-host.ts`, the bundled action).
 */
import { requestsSent } from '../github/request-sent.js';
import type { Evaluation } from '../model/results.js';
import type { PullRequestSource } from '../sources/source.js';
import type { ConfigSettings } from './engine-protocol.js';

type Engine = typeof import('./engine.js');

export interface EvaluateRequest {
  source: PullRequestSource;
  /** The base branch's config text, being read. */
  configText: Promise<string | undefined>;
  configPath: string;
  /** Called once, as soon as the config is loaded or refused, before the evaluation goes on. */
  onConfig(settings: ConfigSettings): void;
}

export interface GateEngine {
  /**
   * The PR's reads are on their way: `requests` more of them (the file-list pages not yet sent,
   * and the config read) will be written, or `reads` will settle first.
   */
  readsStarted(requests: number, reads: Promise<unknown>): void;
  /** Loads the config and evaluates the source under it; a refused config is an `error` evaluation. */
  evaluate(request: EvaluateRequest): Promise<Evaluation>;
  /** Every check in `error` with `message` (SPEC §1): for failures before or outside the evaluation. */
  errorEvaluation(message: string): Promise<Evaluation>;
}

/** The engine in the calling thread, its code loaded once every page and the config read have left. */
export function inThreadEngine(): GateEngine {
  let engine: Promise<Engine> | undefined;
  const load = () => (engine ??= import('./engine.js'));
  return {
    readsStarted(requests, reads) {
      // Compiling blocks the process for tens of milliseconds, which would hold the requests back.
      engine ??= requestsSent(requests, reads).then(() => import('./engine.js'));
      engine.catch(() => undefined);
    },
    async evaluate({ source, configText, configPath, onConfig }) {
      const { evaluateUnderConfig } = await load();
      return evaluateUnderConfig(source, await configText, configPath, onConfig);
    },
    async errorEvaluation(message) {
      return (await load()).errorEvaluation(message);
    },
  };
}
