/** Entry bundled by `bench/run.mjs` (with ncc, into `.bench-tmp/`): the syntax gate's YAML and JSON checks. */
export { checkJsonSyntax, checkYamlSyntax } from '../src/evaluate/syntax.js';
