/** `npm run test:slow`: only `__tests__/slow/` (see jest.config.js). */
import base from './jest.config.js';

export default {
  ...base,
  roots: ['<rootDir>/__tests__/slow'],
  testPathIgnorePatterns: ['/node_modules/'],
};
