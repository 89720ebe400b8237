import { builderInvolvementCheck } from './builder-involvement.js';
import type { CheckDefinition } from './check.js';
import { foremanImplementationCheck } from './foreman-implementation.js';
import { governanceAlignmentCheck } from './governance-alignment.js';
import { prehandoverProofCheck } from './prehandover-proof.js';
import { sessionMemoryCheck } from './session-memory.js';
import { stopAndFixCheck } from './stop-and-fix.js';

/** The six checks the verdict aggregates, in the order of `CHECK_IDS`. */
export const CHECKS: readonly CheckDefinition[] = [
  prehandoverProofCheck,
  sessionMemoryCheck,
  foremanImplementationCheck,
  builderInvolvementCheck,
  stopAndFixCheck,
  governanceAlignmentCheck,
];
