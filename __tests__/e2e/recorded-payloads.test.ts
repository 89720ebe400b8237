/**
 * The committed bundle on the event payloads GitHub really sends: the recorded payloads of
 * `@octokit/webhooks-examples` for every activity the workflow triggers on, as `pull_request_target`
 * and as `pull_request`, and `merge_group` `checks_requested`; then a re-run, and fork shapes.
 *
 * What is rewritten, and why: the fake GitHub serves the test PR (fixture 743) under the recorded
 * repository and PR number (`Codertocat/Hello-World` #2, `octo-org/octo-repo` #104), so those stay
 * as recorded and GITHUB_REPOSITORY is the payload's repository, as on a runner. Only the PR's head
 * SHA is rewritten (`pull_request.head.sha`, and `after` on `synchronize`; in a merge group, the
 * SHA in its queue branch name), because the recorded commits do not exist in the test repository.
 * Everything else (users, labels, installation, organization, URLs) is as GitHub recorded it.
 * GitHub's examples have no `edited` payload: that one is the recorded `opened` payload with
 * `action: edited` and the `changes` object GitHub sends with it (checked against its schema).
 */
import { join } from 'node:path';
import { CHECK_IDS } from '../../src/model/contexts.js';
import {
  expectBundleBuilt,
  expectTokenHidden,
  removeBundleRunDirs,
  runBundle,
  type BundleRun,
} from '../helpers/bundle-run.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { gitRepoFromFixture, removeTempRepos, type TempRepo } from '../helpers/git-repo.js';
import {
  pointAt,
  pointMergeGroupAt,
  pullRequestPayload,
  recordedPayloads,
} from '../helpers/webhook-payloads.js';

const FIXTURE = join(process.cwd(), '__fixtures__/prs/maturion-isms-pr-743');
const HEAD_REF = 'copilot/deploy-ai-gateway-production';
const TOKEN = 'ghs_recordedPayloadsToken_0a1b2c3d4e5f';
/** The activity types the workflow triggers on (README, examples/workflows). */
const TRIGGERS = ['opened', 'synchronize', 'reopened', 'edited', 'labeled', 'unlabeled', 'ready_for_review'];

type Json = Record<string, unknown>;

let fixture: { repo: TempRepo; base: string; head: string };
let github: FakeGitHub | undefined;

beforeAll(() => {
  expectBundleBuilt();
  // The payloads are under test here, not the proof: fixture 743's proof claims a file its PR never
  // delivered (evidence verification, tested in action-evidence.test.ts), so it is off in the base config.
  fixture = gitRepoFromFixture(FIXTURE, HEAD_REF, { '.github/merge-gate.yml': 'evidence:\n  verify: off\n' });
});
afterEach(async () => {
  await github?.close();
  github = undefined;
});
afterAll(() => {
  removeTempRepos();
  removeBundleRunDirs();
});

/** A fake GitHub serving fixture 743 as PR `number` of `repository`. */
async function serve(
  repository: string,
  number: number,
  options: { head?: string; headRepository?: string | null } = {},
): Promise<FakeGitHub> {
  github = await FakeGitHub.start({ token: TOKEN, repository });
  await github.servePullRequestFromGit(fixture.repo.dir, {
    number,
    headRef: HEAD_REF,
    base: fixture.base,
    head: options.head ?? fixture.head,
    ...(options.headRepository !== undefined ? { headRepository: options.headRepository } : {}),
  });
  return github;
}

const repositoryOf = (payload: Json) => String((payload.repository as Json).full_name);

/** Runs the bundle; `recorded` payloads are GitHub's own, the others must satisfy today's schema. */
async function run(
  fake: FakeGitHub,
  eventName: string,
  payload: Json,
  source?: 'recorded',
): Promise<BundleRun> {
  const result = await runBundle({
    apiUrl: fake.url,
    token: TOKEN,
    eventName,
    payload,
    repository: repositoryOf(payload),
    ...(source ? { payloadSource: source } : {}),
  });
  expectTokenHidden(result, TOKEN, JSON.stringify(fake.statuses));
  return result;
}

/** Pending on all seven first, then seven successes, on `sha` only; exit 0; verdict success. */
function expectSevenSuccesses(fake: FakeGitHub, result: BundleRun, sha: string): void {
  expect(result.code).toBe(0);
  expect(fake.firstPosted(sha, 7)).toEqual(CHECK_IDS.map((check) => [check, 'pending']).sort());
  const finals = fake.finalStatuses(sha);
  expect(CHECK_IDS.map((check) => finals.get(check)?.state)).toEqual(Array(7).fill('success'));
  expect(fake.statuses.every((status) => status.sha === sha)).toBe(true);
  expect(result.outputs.verdict).toBe('success');
}

/**
 * Recording `index` (from 1) of activity `action`, pointed at the test PR, and whether it is
 * GitHub's own (`recorded`) or the `edited` payload derived from `opened` (checked against its schema).
 */
function triggerPayload(action: string, index: number): { payload: Json; source?: 'recorded' } {
  if (action === 'edited') return { payload: pullRequestPayload('edited', { headSha: fixture.head }) };
  const recorded = recordedPayloads('pull_request', action)[index - 1];
  if (!recorded) throw new Error(`no recording ${index} of ${action}`);
  return { payload: pointAt(recorded, { headSha: fixture.head }), source: 'recorded' };
}

async function expectTriggerPasses(eventName: string, action: string, index: number): Promise<BundleRun> {
  const { payload, source } = triggerPayload(action, index);
  const fake = await serve(repositoryOf(payload), Number(payload.number));
  const result = await run(fake, eventName, payload, source);
  expectSevenSuccesses(fake, result, fixture.head);
  expect(result.stdout).toContain(
    `Merge Gate: evaluating PR #${String(payload.number)} of ${repositoryOf(payload)} (${eventName}).`,
  );
  return result;
}

describe('recorded pull_request payloads, pointed at the test PR', () => {
  const recordings = TRIGGERS.flatMap((action) => {
    const count = action === 'edited' ? 1 : recordedPayloads('pull_request', action).length;
    return Array.from({ length: count }, (_, i): [string, number] => [action, i + 1]);
  });

  // Every recording as pull_request_target (the recommended trigger); as pull_request, the first
  // recording of each activity (the others differ only in `installation` and `organization`).
  it.each(recordings)(
    'pull_request_target %s (recording %i): seven successes on the head',
    async (action, index) => {
      await expectTriggerPasses('pull_request_target', action, index);
    },
  );

  it.each(TRIGGERS)('pull_request %s (recording 1): seven successes on the head', async (action) => {
    await expectTriggerPasses('pull_request', action, 1);
  });
});

describe('recorded merge_group payloads', () => {
  const cases = recordedPayloads('merge_group', 'checks_requested').map((payload, index): [number, Json] => [
    index + 1,
    payload,
  ]);

  it.each(cases)(
    'checks_requested (recording %i): seven successes on the merge group commit',
    async (_i, payload) => {
      const number = Number(/\/pr-(\d+)-/.exec(String((payload.merge_group as Json).head_ref))?.[1]);
      const fake = await serve(repositoryOf(payload), number);
      const event = pointMergeGroupAt(payload, { number, headSha: fixture.head });
      const groupSha = String((event.merge_group as Json).head_sha);
      const result = await run(fake, 'merge_group', event, 'recorded');
      expectSevenSuccesses(fake, result, groupSha);
    },
  );
});

describe('a re-run carries the original payload', () => {
  it('posts on the PR head as the API reports it now, never on the stale head of the payload', async () => {
    // The payload is the event of the first push; the PR has moved on since (the other tests'
    // PR stays at the first push: the fake serves commits by SHA).
    const stale = fixture.head;
    fixture.repo.branch('later-push', stale);
    const now = fixture.repo.commit('a later push', { 'docs/later-push.md': '# pushed after the event\n' });
    const payload = pullRequestPayload('synchronize', { headSha: stale });
    const fake = await serve(repositoryOf(payload), Number(payload.number), { head: now });
    const result = await run(fake, 'pull_request_target', payload);

    expectSevenSuccesses(fake, result, now);
    expect(fake.statusesFor(stale)).toEqual([]);
    expect(result.stdout).toContain(
      `The event was for ${stale.slice(0, 7)}; the PR head is now ${now.slice(0, 7)}.`,
    );
  });
});

/**
 * Fork shapes: GitHub's recorded payload with `pull_request.head.repo` as a fork's (another owner,
 * `fork: true`) or as a deleted fork's (`null`); the fake answers the PR the same way.
 */
describe('pull requests from forks', () => {
  const FORK = 'contributor/Hello-World';

  function forkPayload(headRepo: 'fork' | 'deleted'): Json {
    const payload = pullRequestPayload('synchronize', { headSha: fixture.head });
    const head = (payload.pull_request as Json).head as Json;
    if (headRepo === 'deleted') {
      head.repo = null;
    } else {
      const repo = head.repo as Json;
      head.repo = {
        ...repo,
        name: 'Hello-World',
        full_name: FORK,
        fork: true,
        owner: { ...(repo.owner as Json), login: 'contributor' },
      };
    }
    return payload;
  }

  it.each(['fork', 'deleted'] as const)(
    'pull_request_target, %s head repository: seven successes on the head',
    async (headRepo) => {
      const payload = forkPayload(headRepo);
      const fake = await serve(repositoryOf(payload), Number(payload.number), {
        headRepository: headRepo === 'fork' ? FORK : null,
      });
      const result = await run(fake, 'pull_request_target', payload);
      expectSevenSuccesses(fake, result, fixture.head);
    },
  );

  it.each(['fork', 'deleted'] as const)(
    'pull_request, %s head repository, read-only token: one error naming pull_request_target',
    async (headRepo) => {
      const payload = forkPayload(headRepo);
      const fake = await serve(repositoryOf(payload), Number(payload.number), {
        headRepository: headRepo === 'fork' ? FORK : null,
      });
      // What GitHub answers a fork's read-only GITHUB_TOKEN.
      fake.inject(
        'statuses',
        { kind: 'status', status: 403, body: { message: 'Resource not accessible by integration' } },
        Infinity,
      );
      const result = await run(fake, 'pull_request', payload);

      expect(fake.count('statuses')).toBe(1);
      const advice = result.stdout.split('\n').filter((line) => line.includes('pull_request_target'));
      expect(advice).toHaveLength(1);
      expect(advice[0]).toMatch(
        /^::error::Merge Gate could not post commit statuses: .*Run Merge Gate on `pull_request_target`/,
      );
      expect(result.summary).toContain('could not post commit statuses');
      for (const check of CHECK_IDS) expect(result.summary).toContain(check);
      expect(result.outputs.verdict).toBe('success');
      expect(result.code).toBe(0); // every check passed; only the posting was refused
    },
  );
});
