/**
 * The default config's globs are compiled when the package is built
 * (scripts/build-glob-sources.mjs → src/config/generated/default-glob-sources.js): the table must be
 * current, hold picomatch's own sources, and cover every glob list the checks read, so that a run
 * on the defaults never calls picomatch while one with other globs still does.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import picomatch from 'picomatch';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(ROOT, '__fixtures__/prs');

// Every makeRe call the product makes goes through this count (the real picomatch does the work).
const makeReCalls: string[] = [];
jest.unstable_mockModule('picomatch', () => {
  const counted = Object.assign((...args: Parameters<typeof picomatch>) => picomatch(...args), picomatch, {
    makeRe: (glob: string, options?: picomatch.PicomatchOptions) => {
      makeReCalls.push(glob);
      return picomatch.makeRe(glob, options);
    },
  });
  return { default: counted };
});

const { DEFAULT_GLOB_SOURCES } = await import('../../../src/config/generated/default-glob-sources.js');
const { DEFAULT_CONFIG } = await import('../../../src/config/defaults.js');
const { evaluate } = await import('../../../src/evaluate/evaluate.js');
const { globMatcher } = await import('../../../src/evaluate/globs.js');
const { FixtureSource } = await import('../../../src/sources/fixture.js');

describe('the default globs compiled at build time', () => {
  it('are current (run `npm run build:schema` after changing a default glob or picomatch)', () => {
    expect(() =>
      execFileSync('node', ['scripts/build-glob-sources.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it("are picomatch's own sources, with and without nocase", () => {
    expect(DEFAULT_GLOB_SOURCES.size).toBeGreaterThan(20);
    for (const [glob, source] of DEFAULT_GLOB_SOURCES) {
      expect(source).toBe(picomatch.makeRe(glob, { dot: true }).source);
      expect(source).toBe(picomatch.makeRe(glob, { dot: true, nocase: true }).source);
    }
  });

  it('cover every glob list the checks read: the fixture PRs evaluate on the defaults without picomatch', async () => {
    makeReCalls.length = 0;
    const names = readdirSync(FIXTURES).filter((name) => name.startsWith('maturion-isms-pr-'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const source = new FixtureSource(join(FIXTURES, name));
      const evaluation = await evaluate(await source.facts(), source.reader(), DEFAULT_CONFIG);
      expect(evaluation.results).toHaveLength(7);
    }
    expect(makeReCalls).toEqual([]);
  });

  it('leave other globs to picomatch, case-folded when asked', () => {
    makeReCalls.length = 0;
    const isReport = globMatcher(['reports/**/*.csv', '**/*.md'], { nocase: true });
    expect(makeReCalls).toEqual(['reports/**/*.csv']);
    expect(isReport('Reports/Q1/Sales.CSV')).toBe(true);
    expect(isReport('docs/README.MD')).toBe(true);
    expect(isReport('reports/q1.txt')).toBe(false);
    // The same default glob, case-sensitive: the flag, not the table, decides the case.
    const isDoc = globMatcher(['**/*.md']);
    expect(isDoc('docs/README.MD')).toBe(false);
    expect(isDoc('docs/readme.md')).toBe(true);
  });
});
