/** Entry bundled by `bench/run.mjs` (with ncc, into `.bench-tmp/`): the parser and its Markdown floor. */
export { parseProof, parseOptionsFrom } from '../src/proof/parse.js';
export { DEFAULT_CONFIG } from '../src/config/defaults.js';
export { parseMarkdown } from '../src/proof/markdown.js';
// `hostile` switches micromark back to the upstream, quadratic EditMap.consume to show what the fix bought.
export { useLinearEditMap } from '../src/proof/linear-edit-map.js';
