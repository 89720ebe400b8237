/** Entry bundled by `bench/run.mjs` (with ncc, into `.bench-tmp/`): the parser and its Markdown floor. */
export { parseProof, parseOptionsFrom } from '../src/proof/parse.js';
export { DEFAULT_CONFIG } from '../src/config/defaults.js';
export { parseMarkdown } from '../src/proof/markdown.js';
