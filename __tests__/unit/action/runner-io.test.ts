/**
 * `runnerIO` against `@actions/core` 3 (still a devDependency for this comparison only): for every
 * call the action makes, the same bytes on stdout, in GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the
 * same exit code and the same errors, so the runner (masking, annotations on file and line,
 * outputs, summary, the step's failure) sees no difference. Off a runner (`npm run local-action`),
 * the two deliberate differences: no `::add-mask::` line, and missing files are created.
 */
import * as core from '@actions/core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionIO } from '../../../src/action/io.js';
import { runnerIO } from '../../../src/action/runner-io.js';

/** The IO the action used before: `@actions/core`, as src/action/core-io.ts wrapped it. */
const coreIO: ActionIO = {
  getInput: (name) => core.getInput(name),
  setSecret: (value) => core.setSecret(value),
  info: (message) => core.info(message),
  notice: (message, props) => core.notice(message, props),
  warning: (message, props) => core.warning(message, props),
  error: (message, props) => core.error(message, props),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
};

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'merge-gate-runner-io-'));
  process.exitCode = undefined;
  process.env.GITHUB_ACTIONS = 'true'; // every runner sets it; the last block unsets it
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  process.exitCode = undefined;
});

/** What one IO writes to stdout while `act` runs (the runner reads workflow commands there). */
async function stdoutOf(act: () => unknown): Promise<string> {
  const written: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    await act();
  } finally {
    process.stdout.write = write;
  }
  return written.join('');
}

/** Runs `act` on both IOs and returns what each wrote to stdout. */
async function both(act: (io: ActionIO) => unknown): Promise<[string, string]> {
  return [await stdoutOf(() => act(coreIO)), await stdoutOf(() => act(runnerIO()))];
}

const HOSTILE = 'two\nlines, 100% done: see a::b\r\nand ::error::not a command';

describe('runnerIO writes what @actions/core writes', () => {
  it('reads inputs the same way (names with dashes and spaces, trimmed, empty when unset)', () => {
    process.env['INPUT_GITHUB-TOKEN'] = '  ghs_token\n';
    process.env['INPUT_CONTEXT_PREFIX'] = ' web ';
    for (const name of ['github-token', 'context prefix', 'fail-on', 'Config']) {
      expect(runnerIO().getInput(name)).toBe(core.getInput(name));
    }
    expect(runnerIO().getInput('github-token')).toBe('ghs_token');
  });

  it('masks a secret with the same command', async () => {
    const [expected, actual] = await both((io) => io.setSecret('ghs_a%b\nc:d,e'));
    expect(actual).toBe(expected);
    expect(actual).toBe('::add-mask::ghs_a%25b%0Ac:d,e\n');
  });

  it('logs a line as is', async () => {
    const [expected, actual] = await both((io) => io.info(HOSTILE));
    expect(actual).toBe(expected);
  });

  it.each(['notice', 'warning', 'error'] as const)(
    'writes a %s annotation with title, file and line escaped the same way',
    async (level) => {
      const props = { title: 'merge-gate/verdict', file: 'docs/a,b:c 100%.md', startLine: 12 };
      const [expected, actual] = await both((io) => io[level](HOSTILE, props));
      expect(actual).toBe(expected);
      expect(actual).toBe(
        `::${level} title=merge-gate/verdict,file=docs/a%2Cb%3Ac 100%25.md,line=12::` +
          'two%0Alines, 100%25 done: see a::b%0D%0Aand ::error::not a command\n',
      );
      const [bareExpected, bare] = await both((io) => io[level]('plain'));
      expect(bare).toBe(bareExpected);
      const [emptyExpected, empty] = await both((io) => io[level]('plain', {}));
      expect(empty).toBe(emptyExpected);
    },
  );

  it('appends outputs to GITHUB_OUTPUT in the same delimited form', async () => {
    const coreFile = join(dir, 'core-output.txt');
    const ownFile = join(dir, 'own-output.txt');
    writeFileSync(coreFile, 'earlier=1\n');
    writeFileSync(ownFile, 'earlier=1\n');
    const value = '[{"context":"merge-gate/verdict","description":"a\\nb"}]\nsecond line';
    process.env.GITHUB_OUTPUT = coreFile;
    const coreOut = await stdoutOf(() => coreIO.setOutput('results', value));
    process.env.GITHUB_OUTPUT = ownFile;
    const ownOut = await stdoutOf(() => runnerIO().setOutput('results', value));
    expect(ownOut).toBe(coreOut);
    const delimiters = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_ID');
    expect(delimiters(readFileSync(ownFile, 'utf8'))).toBe(delimiters(readFileSync(coreFile, 'utf8')));
    expect(readFileSync(ownFile, 'utf8')).toMatch(
      /^earlier=1\nresults<<(ghadelimiter_[0-9a-f-]{36})\n\[.*\]\nsecond line\n\1\n$/,
    );
  });

  it('refuses an output file that does not exist with the same error, and falls back to stdout without one', async () => {
    process.env.GITHUB_OUTPUT = join(dir, 'missing.txt');
    expect(() => runnerIO().setOutput('verdict', 'success')).toThrow(
      (() => {
        try {
          coreIO.setOutput('verdict', 'success');
        } catch (error) {
          return (error as Error).message;
        }
        return 'no error';
      })(),
    );
    delete process.env.GITHUB_OUTPUT;
    const [expected, actual] = await both((io) => io.setOutput('verdict', 'success'));
    expect(actual).toBe(expected);
  });

  it('fails the step the same way: an error command and exit code 1', async () => {
    const coreOut = await stdoutOf(() => coreIO.setFailed(HOSTILE));
    const coreCode = process.exitCode;
    process.exitCode = undefined;
    const ownOut = await stdoutOf(() => runnerIO().setFailed(HOSTILE));
    expect(ownOut).toBe(coreOut);
    expect(process.exitCode).toBe(coreCode);
    expect(process.exitCode).toBe(1);
  });

  it('appends the job summary the same way, and fails the same way without a writable file', async () => {
    // @actions/core remembers the first summary file it could access, so its errors come first.
    delete process.env.GITHUB_STEP_SUMMARY;
    const failure = async (io: ActionIO) =>
      io.writeSummary('x').then(
        () => 'written',
        (e: Error) => e.message,
      );
    expect(await failure(runnerIO())).toBe(await failure(coreIO));
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'missing', 'summary.md');
    expect(await failure(runnerIO())).toBe(await failure(coreIO));

    // A failed write leaves its text in @actions/core's buffer (the action writes the summary once).
    core.summary.emptyBuffer();
    const shared = join(dir, 'summary.md');
    writeFileSync(shared, '');
    process.env.GITHUB_STEP_SUMMARY = shared;
    const markdown = '## Merge Gate\n\n| check | state |\n|---|---|\n| verdict | ✅ success |';
    await coreIO.writeSummary(markdown);
    await coreIO.writeSummary('second');
    const coreText = readFileSync(shared, 'utf8');
    writeFileSync(shared, '');
    await runnerIO().writeSummary(markdown);
    await runnerIO().writeSummary('second');
    expect(readFileSync(shared, 'utf8')).toBe(coreText);
    expect(coreText).toBe(`${markdown}\nsecond\n`);
  });
});

describe('runnerIO off a runner (GITHUB_ACTIONS unset, as under npm run local-action)', () => {
  beforeEach(() => delete process.env.GITHUB_ACTIONS);

  it('writes no ::add-mask:: command, which nothing would read and which would print the secret', async () => {
    expect(await stdoutOf(() => runnerIO().setSecret('ghs_localToken'))).toBe('');
    process.env.GITHUB_ACTIONS = 'false';
    expect(await stdoutOf(() => runnerIO().setSecret('ghs_localToken'))).toBe('');
  });

  it('creates a missing output or summary file, with its folder, instead of refusing it', async () => {
    process.env.GITHUB_OUTPUT = join(dir, 'out', 'outputs.txt');
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'out', 'nested', 'summary.md');
    const io = runnerIO();
    io.setOutput('verdict', 'failure');
    await io.writeSummary('## Merge Gate');
    await io.writeSummary('second');
    expect(readFileSync(process.env.GITHUB_OUTPUT, 'utf8')).toMatch(
      /^verdict<<(ghadelimiter_[0-9a-f-]{36})\nfailure\n\1\n$/,
    );
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('## Merge Gate\nsecond\n');
  });

  it('still fails without GITHUB_STEP_SUMMARY, and still prints outputs without GITHUB_OUTPUT', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    delete process.env.GITHUB_OUTPUT;
    await expect(runnerIO().writeSummary('x')).rejects.toThrow(/GITHUB_STEP_SUMMARY/);
    expect(await stdoutOf(() => runnerIO().setOutput('verdict', 'success'))).toBe(
      '\n::set-output name=verdict::success\n',
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
