import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noIo = [
  '@actions/*',
  '@octokit/*',
  'node:fs',
  'node:fs/promises',
  'node:child_process',
  'fs',
  'child_process',
  'undici',
];
/** The yaml package's entry points recurse per nesting level: parse through src/config/yaml-nesting.ts. */
const yamlEntryPoints = [
  {
    name: 'yaml',
    importNames: ['parse', 'parseDocument', 'parseAllDocuments'],
    message:
      'Parse YAML with parseYamlDocument/parseYamlStream (src/config/yaml-nesting.ts): they bound nesting first.',
  },
];
const apiOnlyInGithub = {
  group: ['@actions/github', '@octokit/*'],
  message: 'Only src/github/ talks to the GitHub API.',
};
const notInBundle = {
  group: ['@actions/*', 'undici'],
  message: 'Not in the bundle: see runner-io.ts for workflow commands, proxy.ts for undici.',
};
/** The import rule with the YAML entry points forbidden and these patterns (a later block replaces an earlier one's). */
const imports = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths: yamlEntryPoints, patterns }],
});
const restrict = (extra = [], paths = yamlEntryPoints) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths,
      patterns: [
        {
          group: [...noIo, ...extra],
          message: 'This folder is pure: no I/O, no GitHub API (see docs/design.md).',
        },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.bench-tmp/**',
      'build/**',
      'coverage/**',
      'node_modules/**',
      'src/config/generated/**',
      'src/cli/generated/**',
      '__fixtures__/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['src/**'],
    ignores: ['src/github/**'],
    rules: imports([apiOnlyInGithub]),
  },
  {
    // The bundle stays small and starts fast (docs/design.md, "The API client"): @actions/core and
    // @actions/github import undici on load; undici itself is imported lazily, only behind a proxy.
    files: ['src/action/**', 'src/sources/**'],
    rules: imports([notInBundle, apiOnlyInGithub]),
  },
  {
    // The CLI reaches the GitHub adapter only through src/history/ (GitHub mode of `merge-gate
    // history`, loaded on demand); `check` and the other commands never talk to the API.
    files: ['src/cli/**'],
    rules: imports([
      notInBundle,
      {
        group: ['@octokit/*', '**/github/**'],
        message:
          'The CLI does not import src/github/: GitHub mode lives in src/history/ (see docs/design.md).',
      },
    ]),
  },
  {
    // Within src/history/, only GitHub mode (loaded on demand) reaches the adapter; types may be shared.
    files: ['src/history/**'],
    ignores: ['src/history/github-mode.ts'],
    rules: imports([
      notInBundle,
      {
        group: ['@octokit/*', '**/github/**'],
        allowTypeImports: true,
        message: 'Only src/history/github-mode.ts imports src/github/ (see docs/design.md).',
      },
    ]),
  },
  {
    files: ['src/github/**'],
    rules: imports([
      {
        ...notInBundle,
        message: 'Not in the bundle: Octokit runs on the global fetch; proxy.ts imports undici lazily.',
      },
    ]),
  },
  {
    files: [
      'src/model/**',
      'src/proof/**',
      'src/config/**',
      'src/evaluate/**',
      'src/report/**',
      'src/history/render/**',
      'src/history/aggregate.ts',
      'src/history/finding-kind.ts',
      'src/history/report.ts',
    ],
    rules: restrict(['**/github/**', '**/sources/**', '**/action/**', '**/cli/**']),
  },
  {
    files: ['src/config/yaml-nesting.ts'],
    rules: restrict(['**/github/**', '**/sources/**', '**/action/**', '**/cli/**'], []),
  },
);
