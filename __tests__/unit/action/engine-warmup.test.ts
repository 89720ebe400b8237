/**
 * The engine thread's warm-up (engine-warmup.ts) as `serveEngine` runs it, over a real
 * MessageChannel: every step until the config arrives, then only the parser's steps, and only while
 * the evaluation waits for an answer; a message already waiting is taken before any step.
 */
import { join } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../../src/config/defaults.js';
import type { FromEngine, ToEngine } from '../../../src/action/engine-protocol.js';
import { serveEngine } from '../../../src/action/engine-thread.js';
import { madeUpPr, type WarmUpStep } from '../../../src/action/engine-warmup.js';
import { loadConfig } from '../../../src/config/load.js';
import { evaluateSource } from '../../../src/sources/evaluate-source.js';
import { FixtureSource } from '../../../src/sources/fixture.js';
import { channelThread, closeChannels, until } from '../../helpers/engine-channel.js';

const FIXTURES = join(process.cwd(), '__fixtures__/prs');

afterEach(closeChannels);

describe('the warm-up', () => {
  it('evaluates a made-up PR that passes every check, so the whole engine compiles', async () => {
    const evaluation = await evaluateSource(madeUpPr(80), loadConfig(undefined, DEFAULT_CONFIG_PATH), {
      configPath: DEFAULT_CONFIG_PATH,
    });
    expect(evaluation.results.map((result) => [result.check, result.state, result.description])).toEqual(
      evaluation.results.map((result) => [result.check, 'success', result.description]),
    );
  });

  it('stops between steps once the real config arrives', async () => {
    const { enginePort, thread } = channelThread();
    const warmUp = countedSteps();
    const served = serveEngine(enginePort, warmUp.steps);
    await until(() => warmUp.count >= 3);
    thread.postMessage(SOME_CONFIG);
    await served;
    const stoppedAt = warmUp.count;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(warmUp.count).toBe(stoppedAt);
  });

  it.each([
    ['parser', true],
    ['evaluation', false],
  ] as const)('after the config, runs %s steps while a call waits for its answer: %s', async (kind, runs) => {
    const { enginePort, thread } = channelThread();
    const warmUp = countedSteps(kind);
    const served = serveEngine(enginePort, warmUp.steps);
    const fixture = new FixtureSource(join(FIXTURES, 'maturion-isms-pr-743'));
    const reader = fixture.reader();
    const held: Extract<FromEngine, { type: 'call' }>[] = [];
    let holding = true;
    const answer = (call: Extract<FromEngine, { type: 'call' }>) =>
      void reader
        .read(String(call.args[0]))
        .then((value) => thread.postMessage({ type: 'answer', id: call.id, ok: true, value }));
    thread.on('message', (message: FromEngine) => {
      if (message.type !== 'call') return;
      if (holding) held.push(message);
      else answer(message);
    });
    thread.postMessage(SOME_VALID_CONFIG);
    await pause(20);
    // No call yet (the facts have not come): no step.
    const atConfig = warmUp.count;
    await pause(20);
    expect(warmUp.count).toBe(atConfig);

    thread.postMessage({
      type: 'facts',
      facts: await fixture.facts(),
      hasMergeBase: false,
      evidence: undefined,
    });
    await until(() => held.length > 0);
    await pause(20);
    const whileHeld = warmUp.count - atConfig;
    if (runs) expect(whileHeld).toBeGreaterThan(3);
    else expect(whileHeld).toBe(0);

    holding = false;
    for (const call of held.splice(0)) answer(call);
    await served;
    const atEnd = warmUp.count;
    await pause(20);
    expect(warmUp.count).toBe(atEnd);
  });

  it('takes a message already waiting before the next step, though the port has not emitted it', async () => {
    const { enginePort, thread } = channelThread();
    const warmUp = countedSteps();
    // Posted in the same turn as the first step is due, just before it: the port emits a message
    // only on a later turn, as a worker's port emits the config that came before the thread was up.
    setImmediate(() => thread.postMessage(SOME_CONFIG));
    await serveEngine(enginePort, warmUp.steps);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(warmUp.count).toBe(0);
  });
});

/** The default config, as the main thread sends it when the base branch has none. */
const SOME_VALID_CONFIG: ToEngine = {
  type: 'config',
  configText: undefined,
  configPath: DEFAULT_CONFIG_PATH,
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A config message (refused by the loader: only that the thread takes it matters here). */
const SOME_CONFIG: ToEngine = {
  type: 'config',
  configText: 'mode: sometimes\n',
  configPath: DEFAULT_CONFIG_PATH,
};

/** A long warm-up of steps of one kind that counts them. */
function countedSteps(kind: WarmUpStep = 'evaluation'): {
  steps: Iterator<WarmUpStep>;
  readonly count: number;
} {
  let count = 0;
  const steps = (function* () {
    yield kind;
    // Bounded, so a thread that steps when it should not fails the test instead of spinning.
    while (count < 10_000) {
      count += 1;
      yield kind;
    }
  })();
  return {
    steps,
    get count() {
      return count;
    },
  };
}
