import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { ConfigError, type ConfigProblem } from '../../../src/config/errors.js';
import { loadConfig } from '../../../src/config/load.js';

const FILE = '.github/merge-gate.yml';

/** The problems loadConfig reports for a file, failing the test when it loads. */
function problemsOf(text: string): ConfigProblem[] {
  try {
    loadConfig(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function onlyProblem(text: string): ConfigProblem {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  return problems[0] as ConfigProblem;
}

describe('loadConfig: files that load', () => {
  it('gives the defaults when there is no file, an empty one, or only comments', () => {
    expect(loadConfig(undefined, FILE)).toEqual(DEFAULT_CONFIG);
    expect(loadConfig('', FILE)).toEqual(DEFAULT_CONFIG);
    expect(loadConfig('# nothing configured yet\n\n', FILE)).toEqual(DEFAULT_CONFIG);
  });

  it('returns a copy: changing the result does not change DEFAULT_CONFIG', () => {
    const config = loadConfig(undefined, FILE);
    config.proof.globs.push('mutated/**');
    config.roles.builders = [];
    expect(DEFAULT_CONFIG.proof.globs).not.toContain('mutated/**');
    expect(DEFAULT_CONFIG.roles.builders.length).toBeGreaterThan(0);
  });

  it('overrides only the keys the file sets, keeping the siblings of a nested key', () => {
    const config = loadConfig('mode: advisory\nproof:\n  pending: success\n', FILE);
    expect(config.mode).toBe('advisory');
    expect(config.proof.pending).toBe('success');
    expect(config.proof.globs).toEqual(DEFAULT_CONFIG.proof.globs);
    expect(config.proof.match_branch).toBe(true);
    expect(config.alignment).toEqual(DEFAULT_CONFIG.alignment);
  });

  it('replaces lists instead of appending to the default list', () => {
    const config = loadConfig(
      'exemptions:\n  authors: [my-bot]\npath_classes:\n  - class: implementation\n    globs: [src/**]\n',
      FILE,
    );
    expect(config.exemptions.authors).toEqual(['my-bot']);
    expect(config.path_classes).toEqual([{ class: 'implementation', globs: ['src/**'] }]);
  });

  it('merges synonyms per canonical name: a listed name is replaced, the others keep their defaults', () => {
    const config = loadConfig('synonyms:\n  agent: [Prepared by]\n  ticket: [Ticket, Jira]\n', FILE);
    expect(config.synonyms.agent).toEqual(['Prepared by']);
    expect(config.synonyms.ticket).toEqual(['Ticket', 'Jira']);
    expect(config.synonyms.date).toEqual(DEFAULT_CONFIG.synonyms.date);
  });

  it('accepts a few YAML aliases, as a config may reuse a glob list', () => {
    const config = loadConfig(
      'alignment:\n  frozen: &frozen [docs/adr/**]\n  governance_paths: *frozen\n',
      FILE,
    );
    expect(config.alignment.governance_paths).toEqual(['docs/adr/**']);
  });

  it('keeps a synonym named __proto__ as a plain key', () => {
    const config = loadConfig('synonyms:\n  __proto__: [Proto]\n', FILE);
    expect(Object.getPrototypeOf(config.synonyms)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(config.synonyms, '__proto__')?.value).toEqual(['Proto']);
  });
});

describe('loadConfig: problems name the key path and the line', () => {
  it('reports an unknown key and suggests the key that was probably meant', () => {
    expect(onlyProblem('proof:\n  pending: success\n  glob: ["**/HANDOVER*.md"]\n')).toEqual({
      path: 'proof.glob',
      message: 'unknown key "proof.glob" (did you mean "globs"?)',
      line: 3,
    });
  });

  it('lists the known keys when nothing is close to an unknown one', () => {
    const problem = onlyProblem('colour: blue\n');
    expect(problem.path).toBe('colour');
    expect(problem.message).toContain('known keys: mode, context_prefix');
    expect(problem.line).toBe(1);
  });

  it('reports a wrong type with what was expected and what was found', () => {
    expect(onlyProblem('proof:\n  match_branch: "yes"\n')).toEqual({
      path: 'proof.match_branch',
      message: 'must be true or false, got the string "yes"',
      line: 2,
    });
    expect(onlyProblem('exemptions:\n  authors: dependabot[bot]\n').message).toBe(
      'must be a list, got the string "dependabot[bot]"',
    );
  });

  it('reports a key left empty as nothing, on the line of the key', () => {
    expect(onlyProblem('mode: advisory\nproof:\n')).toEqual({
      path: 'proof',
      message: 'must be a mapping of keys, got nothing',
      line: 2,
    });
  });

  it('reports a value outside the allowed ones', () => {
    expect(onlyProblem('\nmode: strict\n')).toEqual({
      path: 'mode',
      message: 'must be one of: enforce, advisory',
      line: 2,
    });
  });

  it('points into lists with an index', () => {
    expect(onlyProblem('proof:\n  globs:\n    - "**/PREHANDOVER*.md"\n    - ""\n')).toEqual({
      path: 'proof.globs[1]',
      message: 'must be a non-empty string',
      line: 4,
    });
    expect(
      onlyProblem(
        'path_classes:\n  - class: implementation\n    globs: [src/**]\n  - class: docs\n    globs: [docs/**]\n',
      ),
    ).toEqual({
      path: 'path_classes[1].class',
      message: 'must be one of: implementation, supervision, governance, other',
      line: 4,
    });
  });

  it('reports a missing required key of a path class rule', () => {
    expect(onlyProblem('path_classes:\n  - class: implementation\n')).toEqual({
      path: 'path_classes[0]',
      message: 'missing required key "globs"',
      line: 2,
    });
  });

  it('reports a regular expression that does not compile', () => {
    const problem = onlyProblem('token:\n  heading_pattern: "IAA|(Assurance"\n');
    expect(problem.path).toBe('token.heading_pattern');
    expect(problem.message).toMatch(/^must be a valid regular expression \(.*group.*\)$/i);
    expect(problem.line).toBe(2);
  });

  it('refuses a file that is not a mapping', () => {
    expect(onlyProblem('- mode: advisory\n')).toEqual({
      path: '',
      message: 'the config must be a mapping of keys, got a list',
      line: 1,
    });
    expect(onlyProblem('advisory\n').message).toBe(
      'the config must be a mapping of keys, got the string "advisory"',
    );
  });

  it('reports invalid YAML with its line', () => {
    const problem = onlyProblem('mode: advisory\nproof:\n  globs: [unclosed\n');
    expect(problem.path).toBe('');
    expect(problem.message).toMatch(/^not valid YAML: /);
    expect(problem.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses a second YAML document in the file', () => {
    const problem = onlyProblem('mode: advisory\n---\nmode: enforce\n');
    expect(problem.message).toMatch(/^not valid YAML: .*multiple documents/);
    expect(problem.line).toBe(2);
  });

  it('reports a synonyms name that is empty once, naming it', () => {
    expect(onlyProblem('synonyms:\n  " ": [Agent]\n')).toEqual({
      path: 'synonyms',
      message: '" " is not a usable key: it must be a non-empty name',
      line: 2,
    });
  });

  it('reports a duplicate key with its path and the line of the second occurrence', () => {
    expect(onlyProblem('proof:\n  pending: success\n  pending: failure\n')).toEqual({
      path: 'proof.pending',
      message: 'duplicate key "pending": each key may appear once',
      line: 3,
    });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ].join('\n');
    const problem = onlyProblem(bomb);
    expect(problem.message).toMatch(/aliases expand too much/);
    expect(problem.line).toBe(2);
  });

  it('reports an alias that names no anchor before it', () => {
    expect(onlyProblem('mode: advisory\nproof:\n  globs: *globs\n')).toEqual({
      path: '',
      message: 'not valid YAML: alias *globs refers to no anchor before it',
      line: 3,
    });
  });

  it('refuses more aliases than a configuration needs, before expanding any', () => {
    const many = Array.from({ length: 150 }, () => `    - *g`).join('\n');
    const problem = onlyProblem(`x: &g a\nproof:\n  globs:\n${many}\n`);
    expect(problem.message).toBe('refused: 150 aliases, over the 100 a configuration may use');
    expect(problem.line).toBe(104);
  });

  it('refuses nesting past the bound on its line, before the YAML parser recurses', () => {
    expect(onlyProblem(`mode: advisory\nproof:\n  globs: ${'['.repeat(10_000)}\n`)).toEqual({
      path: '',
      message: 'nested too deeply to read (over 200 levels)',
      line: 3,
    });
  });

  it('refuses a file far larger than any configuration', () => {
    expect(onlyProblem(`mode: enforce\n# ${'x'.repeat(70 * 1024)}\n`).message).toMatch(/over 64 KiB/);
  });

  it('reports every problem at once, in line order', () => {
    const problems = problemsOf('mode: strict\nproof:\n  glob: []\nlimits:\n  max_file_bytes: 0\n');
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['mode', 1],
      ['proof.glob', 3],
      ['limits.max_file_bytes', 5],
    ]);
  });
});

describe('ConfigError', () => {
  it('summarises the problems in a message that starts with the file name', () => {
    const error = new ConfigError(FILE, [
      { path: 'proof.glob', message: 'unknown key "proof.glob" (did you mean "globs"?)', line: 3 },
      { path: 'mode', message: 'must be one of: enforce, advisory' },
      { path: '', message: 'not valid YAML: bad indentation', line: 7 },
    ]);
    expect(error.message).toBe(
      [
        '.github/merge-gate.yml: invalid configuration, 3 problems:',
        '  proof.glob (line 3): unknown key "proof.glob" (did you mean "globs"?)',
        '  mode: must be one of: enforce, advisory',
        '  line 7: not valid YAML: bad indentation',
      ].join('\n'),
    );
    expect(error.name).toBe('ConfigError');
    expect(error).toBeInstanceOf(Error);
  });
});
