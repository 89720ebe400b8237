/**
 * The main thread's side of engine-protocol.ts: a GateEngine that evaluates in the engine thread
 * and answers its reads and lookups from the PR's source. Should the thread fail (it cannot start,
 * it exits, its code throws), the evaluation is made again in this thread: the source caches its
 * reads, so nothing is requested twice, and every status still ends terminal (SPEC §1).
 */
import type { EvidenceLookup } from '../model/evidence.js';
import type { FileReader } from '../model/facts.js';
import type { Evaluation } from '../model/results.js';
import type { PullRequestSource } from '../sources/source.js';
import { CALLABLE, type FromEngine, type ToEngine } from './engine-protocol.js';
import type { EvaluateRequest, GateEngine } from './gate-engine.js';

/** What the host needs of a `Worker` (and of a `MessagePort`, in tests). */
export interface EngineThread {
  postMessage(message: ToEngine): void;
  on(event: 'message', listener: (message: FromEngine) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  /** Keeps the process alive while the thread evaluates (it is unreferenced until then). */
  ref(): unknown;
  /** Ends the thread once its evaluation is in. */
  terminate(): unknown;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * An engine in `thread`, falling back to `fallback` when the thread fails. `log` says why it fell
 * back (a bug, never the PR's fault).
 */
export function threadEngine(
  thread: EngineThread,
  fallback: GateEngine,
  log: (message: string) => void,
): GateEngine {
  let failure: string | undefined;
  const listeners = new Set<(message: FromEngine | { type: 'lost'; message: string }) => void>();
  const lost = (message: string) => {
    failure ??= message;
    for (const listener of listeners) listener({ type: 'lost', message });
  };
  thread.on('message', (message) => {
    for (const listener of listeners) listener(message);
  });
  thread.on('error', (error) => lost(messageOf(error)));
  thread.on('exit', (code) => lost(`it exited with code ${code}`));

  const inThread = (request: EvaluateRequest, why: string) => {
    log(`Merge Gate evaluates in its main thread: the engine thread failed (${why}).`);
    return fallback.evaluate(request);
  };

  return {
    readsStarted(requests, reads) {
      if (failure !== undefined) fallback.readsStarted(requests, reads);
    },
    async evaluate(request) {
      if (failure !== undefined) return inThread(request, failure);
      const { source, configText, configPath, onConfig } = request;
      const evidence = source.evidence?.();
      const answer = answerer(source, evidence);
      const outcome = new Promise<Evaluation | { failed: string }>((resolve) => {
        listeners.add((message) => {
          if (message.type === 'settings') onConfig(message.settings);
          else if (message.type === 'call') void answer(message).then((reply) => thread.postMessage(reply));
          else if (message.type === 'done') resolve(message.evaluation);
          else resolve({ failed: message.message });
        });
      });
      let result;
      thread.ref();
      try {
        thread.postMessage({ type: 'config', configText: await configText, configPath });
        thread.postMessage({
          type: 'facts',
          facts: await source.facts(),
          // A reader is lazy: making one only tells whether the source has a merge-base side.
          hasMergeBase: source.mergeBaseReader() !== undefined,
          evidence:
            evidence && (evidence.repository !== undefined ? { repository: evidence.repository } : {}),
        });
        result = await outcome;
      } finally {
        listeners.clear();
        void thread.terminate();
      }
      return 'failed' in result ? inThread(request, result.failed) : result;
    },
    errorEvaluation: (message) => fallback.errorEvaluation(message),
  };
}

type Call = Extract<FromEngine, { type: 'call' }>;

/** Makes the engine's calls on the source; an unknown target or method is refused, never called. */
function answerer(source: PullRequestSource, evidence: EvidenceLookup | undefined) {
  const readers = new Map<string, FileReader | undefined>();
  const targetOf = (call: Call): object | undefined => {
    if (call.target === 'evidence') return evidence;
    const key = `${call.target} ${call.maxFileBytes ?? ''}`;
    if (!readers.has(key)) {
      const options = call.maxFileBytes !== undefined ? { maxFileBytes: call.maxFileBytes } : {};
      readers.set(key, call.target === 'reader' ? source.reader(options) : source.mergeBaseReader(options));
    }
    return readers.get(key);
  };
  return async (call: Call): Promise<ToEngine> => {
    try {
      const target = targetOf(call);
      if (!target || !CALLABLE[call.target]?.includes(call.method))
        throw new Error(
          `the engine asked for ${call.target}.${call.method}, which the source does not offer`,
        );
      const method = (target as Record<string, (...args: unknown[]) => Promise<unknown>>)[call.method];
      if (typeof method !== 'function') throw new Error(`the source has no ${call.target}.${call.method}`);
      return { type: 'answer', id: call.id, ok: true, value: await method.apply(target, call.args) };
    } catch (error) {
      return { type: 'answer', id: call.id, ok: false, message: messageOf(error) };
    }
  };
}
