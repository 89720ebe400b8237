/**
 * globMatcher compiles a glob list into one regular expression; it must decide exactly as
 * picomatch's own matcher does with the same options, for the default config's globs and for
 * arbitrary ones.
 */
import fc from 'fast-check';
import picomatch from 'picomatch';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { globMatcher } from '../../../src/evaluate/globs.js';

const picomatchDecides = (globs: string[], nocase: boolean) => {
  const matcher = picomatch(globs, { dot: true, nocase });
  return (path: string) => matcher(path);
};

const defaultGlobLists: [string, string[]][] = [
  ['proof.globs', DEFAULT_CONFIG.proof.globs],
  ['proof.exclude', DEFAULT_CONFIG.proof.exclude],
  ['session_memory.globs', DEFAULT_CONFIG.session_memory.globs],
  ['roles.foreman_artifacts', DEFAULT_CONFIG.roles.foreman_artifacts],
  ['stop_and_fix.test_globs', DEFAULT_CONFIG.stop_and_fix.test_globs],
  ['stop_and_fix.marker_exclude', DEFAULT_CONFIG.stop_and_fix.marker_exclude],
  ['alignment.frozen', DEFAULT_CONFIG.alignment.frozen],
  ['alignment.governance_paths', DEFAULT_CONFIG.alignment.governance_paths],
  ['exemptions.docs_globs', DEFAULT_CONFIG.exemptions.docs_globs],
  ...DEFAULT_CONFIG.path_classes.map((rule, i): [string, string[]] => [`path_classes[${i}]`, rule.globs]),
];

const segment = fc.constantFrom(
  'src',
  'docs',
  '.github',
  'agents',
  'memory',
  '.agent-workspace',
  'foreman-v2',
  '02-architecture',
  'PREHANDOVER.md',
  'prehandover',
  'session-001.md',
  'a.test.ts',
  'b.spec.js',
  'x.md',
  'README.txt',
  '__tests__',
  'governance',
  'index.ts',
  'Prehandover_Proof.md',
  'a[1].md',
  'deploy.yml',
  '',
);
const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));

describe('globMatcher', () => {
  it.each(defaultGlobLists)('decides as picomatch does for the default %s', (_name, globs) => {
    for (const nocase of [false, true]) {
      const ours = globMatcher(globs, { nocase });
      const theirs = picomatchDecides(globs, nocase);
      fc.assert(
        fc.property(path, (p) => ours(p) === theirs(p)),
        { numRuns: 400 },
      );
    }
  });

  it('decides as picomatch does for arbitrary glob lists, negations and literal brackets included', () => {
    const glob = fc
      .oneof(
        path,
        path.map((p) => `**/${p}`),
        path.map((p) => `${p}/**`),
        path.map((p) => `!${p}`),
        fc.constantFrom('**/*.{md,txt}', '*.md', '**', 'a[1].md', 'docs/*', '!**/*.md', '?.md'),
      )
      .filter((g) => g !== '' && g !== '!'); // the schema refuses empty globs, as picomatch does
    fc.assert(
      fc.property(fc.array(glob, { minLength: 1, maxLength: 5 }), fc.boolean(), path, (globs, nocase, p) => {
        expect(globMatcher(globs, { nocase })(p)).toBe(picomatchDecides(globs, nocase)(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches a path equal to a glob that its pattern alone would not match, as picomatch does', () => {
    for (const glob of ['a{b', '{a,b}', 'docs/@(a)', '\\*']) {
      expect(picomatchDecides([glob], false)(glob)).toBe(true);
      expect(globMatcher(['*.md', glob])(glob)).toBe(true);
    }
  });

  it('matches nothing with no globs, and never the empty path', () => {
    expect(globMatcher([])('a.md')).toBe(false);
    expect(globMatcher(['**'])('')).toBe(false);
    expect(globMatcher(['**'])('a/b.md')).toBe(true);
  });
});
