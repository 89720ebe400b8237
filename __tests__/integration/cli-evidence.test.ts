/**
 * Evidence verification in local mode (SPEC §7, §9): `merge-gate check` on temporary repositories,
 * where the head tree, the branch's commits and the files at those commits come from git.
 */
import { createHash } from 'node:crypto';
import { runCli } from '../helpers/cli-run.js';
import { createRepo, removeTempRepos, type TempRepo } from '../helpers/git-repo.js';
import { MEMORY_PATH, PROOF_PATH, memoryText, proofText } from '../helpers/proofs.js';

afterAll(removeTempRepos);

const BRANCH = 'copilot/feature';
const FILE = 'governance/sync_state.json';
const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The real row shape of PR #1290's proof (path | action | SHA-256), with this test's hash. */
const hashTable = (path: string, hash: string) =>
  `\n## Files Modified — SHA256 Checksums\n\n| File | Action | SHA256 |\n|------|--------|--------|\n| ${path} | UPDATED | ${hash} |\n`;

function proofRepo(): TempRepo {
  const repo = createRepo({ files: { 'README.md': '# base\n', [FILE]: '{"last_sync":"2026-04-01"}\n' } });
  repo.branch(BRANCH);
  return repo;
}

function proofFiles(extra: string) {
  return { [PROOF_PATH]: proofText({ extra }), [MEMORY_PATH]: memoryText() };
}

async function check(repo: TempRepo) {
  const result = await runCli(['check', '--repo', repo.dir, '--base', 'main', '--format', 'json']);
  const proof = JSON.parse(result.stdout).checks[0];
  const ofEvidence = proof.findings.filter((f: { configKey?: string }) => f.configKey === 'evidence.verify');
  return {
    code: result.code,
    proof,
    /** Failures and warnings; the notices of what a local run cannot check are apart. */
    evidence: ofEvidence.filter((f: { severity: string }) => f.severity !== 'notice'),
    notices: ofEvidence
      .filter((f: { severity: string }) => f.severity === 'notice')
      .map((f: { message: string }) => f.message),
  };
}

describe('merge-gate check: stated hashes against the branch history', () => {
  it('names the commit of the branch a stale hash matches, on the proof line', async () => {
    const repo = proofRepo();
    const earlier = repo.commit('sync', { [FILE]: '{"last_sync":"2026-04-07"}\n' });
    repo.commit('proof, then another sync', {
      ...proofFiles(hashTable(FILE, sha256('{"last_sync":"2026-04-07"}\n'))),
      [FILE]: '{"last_sync":"2026-04-08"}\n',
    });
    const { code, proof, evidence, notices } = await check(repo);
    expect(code).toBe(1);
    expect(notices).toEqual([
      'Triggering issue #900 not looked up: a local run has no GitHub API',
      'Test results ("120/120 tests") not matched to a check run: a local run has no GitHub API',
    ]);
    expect(proof.state).toBe('failure');
    expect(evidence).toEqual([
      {
        severity: 'failure',
        message: expect.stringContaining(
          `is stale: it matches the file at ${earlier.slice(0, 7)}, an earlier commit of this PR`,
        ),
        file: PROOF_PATH,
        line:
          proofText({ extra: hashTable(FILE, 'x') })
            .split('\n')
            .findIndex((l) => l.startsWith(`| ${FILE}`)) + 1,
        configKey: 'evidence.verify',
      },
    ]);
  });

  it('on a squashed branch sees one commit: a hash of the base version is stale, any other never matched', async () => {
    const repo = proofRepo();
    repo.commit('everything at once', {
      ...proofFiles(hashTable(FILE, sha256('{"last_sync":"2026-04-01"}\n'))),
      [FILE]: '{"last_sync":"2026-04-08"}\n',
    });
    const { evidence } = await check(repo);
    expect(evidence.map((f: { message: string }) => f.message)).toEqual([
      expect.stringContaining('is stale: it is the hash of the file before this PR changed it (base '),
    ]);

    const other = proofRepo();
    other.commit('everything at once', {
      ...proofFiles(hashTable(FILE, sha256('{"last_sync":"2026-04-07"}\n'))),
      [FILE]: '{"last_sync":"2026-04-08"}\n',
    });
    expect((await check(other)).evidence.map((f: { message: string }) => f.message)).toEqual([
      expect.stringMatching(
        /nor any earlier version in this PR \(no earlier commit of this PR changed the file\): it never matched$/,
      ),
    ]);
  });

  it('hashes the bytes as git stores them: a byte-order mark counts', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Canon\n')]);
    const repo = proofRepo();
    repo.commit('canon with a BOM', {
      ...proofFiles(hashTable('governance/canon/CANON.md', sha256(bom))),
      'governance/canon/CANON.md': bom,
    });
    expect((await check(repo)).evidence).toEqual([]);

    const textOnly = proofRepo();
    textOnly.commit('canon with a BOM, hash of its text', {
      ...proofFiles(hashTable('governance/canon/CANON.md', sha256('# Canon\n'))),
      'governance/canon/CANON.md': bom,
    });
    expect((await check(textOnly)).evidence.map((f: { message: string }) => f.message)).toEqual([
      expect.stringContaining('The SHA-256 stated for governance/canon/CANON.md'),
    ]);
  });
});

describe('merge-gate check: delivered files against the head tree', () => {
  it('passes a file the PR does not change but head has; fails one head lacks; skips a directory', async () => {
    const repo = createRepo({ files: { 'README.md': '# base\n', 'docs/guide.md': '# Guide\n' } });
    repo.branch(BRANCH);
    const table =
      '\n## Deliverables\n\n| File | Status |\n|---|---|\n| `docs/guide.md` | ✅ Present |\n| `docs/missing.md` | ✅ Committed |\n| `docs/` | ✅ |\n';
    repo.commit('proof', proofFiles(table));
    const { evidence } = await check(repo);
    expect(evidence).toEqual([
      expect.objectContaining({
        severity: 'failure',
        message: 'docs/missing.md is listed as delivered under "Deliverables" but does not exist at head',
      }),
    ]);
  });
});
