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
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: yamlEntryPoints,
          patterns: [
            {
              group: ['@actions/github', '@octokit/*'],
              message: 'Only src/github/ talks to the GitHub API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/model/**', 'src/proof/**', 'src/config/**', 'src/evaluate/**', 'src/report/**'],
    rules: restrict(['**/github/**', '**/sources/**', '**/action/**', '**/cli/**']),
  },
  {
    files: ['src/config/yaml-nesting.ts'],
    rules: restrict(['**/github/**', '**/sources/**', '**/action/**', '**/cli/**'], []),
  },
);
