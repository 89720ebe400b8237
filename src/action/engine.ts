/**
 * What the gate needs once the PR is being read: the config loader (YAML, the schema validator)
 * and the seven checks (the Markdown parser). `gate.ts` imports it lazily, so the bundle keeps it
 * in a chunk of its own that compiles while the first API request is in flight, not before it
 * leaves (docs/design.md, "Start-up").
 */
export { errorEvaluation } from '../evaluate/evaluate.js';
export { loadConfig } from '../config/load.js';
export { evaluateSource } from '../sources/evaluate-source.js';
