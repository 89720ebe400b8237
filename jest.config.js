/**
 * Jest in ESM mode, TypeScript compiled by SWC (types are checked by `npm run typecheck`); `.js`
 * suffixes of relative imports are mapped back to the TypeScript sources. `npm test` leaves out
 * `__tests__/slow/` (suites that start Prism, Chromium or @github/local-action, or feed multi-megabyte
 * inputs); `npm run test:slow` runs those (jest.slow.config.js), and `.ci/run` runs both.
 */
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
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  testTimeout: 60000,
  // Jest's default on two cores is one worker; the suites wait on child processes and sockets part
  // of the time, so two keep both cores busy.
  maxWorkers: 2,
};
