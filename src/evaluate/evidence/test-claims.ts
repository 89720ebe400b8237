/**
 * SPEC §9.4: a proof that reports test results on a PR whose head commit has no check run or status
 * that runs tests gets a warning: the results were typed, not produced by CI on this commit.
 * Queued and running checks count: they will run the tests.
 */
import { CHECK_IDS } from '../../model/contexts.js';
import type { ProofDocument } from '../../model/proof.js';
import { reportedTestResult } from '../test-evidence.js';
import type { CachedLookup } from './lookup.js';
import type { EvidenceFinding } from './types.js';

/** Findings for the governing proof's test results. */
export async function testClaimFindings(
  doc: ProofDocument,
  testCheckPattern: string,
  lookup: CachedLookup,
): Promise<EvidenceFinding[]> {
  const reported = reportedTestResult(doc);
  if (!reported) return [];
  const at = { line: reported.line };
  const checks = await lookup.headChecks();
  if (checks.state === 'unavailable') {
    return [
      {
        kind: 'not-checked',
        message: `Test results ("${reported.text}") not matched to a check run: ${checks.reason}`,
        ...at,
      },
    ];
  }
  const runsTests = new RegExp(testCheckPattern, 'i');
  // Merge Gate's own statuses (any prefix) are on the head commit too; they run no tests.
  const others = [...new Set(checks.names)].filter((name) => !isOwnContext(name));
  if (others.some((name) => runsTests.test(name))) return [];
  const seen = others.length > 0 ? ` (checks on it: ${others.slice(0, 5).join(', ')})` : '';
  return [
    {
      kind: 'advice',
      message: `The proof reports test results ("${reported.text}") but no check run or status on the head commit runs tests${seen}: were they run on this commit?`,
      ...at,
    },
  ];
}

function isOwnContext(name: string): boolean {
  return CHECK_IDS.some((id) => name === id || name.endsWith(`/${id}`));
}
