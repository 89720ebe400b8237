/** Jest in ESM mode: ts-jest's ESM transform; `.js` suffixes of relative imports are mapped back to the TypeScript sources. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testTimeout: 60000,
  // Jest's default on two cores is one worker; most suites wait on child processes and sockets
  // part of the time, so two keep both cores busy (CONTRIBUTING.md, "Tests").
  maxWorkers: 2,
};
