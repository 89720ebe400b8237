/**
 * Entry bundled by `bench/run.mjs` (with ncc, into `.bench-tmp/eval/`): the parser and the whole
 * evaluation, for the cold figures of `bench/parse-cold.mjs` (a fresh process per figure).
 */
export { parseProof, parseOptionsFrom } from '../src/proof/parse.js';
export { evaluate } from '../src/evaluate/evaluate.js';
export { FixtureSource } from '../src/sources/fixture.js';
export { DEFAULT_CONFIG } from '../src/config/defaults.js';
export { warmUpSteps } from '../src/action/engine-warmup.js';
