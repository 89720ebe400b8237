/** Entry bundled by `bench/run.mjs` (with ncc, into `.bench-tmp/`): the line diff behind omitted patches. */
export { addedLineIndexes } from '../src/evaluate/line-diff.js';
