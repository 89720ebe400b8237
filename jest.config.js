/**
 * Jest in ESM mode, TypeScript compiled by SWC (types are checked by `npm run typecheck`); `.js`
 * suffixes of relative imports are mapped back to the TypeScript sources. `npm test` leaves out
 * `__tests__/slow/` (suites that start Prism, Chromium or @github/local-action, or feed multi-megabyte
 * inputs); `npm run test:slow` runs those (jest.slow.config.js), and `.ci/run` runs both.
 */
import { availableParallelism } from 'node:os';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/slow/'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        // Import attributes kept (`with { type: 'json' }`): without one, Jest warns that importing JSON
        // is deprecated and will be an error in its next major.
        jsc: {
          parser: { syntax: 'typescript' },
          target: 'es2022',
          experimental: { keepImportAttributes: true },
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  testTimeout: 60000,
  // Jest's default is one worker per core but one; the suites wait on child processes (git, the
  // bundle) and sockets part of the time, so 1.5 workers per core keep the cores busy (on two
  // cores, 3 workers: about 75 s; 2 workers: about 95 s). A percentage over 100 % would be read
  // as a number of workers, hence the arithmetic.
  maxWorkers: Math.ceil(availableParallelism() * 1.5),
};
