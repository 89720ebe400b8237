import fc from 'fast-check';
import { stringify } from 'yaml';
import { ConfigError } from '../../../src/config/errors.js';
import { loadConfig } from '../../../src/config/load.js';

/** Runs loadConfig and reports how it ended: a Config, a ConfigError, or anything else (a bug). */
function outcome(text: string): 'config' | 'config-error' | string {
  try {
    const config = loadConfig(text, 'merge-gate.yml');
    return typeof config.mode === 'string' ? 'config' : 'config without a mode';
  } catch (error) {
    return error instanceof ConfigError ? 'config-error' : `threw ${String(error)}`;
  }
}

const keys = fc.constantFrom(
  'mode',
  'proof',
  'globs',
  'synonyms',
  'path_classes',
  'class',
  'token',
  'pattern',
  '__proto__',
  'x',
);
const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('(', 'advisory', '[a-'),
);
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(keys, fc.string()), tie('value'), { maxKeys: 5 }),
})).value;

/** Config-shaped data with arbitrary leaves, so the deeper keys (regexes, path classes) are reached too. */
const strings = fc.oneof(fc.array(fc.oneof(fc.string(), leaf), { maxLength: 3 }), leaf);
const regexLike = fc.oneof(fc.constantFrom('(', 'IAA-(PASS)', '[a-', '\\', 'a{2,1}', '(?<n>x)'), leaf);
const nearConfig = fc.record(
  {
    mode: fc.oneof(fc.constantFrom('enforce', 'advisory'), leaf),
    proof: fc.oneof(
      fc.record(
        { globs: strings, pending: fc.oneof(fc.constantFrom('success'), leaf), glob: strings },
        { requiredKeys: [] },
      ),
      leaf,
    ),
    roles: fc.record({ foreman_agent_pattern: regexLike, builders: strings }, { requiredKeys: [] }),
    token: fc.record({ pattern: regexLike, heading_pattern: regexLike }, { requiredKeys: [] }),
    synonyms: fc.oneof(fc.dictionary(fc.string(), strings, { maxKeys: 3 }), leaf),
    path_classes: fc.oneof(
      fc.array(
        fc.record(
          {
            class: fc.oneof(fc.constantFrom('implementation', 'other'), leaf),
            globs: strings,
            statuses: strings,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      leaf,
    ),
    limits: fc.record({ max_file_bytes: fc.oneof(fc.integer(), leaf) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

describe('loadConfig on arbitrary input', () => {
  it('never throws anything but ConfigError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(['config', 'config-error']).toContain(outcome(text));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but ConfigError on arbitrary YAML-looking text', () => {
    const token = fc.constantFrom(
      'mode:',
      ' ',
      '\n',
      '  ',
      '- ',
      '&a ',
      '*a',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '? ',
      '#',
      '---',
      'proof',
      'x',
      '!!str ',
      '|',
      '>',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        expect(['config', 'config-error']).toContain(outcome(tokens.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but ConfigError on arbitrary data dumped as YAML', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, nearConfig), (data) => {
        expect(['config', 'config-error']).toContain(outcome(stringify(data)));
      }),
      { numRuns: 500 },
    );
  });
});
