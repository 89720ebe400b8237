/**
 * Commit statuses for the seven checks: `pending` on every context first, then the final state, and
 * every context ends terminal whatever fails on the way (SPEC §1: a required check that never
 * reports blocks a branch forever).
 */
import { CHECK_IDS, contextName, type CheckId } from '../model/contexts.js';
import type { CheckResult } from '../model/results.js';

export type StatusState = 'pending' | 'success' | 'failure' | 'error';

/** Where statuses go, bound to one commit. Implementations clip descriptions to what they accept. */
export interface StatusSink {
  post(context: string, state: StatusState, description: string, targetUrl?: string): Promise<void>;
}

export interface StatusReporterOptions {
  /** Context prefix for repositories that run several gates. */
  prefix?: string;
  /** Link of every status: the workflow run. */
  targetUrl?: string;
  /** An error after which no post can succeed (e.g. a read-only token): stop posting at once. */
  isFatal?: (error: unknown) => boolean;
}

/** What reached the commit, for the summary and the step's exit. */
export interface StatusReport {
  /** Contexts that got their final state. */
  finished: string[];
  /** Contexts left without a final state, each with why. */
  unreported: { context: string; reason: string }[];
  /** The error that stopped all posting (see `isFatal`), if one did. */
  fatal?: unknown;
}

export const PENDING_DESCRIPTION = 'Merge Gate is evaluating this pull request';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Posts the statuses of one run and remembers which contexts are terminal. Its methods never reject. */
export class StatusReporter {
  private readonly terminal = new Set<CheckId>();
  private readonly lastError = new Map<CheckId, string>();
  private fatal?: unknown;

  constructor(
    private readonly sink: StatusSink,
    private readonly options: StatusReporterOptions = {},
  ) {}

  /** The context name of a check under this reporter's prefix. */
  context(check: CheckId): string {
    return contextName(check, this.options.prefix);
  }

  /**
   * `pending` on all seven. The first post goes alone: if the token cannot write statuses, that is
   * one refused request and one message, not seven.
   */
  async markPending(): Promise<void> {
    const [first, ...rest] = CHECK_IDS.filter((check) => !this.terminal.has(check));
    if (first === undefined) return;
    await this.post(first, 'pending', PENDING_DESCRIPTION);
    await Promise.all(rest.map((check) => this.post(check, 'pending', PENDING_DESCRIPTION)));
  }

  /**
   * The final state of every check. A context whose post fails is tried once more as `error` with
   * the reason; a check missing from `results` gets `error` too, so no context is left pending.
   */
  async finish(results: readonly CheckResult[]): Promise<StatusReport> {
    await Promise.all(
      CHECK_IDS.map(async (check) => {
        const result = results.find((r) => r.check === check);
        if (!result) return this.postFinal(check, 'error', 'Merge Gate produced no result for this check');
        await this.postFinal(check, result.state, result.description);
      }),
    );
    await this.failRemaining('Merge Gate could not post this result');
    return this.report();
  }

  /** `error` with `reason` on every context that has no final state yet. */
  async failRemaining(reason: string): Promise<StatusReport> {
    await Promise.all(
      CHECK_IDS.filter((check) => !this.terminal.has(check)).map((check) => {
        const cause = this.lastError.get(check);
        return this.postFinal(check, 'error', cause ? `${reason}: ${cause}` : reason);
      }),
    );
    return this.report();
  }

  /** The current state of affairs. */
  report(): StatusReport {
    const unreported = CHECK_IDS.filter((check) => !this.terminal.has(check)).map((check) => ({
      context: this.context(check),
      reason: this.lastError.get(check) ?? (this.fatal ? messageOf(this.fatal) : 'not posted'),
    }));
    const finished = CHECK_IDS.filter((check) => this.terminal.has(check)).map((check) =>
      this.context(check),
    );
    return { finished, unreported, ...(this.fatal !== undefined ? { fatal: this.fatal } : {}) };
  }

  private async postFinal(
    check: CheckId,
    state: Exclude<StatusState, 'pending'>,
    description: string,
  ): Promise<void> {
    if (this.terminal.has(check)) return;
    if (await this.post(check, state, description)) this.terminal.add(check);
  }

  /** One post; true when it was accepted. Failures are recorded, never thrown. */
  private async post(check: CheckId, state: StatusState, description: string): Promise<boolean> {
    if (this.fatal !== undefined) return false;
    try {
      await this.sink.post(this.context(check), state, description, this.options.targetUrl);
      return true;
    } catch (error) {
      if (this.options.isFatal?.(error) && this.fatal === undefined) this.fatal = error;
      this.lastError.set(check, messageOf(error));
      return false;
    }
  }
}
