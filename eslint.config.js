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
const restrict = (extra = []) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
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
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
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
    // The bundle stays small and starts fast (docs/design.md, "The API client"): @actions/core and
    // @actions/github import undici on load; undici itself is imported lazily, only behind a proxy.
    files: ['src/action/**', 'src/cli/**', 'src/sources/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*', 'undici'],
              message: 'Not in the bundle: see runner-io.ts for workflow commands, proxy.ts for undici.',
            },
            {
              group: ['@octokit/*'],
              message: 'Only src/github/ talks to the GitHub API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/github/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*', 'undici'],
              message: 'Not in the bundle: Octokit runs on the global fetch; proxy.ts imports undici lazily.',
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
);
