/**
 * The engine thread's protocol over a real MessageChannel (the same ports a Worker uses, in one
 * thread): the host on one port, `serveEngine` on the other, fixture PRs as the source. Evaluating
 * there must decide exactly as evaluating here, and any failure of the thread must fall back.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../../src/config/defaults.js';
import type { ConfigSettings, FromEngine, ToEngine } from '../../../src/action/engine-protocol.js';
import { threadEngine } from '../../../src/action/engine-host.js';
import { serveEngine } from '../../../src/action/engine-thread.js';
import { warmUpSteps } from '../../../src/action/engine-warmup.js';
import { inThreadEngine, type GateEngine } from '../../../src/action/gate-engine.js';
import type { FileReader } from '../../../src/model/facts.js';
import type { Evaluation } from '../../../src/model/results.js';
import { FixtureSource } from '../../../src/sources/fixture.js';
import { LocalGitSource } from '../../../src/sources/local-git.js';
import type { PullRequestSource } from '../../../src/sources/source.js';
import { channelThread, closeChannels, until, type ChannelThread } from '../../helpers/engine-channel.js';
import { removeTempRepos } from '../../helpers/git-repo.js';
import { patchSensitivePrs, PR_HEAD_REF } from '../../helpers/patch-prs.js';

const FIXTURES = join(process.cwd(), '__fixtures__/prs');

afterEach(closeChannels);
afterAll(removeTempRepos);

interface Run {
  evaluation: Evaluation;
  settings: ConfigSettings[];
}

async function evaluateWith(
  engine: GateEngine,
  source: PullRequestSource,
  configText?: string,
): Promise<Run> {
  const settings: ConfigSettings[] = [];
  const evaluation = await engine.evaluate({
    source,
    configText:
      configText === undefined ? source.baseConfigText(DEFAULT_CONFIG_PATH) : Promise.resolve(configText),
    configPath: DEFAULT_CONFIG_PATH,
    onConfig: (given) => settings.push(given),
  });
  return { evaluation, settings };
}

/** The same PR through the engine thread (warming up as in the bundle) and in this thread. */
async function bothWays(source: () => PullRequestSource, configText?: string) {
  const { thread, enginePort, terminated } = channelThread();
  const served = serveEngine(enginePort, warmUpSteps(1));
  const log: string[] = [];
  const threaded = await evaluateWith(
    threadEngine(thread, inThreadEngine(), (m) => log.push(m)),
    source(),
    configText,
  );
  await served;
  const here = await evaluateWith(inThreadEngine(), source(), configText);
  return { threaded, here, log, terminated: terminated() };
}

describe('the engine thread', () => {
  const fixtures = readdirSync(FIXTURES).sort();

  it.each(fixtures)('decides fixture %s exactly as this thread does', async (name) => {
    const { threaded, here, log, terminated } = await bothWays(() => new FixtureSource(join(FIXTURES, name)));
    expect(threaded.evaluation).toEqual(here.evaluation);
    expect(threaded.settings).toEqual(here.settings);
    expect(threaded.settings).toHaveLength(1);
    expect(log).toEqual([]);
    expect(terminated).toBe(true);
  });

  it.each(patchSensitivePrs().map((pr) => [pr.name, pr] as const))(
    'decides %s from git, with and without patches (merge-base reads, evidence lookups), as this thread does',
    async (_name, pr) => {
      for (const omitPatches of [false, true]) {
        const sources: LocalGitSource[] = [];
        const source = () => {
          const git = new LocalGitSource({
            repo: pr.repo.dir,
            base: pr.base,
            head: pr.head,
            headRef: PR_HEAD_REF,
          });
          sources.push(git);
          if (!omitPatches) return git;
          const facts = git.facts.bind(git);
          git.facts = async () => {
            const all = await facts();
            return { ...all, changedFiles: all.changedFiles.map(({ patch: _omitted, ...file }) => file) };
          };
          return git;
        };
        const { threaded, here, log } = await bothWays(source);
        await Promise.all(sources.map((git) => git.close()));
        expect(threaded).toEqual(here);
        expect(log).toEqual([]);
      }
    },
  );

  it('refuses a bad base config as this thread does: settings empty, every check in error', async () => {
    const source = () => new FixtureSource(join(FIXTURES, 'maturion-isms-pr-743'));
    const { threaded, here } = await bothWays(source, 'mode: sometimes\n');
    expect(threaded).toEqual(here);
    expect(threaded.settings).toEqual([{}]);
    expect(threaded.evaluation.results.every((result) => result.state === 'error')).toBe(true);
    expect(threaded.evaluation.results[0]?.description).toBe(
      'On the base branch, .github/merge-gate.yml: invalid configuration, 1 problem:\n' +
        '  mode (line 1): must be one of: enforce, advisory',
    );
  });

  it('reads through the source with the config limit, the same files as this thread', async () => {
    const reads: string[][] = [];
    const limits: (number | undefined)[] = [];
    const source = () => {
      const fixture = new FixtureSource(join(FIXTURES, 'maturion-isms-pr-743'));
      const reader = fixture.reader.bind(fixture);
      const paths: string[] = [];
      reads.push(paths);
      fixture.reader = (given) => {
        limits.push(given?.maxFileBytes);
        const inner: FileReader = reader(given);
        return { read: (path) => (paths.push(path), inner.read(path)) };
      };
      return fixture;
    };
    const { threaded, here } = await bothWays(source, 'limits:\n  max_file_bytes: 4096\n');
    expect(threaded.evaluation).toEqual(here.evaluation);
    expect(new Set(limits)).toEqual(new Set([4096]));
    expect(reads[0]?.length).toBeGreaterThan(0);
    expect(new Set(reads[0])).toEqual(new Set(reads[1]));
  });

  it('sends the settings right after its first reads, before their answers: the first pending post goes out with them', async () => {
    const { thread, enginePort } = channelThread();
    const served = serveEngine(enginePort);
    const order: string[] = [];
    const held: Extract<FromEngine, { type: 'call' }>[] = [];
    const fixture = new FixtureSource(join(FIXTURES, 'maturion-isms-pr-743'));
    const reader = fixture.reader();
    const answer = (call: Extract<FromEngine, { type: 'call' }>) =>
      void reader.read(String(call.args[0])).then((value) => {
        order.push('answer');
        thread.postMessage({ type: 'answer', id: call.id, ok: true, value });
      });
    thread.on('message', (message: FromEngine) => {
      order.push(message.type);
      if (message.type !== 'call') return;
      // The first reads are held until the settings come: they must not wait for the answers.
      if (order.includes('settings')) answer(message);
      else held.push(message);
    });
    thread.postMessage({ type: 'config', configText: undefined, configPath: DEFAULT_CONFIG_PATH });
    thread.postMessage({
      type: 'facts',
      facts: await fixture.facts(),
      hasMergeBase: false,
      evidence: undefined,
    });
    // Bounded, so a regression fails the expectation below instead of hanging; the timer is
    // cleared, or it would hold Jest open for two seconds after the run.
    let bound: NodeJS.Timeout | undefined;
    await Promise.race([
      until(() => order.includes('settings')),
      new Promise((resolve) => (bound = setTimeout(resolve, 2000))),
    ]);
    clearTimeout(bound);
    expect(order.slice(0, order.indexOf('settings') + 1)).toEqual([...held.map(() => 'call'), 'settings']);
    expect(held.length).toBeGreaterThan(0);
    for (const call of held.splice(0)) answer(call);
    await served;
    await until(() => order.includes('done'));
    expect(order.filter((type) => type === 'settings')).toHaveLength(1);
    expect(order.at(-1)).toBe('done');
  });

  it('answers only the reads and lookups a source offers', async () => {
    const { thread, enginePort } = channelThread();
    const answers: ToEngine[] = [];
    enginePort.on('message', (message: ToEngine) => answers.push(message));
    const engine = threadEngine(thread, inThreadEngine(), () => undefined);
    const source = new FixtureSource(join(FIXTURES, 'maturion-isms-pr-743'));
    const running = evaluateWith(engine, source);
    const ask = (message: FromEngine) => enginePort.postMessage(message);
    ask({ type: 'call', id: 1, target: 'evidence', method: 'constructor', args: [] });
    ask({ type: 'call', id: 2, target: 'reader', method: 'read', args: ['pr.json-is-not-here'] });
    await until(() => answers.filter((m) => m.type === 'answer').length === 2);
    expect(answers.find((m) => m.type === 'answer' && m.id === 1)).toEqual({
      type: 'answer',
      id: 1,
      ok: false,
      message: 'the engine asked for evidence.constructor, which the source does not offer',
    });
    expect(answers.find((m) => m.type === 'answer' && m.id === 2)).toEqual({
      type: 'answer',
      id: 2,
      ok: true,
      value: { state: 'absent' },
    });
    ask({ type: 'failed', message: 'stop here' });
    await running;
  });
});

describe('when the engine thread fails, the evaluation is made in this thread', () => {
  const source = () => new FixtureSource(join(FIXTURES, 'maturion-isms-pr-743'));

  async function withFailure(fail: (thread: ChannelThread) => void, before = false) {
    const channel = channelThread();
    const log: string[] = [];
    const engine = threadEngine(channel.thread, inThreadEngine(), (m) => log.push(m));
    if (before) fail(channel);
    else channel.enginePort.once('message', () => fail(channel));
    const threaded = await evaluateWith(engine, source());
    const here = await evaluateWith(inThreadEngine(), source());
    return { threaded, here, log };
  }

  it('when its code throws (a bug): same decision, said in the log', async () => {
    const { threaded, here, log } = await withFailure(({ enginePort }) =>
      enginePort.postMessage({ type: 'failed', message: 'TypeError: x is not a function' }),
    );
    expect(threaded).toEqual(here);
    expect(log).toEqual([
      'Merge Gate evaluates in its main thread: the engine thread failed (TypeError: x is not a function).',
    ]);
  });

  it('when it exits mid-evaluation, after its settings: they are applied once', async () => {
    const { threaded, here, log } = await withFailure(({ enginePort, lose }) => {
      enginePort.postMessage({ type: 'settings', settings: { contextPrefix: '', comment: 'never' } });
      setImmediate(() => lose('exit', 1));
    });
    expect(threaded.evaluation).toEqual(here.evaluation);
    expect(threaded.settings[0]).toEqual({ contextPrefix: '', comment: 'never' });
    expect(log).toEqual([
      'Merge Gate evaluates in its main thread: the engine thread failed (it exited with code 1).',
    ]);
  });

  it('when it could not start (its file missing)', async () => {
    const { threaded, here, log } = await withFailure(
      ({ lose }) => lose('error', new Error("Cannot find module '/action/dist/engine/index.js'")),
      true,
    );
    expect(threaded).toEqual(here);
    expect(log[0]).toContain("failed (Cannot find module '/action/dist/engine/index.js')");
  });
});
