import { InputError, readInputs } from '../../../src/action/inputs.js';

const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readInputs', () => {
  it('applies the defaults of action.yml', () => {
    expect(readInputs(from({ 'github-token': 't' }))).toEqual({
      token: 't',
      configPath: '.github/merge-gate.yml',
      failOn: 'error',
    });
  });

  it('reads every input', () => {
    expect(
      readInputs(
        from({ 'github-token': 't', config: './ci/gate.yml', 'fail-on': 'Failure', 'context-prefix': 'web' }),
      ),
    ).toEqual({ token: 't', configPath: 'ci/gate.yml', failOn: 'failure', contextPrefix: 'web' });
  });

  it('refuses an empty token', () => {
    expect(() => readInputs(from({}))).toThrow(InputError);
  });

  it('refuses an unknown fail-on value, listing the allowed ones', () => {
    expect(() => readInputs(from({ 'github-token': 't', 'fail-on': 'sometimes' }))).toThrow(
      'The fail-on input must be one of error, failure, never; got "sometimes".',
    );
  });

  it.each(['/etc/passwd', '../other/gate.yml', '.github/../../x.yml'])(
    'refuses a config path outside the repository: %s',
    (config) => {
      expect(() => readInputs(from({ 'github-token': 't', config }))).toThrow(InputError);
    },
  );
});
