/**
 * The engine thread's side of engine-protocol.ts: loads the config the main thread sends, evaluates
 * the PR it describes, and asks the main thread for every file read and evidence lookup. Until the
 * config arrives it warms up (engine-warmup.ts), so the real PR meets code already compiled.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { EvidenceLookup } from '../model/evidence.js';
import type { FileContent, FileReader } from '../model/facts.js';
import type { PullRequestSource, ReaderOptions } from '../sources/source.js';
import { evaluateUnderConfig } from './engine.js';
import type { WarmUpStep } from './engine-warmup.js';
import {
  CALLABLE,
  type CallTarget,
  type ConfigSettings,
  type FromEngine,
  type ToEngine,
} from './engine-protocol.js';

type Facts = Extract<ToEngine, { type: 'facts' }>;
type Answer = Extract<ToEngine, { type: 'answer' }>;
/** Calls posted to the main thread and not yet answered, by id. */
type Waiting = Map<number, { resolve(value: unknown): void; reject(error: Error): void }>;

/** The engine's port: `parentPort` in the thread, one end of a `MessageChannel` in tests. */
export type EnginePort = MessagePort;

/**
 * Serves one evaluation on `port`. `warmUp` runs step by step until the config arrives, then its
 * `parser` steps only while a call waits for its answer; it must have no effect but compiled code.
 * Resolves once the evaluation is posted.
 */
export function serveEngine(port: EnginePort, warmUp?: Iterator<WarmUpStep | void>): Promise<void> {
  const post = (message: FromEngine) => port.postMessage(message);
  const calls: Waiting = new Map();
  let nextId = 0;
  let configMessage: ((message: Extract<ToEngine, { type: 'config' }>) => void) | undefined;
  let factsMessage: ((message: Facts) => void) | undefined;
  const config = new Promise<Extract<ToEngine, { type: 'config' }>>((resolve) => (configMessage = resolve));
  const facts = new Promise<Facts>((resolve) => (factsMessage = resolve));
  let configSeen = false;

  // The settings follow the evaluation's first reads (the proofs, asked for together): posting
  // `pending` costs the main thread several milliseconds, which those reads, on the critical path,
  // should not wait behind. They go out in the same round trip, though: waiting for the reads'
  // answers would put the first `pending`, and the final states behind it, one round trip later.
  let settings: ConfigSettings | undefined;
  const postSettings = () => {
    if (settings) post({ type: 'settings', settings });
    settings = undefined;
  };
  const onMessage = (message: ToEngine) => {
    if (message.type === 'config') {
      configSeen = true;
      configMessage?.(message);
    } else if (message.type === 'facts') factsMessage?.(message);
    else answered(calls, message);
  };
  port.on('message', onMessage);
  /** Handles, now, the messages already waiting on the port (see the warm-up below); how many. */
  const takeWaiting = () => {
    let taken = 0;
    for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port), taken++) {
      onMessage(next.message as ToEngine);
    }
    return taken;
  };

  const call = (target: CallTarget, method: string, args: unknown[], maxFileBytes?: number) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      calls.set(id, { resolve, reject });
      post({
        type: 'call',
        id,
        target,
        method,
        args,
        ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
      });
      if (settings) setImmediate(postSettings);
      schedule(); // a parser step may run while this call waits (see below)
    });

  // One step per turn of the event loop, so a message is seen between steps. A message already
  // waiting when a step is due is taken first: when the PR was read before this thread was up, the
  // config and facts are there before the first step, and in a worker the port emits them only
  // after it (a whole warm-up step on the critical path). Once the config is here, only
  // a parser step runs, and only while a call waits for its answer: the thread is idle then, and
  // a warm parser cuts the first proof's parse (34 → 7–13 ms), which the evidence lookups wait for.
  let upcoming: WarmUpStep | void;
  let scheduled = false;
  let finished = warmUp === undefined;
  try {
    upcoming = warmUp?.next().value; // the kind of the first step (engine-warmup.ts)
  } catch {
    finished = true;
  }
  const mayStep = () => !configSeen || (upcoming === 'parser' && calls.size > 0);
  const step = () => {
    scheduled = false;
    // Answers taken here resolve their calls: let the evaluation use them before any step.
    if (takeWaiting() > 0) return schedule();
    if (finished || !warmUp || !mayStep()) return;
    try {
      const next = warmUp.next();
      finished = next.done === true;
      upcoming = next.value;
    } catch {
      finished = true; // a warm-up that throws only leaves less code compiled
    }
    schedule();
  };
  const schedule = () => {
    if (finished || scheduled) return;
    scheduled = true;
    setImmediate(step);
  };
  schedule();

  return (async () => {
    try {
      const { configText, configPath } = await config;
      // The settings wait for the first calls (see above); a refused config makes none, so its
      // empty settings go out with the evaluation.
      const evaluation = await evaluateUnderConfig(
        facts.then((message) => remoteSource(message, call)),
        configText,
        configPath,
        (given) => (settings = given),
      );
      postSettings();
      post({ type: 'done', evaluation });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();
}

function answered(calls: Waiting, answer: Answer) {
  const waiting = calls.get(answer.id);
  if (!waiting) return;
  calls.delete(answer.id);
  if (answer.ok) waiting.resolve(answer.value);
  else waiting.reject(new Error(answer.message));
}

type Call = (target: CallTarget, method: string, args: unknown[], maxFileBytes?: number) => Promise<unknown>;

/** The main thread's source, as the engine sees it: the facts it sent, and calls for the rest. */
function remoteSource({ facts, hasMergeBase, evidence }: Facts, call: Call): PullRequestSource {
  const reader =
    (target: 'reader' | 'mergeBaseReader') =>
    (options?: ReaderOptions): FileReader => ({
      read: (path) => call(target, 'read', [path], options?.maxFileBytes) as Promise<FileContent>,
    });
  // Every lookup the protocol allows, each a call to the main thread.
  const lookup = evidence && {
    ...(evidence.repository !== undefined ? { repository: evidence.repository } : {}),
    ...Object.fromEntries(
      CALLABLE.evidence.map((method) => [method, (...args: unknown[]) => call('evidence', method, args)]),
    ),
  };
  return {
    facts: async () => facts,
    reader: reader('reader'),
    mergeBaseReader: (options) => (hasMergeBase ? reader('mergeBaseReader')(options) : undefined),
    baseConfigText: () => Promise.reject(new Error('the engine thread reads no config itself')),
    ...(lookup ? { evidence: () => lookup as unknown as EvidenceLookup } : {}),
  };
}
