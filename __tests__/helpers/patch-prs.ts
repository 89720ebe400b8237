/**
 * Pull requests in temporary git repositories whose decisions depend on what they ADD to files
 * that already existed (canon updates in an inventory with stale entries, tests and markers added
 * to modified files, a renamed test), so tests can compare decisions with and without patches
 * (SPEC §8.14) and from branches and forks (SPEC §2). Each carries a complete proof and memory,
 * so only the rule under test decides.
 */
import { createHash } from 'node:crypto';
import { memoryText, MEMORY_PATH, PROOF_PATH, proofText } from './proofs.js';
import { createRepo, type TempRepo } from './git-repo.js';

export const PR_HEAD_REF = 'copilot/feature';
export const INVENTORY = 'governance/CANON_INVENTORY.json';
export const CANON = 'governance/canon/MERGE_POLICY.md';

export interface GitPr {
  name: string;
  repo: TempRepo;
  base: string;
  head: string;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** An inventory listing CANON and `others` stale entries (their files drifted long ago). */
function inventoryText(canonHash: string, others: number): string {
  const canons = [
    { path: CANON, filename: 'MERGE_POLICY.md', version: '1.0.0', file_hash_sha256: canonHash },
    ...Array.from({ length: others }, (_, i) => ({
      path: `governance/canon/OLD_${i}.md`,
      filename: `OLD_${i}.md`,
      version: '1.0.0',
      file_hash_sha256: sha(`what OLD_${i} said long ago\n`),
    })),
  ];
  return `${JSON.stringify({ version: '1.0.0', total_canons: canons.length, canons }, null, 2)}\n`;
}

/** A base branch with a stale inventory, then `change` committed on the PR branch with a proof and memory. */
function pullRequest(
  name: string,
  baseFiles: Record<string, string>,
  change: (repo: TempRepo) => Record<string, string | null>,
): GitPr {
  const repo = createRepo({ files: { 'README.md': '# base\n', ...baseFiles } });
  const base = repo.sha();
  repo.branch(PR_HEAD_REF);
  const files = change(repo);
  const head = repo.commit(name, {
    [PROOF_PATH]: proofText({ branch: PR_HEAD_REF }),
    [MEMORY_PATH]: memoryText(),
    ...files,
  });
  return { name, repo, base, head };
}

const POLICY_V1 = '# Merge policy v1\n';
const POLICY_V2 = '# Merge policy v2\n\nEvery PR carries a proof.\n';

function canonBase(others: number): Record<string, string> {
  const files: Record<string, string> = {
    [CANON]: POLICY_V1,
    [INVENTORY]: inventoryText(sha(POLICY_V1), others),
  };
  for (let i = 0; i < others; i += 1) files[`governance/canon/OLD_${i}.md`] = `drifted ${i}\n`;
  return files;
}

/** The canon file and its inventory entry both change, the new hash wrong: governance/alignment must fail. */
export function brokenCanonHashPr(): GitPr {
  return pullRequest('break a canon hash', canonBase(20), () => ({
    [CANON]: POLICY_V2,
    [INVENTORY]: inventoryText(sha('# not what the file says\n'), 20),
  }));
}

/** The canon file and its entry both change correctly; the other entries are stale: it passes. */
export function canonUpdatePr(others = 20): GitPr {
  return pullRequest(`update a canon among ${others} stale entries`, canonBase(others), () => ({
    [CANON]: POLICY_V2,
    [INVENTORY]: inventoryText(sha(POLICY_V2), others),
  }));
}

const TEST_FILE = 'apps/web/tests/login.test.ts';
const TEST_BASE =
  'describe("login", () => {\n  it("signs in", () => {\n    expect(signIn()).toBe(true);\n  });\n});\n';

/** A skipped test added to a test file that exists at the base: stop-and-fix must fail. */
export function skippedTestPr(): GitPr {
  return pullRequest('skip a test', { [TEST_FILE]: TEST_BASE }, () => ({
    [TEST_FILE]: TEST_BASE.replace('});\n', '});\n  it.skip("signs out", () => {});\n'),
  }));
}

/** A test file renamed and given a focused test: the diff runs against its previous path. */
export function renamedFocusedTestPr(): GitPr {
  return pullRequest('rename and focus a test', { [TEST_FILE]: TEST_BASE }, (repo) => {
    repo.rename(TEST_FILE, 'apps/web/tests/sign-in.test.ts');
    return { 'apps/web/tests/sign-in.test.ts': TEST_BASE.replace('it("signs in"', 'it.only("signs in"') };
  });
}

const SCRIPT = 'scripts/deploy.sh';
const SCRIPT_BASE = '#!/bin/sh\necho start\n# STOP-AND-FIX: region hard-coded, tracked elsewhere\n';

/** A script that already had a marker gets another line: nothing was added to fix, so it passes. */
export function oldMarkerPr(): GitPr {
  return pullRequest('touch a script with an old marker', { [SCRIPT]: SCRIPT_BASE }, () => ({
    [SCRIPT]: `${SCRIPT_BASE}echo done\n`,
  }));
}

/** A new marker added to that script: stop-and-fix must fail on its line. */
export function newMarkerPr(): GitPr {
  return pullRequest('add a marker', { [SCRIPT]: SCRIPT_BASE }, () => ({
    [SCRIPT]: `${SCRIPT_BASE}echo done # STOP-AND-FIX: retry on failure\n`,
  }));
}

/** Every PR above, for tests that compare them all. */
export function patchSensitivePrs(): GitPr[] {
  return [
    brokenCanonHashPr(),
    canonUpdatePr(),
    skippedTestPr(),
    renamedFocusedTestPr(),
    oldMarkerPr(),
    newMarkerPr(),
  ];
}
