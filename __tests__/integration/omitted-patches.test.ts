/**
 * Decisions never depend on whether the source sent a patch (SPEC §8.14): the same pull requests,
 * evaluated from a local git repository with every patch and with every patch stripped, get the
 * same seven results. Without a patch the added lines come from the merge base and head.
 */
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { CheckId } from '../../src/model/contexts.js';
import type { PullRequestFacts } from '../../src/model/facts.js';
import type { Evaluation } from '../../src/model/results.js';
import { LocalGitSource } from '../../src/sources/local-git.js';
import { gitRepoFromFixture, removeTempRepos } from '../helpers/git-repo.js';
import {
  brokenCanonHashPr,
  CANON,
  canonUpdatePr,
  newMarkerPr,
  oldMarkerPr,
  PR_HEAD_REF,
  renamedFocusedTestPr,
  skippedTestPr,
  type GitPr,
} from '../helpers/patch-prs.js';

afterAll(removeTempRepos);

const FIXTURES = join(process.cwd(), '__fixtures__', 'prs');

/** The PR evaluated twice over the same readers: with the patches git gives, and with none. */
async function withAndWithout(pr: GitPr, headRef = PR_HEAD_REF): Promise<[Evaluation, Evaluation]> {
  const source = new LocalGitSource({ repo: pr.repo.dir, base: pr.base, head: pr.head, headRef });
  try {
    const facts = await source.facts();
    const stripped: PullRequestFacts = {
      ...facts,
      changedFiles: facts.changedFiles.map(({ patch: _patch, ...file }) => file),
    };
    const run = (f: PullRequestFacts) =>
      evaluate(f, source.reader(), DEFAULT_CONFIG, {
        configPath: '.github/merge-gate.yml',
        mergeBaseReader: source.mergeBaseReader(),
      });
    expect(facts.changedFiles.some((f) => f.patch !== undefined)).toBe(true);
    return [await run(facts), await run(stripped)];
  } finally {
    await source.close();
  }
}

const stateOf = (evaluation: Evaluation, check: CheckId) =>
  evaluation.results.find((r) => r.check === check)?.state;

describe('the same PR with and without patches', () => {
  const cases: [string, () => GitPr, Partial<Record<CheckId, string>>][] = [
    ['a broken canon hash fails alignment', brokenCanonHashPr, { 'governance/alignment': 'failure' }],
    [
      'a correct canon update among stale entries passes',
      () => canonUpdatePr(),
      { 'merge-gate/verdict': 'success' },
    ],
    [
      'a correct canon update in a 2,000-entry inventory passes',
      () => canonUpdatePr(2000),
      { 'merge-gate/verdict': 'success' },
    ],
    [
      'a skipped test added to a modified test file fails',
      skippedTestPr,
      { 'stop-and-fix/enforcement': 'failure' },
    ],
    [
      'a focused test in a renamed test file fails',
      renamedFocusedTestPr,
      { 'stop-and-fix/enforcement': 'failure' },
    ],
    ['a marker the base already had does not fail', oldMarkerPr, { 'merge-gate/verdict': 'success' }],
    ['a marker added to a modified script fails', newMarkerPr, { 'stop-and-fix/enforcement': 'failure' }],
  ];

  it.each(cases)('%s, and all seven results are identical', async (_name, build, expected) => {
    const [withPatches, without] = await withAndWithout(build());
    expect(without.results).toEqual(withPatches.results);
    for (const [check, state] of Object.entries(expected))
      expect(stateOf(withPatches, check as CheckId)).toBe(state);
  });

  it('names the canon whose hash is wrong, from the inventory entry the PR changed', async () => {
    const [, without] = await withAndWithout(brokenCanonHashPr());
    const alignment = without.results.find((r) => r.check === 'governance/alignment');
    expect(alignment?.findings.filter((f) => f.severity === 'failure')).toEqual([
      expect.objectContaining({
        file: CANON,
        message: expect.stringContaining('update the inventory entry'),
      }),
    ]);
  });

  it.each(['743', '1048', '1429', '580', '856'])(
    'recorded PR maturion-isms-pr-%s decides the same without patches',
    async (name) => {
      const headRef = 'copilot/recorded';
      const { repo, base, head } = gitRepoFromFixture(join(FIXTURES, `maturion-isms-pr-${name}`), headRef);
      const [withPatches, without] = await withAndWithout({ name, repo, base, head }, headRef);
      expect(without.results).toEqual(withPatches.results);
    },
  );
});
